package dev.stagesmith.server.features.build;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A loopback HTTP server whose {@code /slow} sends the headers and a first chunk, then stalls until
 * released: a download that hangs mid-body, the fault a real server does not make to order. After
 * {@link #release()} it answers at once.
 */
final class SlowServer implements AutoCloseable {

    static final String BODY = "first chunk, then the rest\n";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Semaphore requests = new Semaphore(0);
    private final CountDownLatch released = new CountDownLatch(1);

    SlowServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/slow", exchange -> {
            requests.release();
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(BODY.substring(0, 12).getBytes(StandardCharsets.UTF_8));
                out.flush();
                released.await();
                out.write(BODY.substring(12).getBytes(StandardCharsets.UTF_8));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // The client went away (a cancelled build): nothing to finish.
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/slow";
    }

    /** Waits until the download has started (the headers are on their way). */
    void awaitRequest() throws InterruptedException {
        if (!requests.tryAcquire(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the build never asked " + url());
        }
    }

    void release() {
        released.countDown();
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        threads.shutdownNow();
    }
}
