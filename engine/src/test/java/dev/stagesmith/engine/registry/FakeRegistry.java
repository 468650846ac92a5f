package dev.stagesmith.engine.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-process HTTP server on 127.0.0.1 for faults a real registry cannot be made to produce. Each test
 * installs one handler; every request is recorded so tests can assert on headers that were (not) sent.
 */
final class FakeRegistry implements AutoCloseable {

    /** A request as the server saw it. */
    record Seen(String method, String path, String query, Map<String, List<String>> headers) {
        String header(String name) {
            List<String> v = headers.get(name.toLowerCase(java.util.Locale.ROOT));
            return v == null || v.isEmpty() ? null : v.get(0);
        }
    }

    /** Answers one request. */
    interface Handler {
        void handle(HttpExchange ex, Seen seen) throws IOException;
    }

    private final HttpServer server;
    final List<Seen> requests = new CopyOnWriteArrayList<>();

    FakeRegistry(Handler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            Map<String, List<String>> headers = new ConcurrentHashMap<>();
            ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), List.copyOf(v)));
            Seen seen = new Seen(ex.getRequestMethod(), ex.getRequestURI().getPath(), ex.getRequestURI().getRawQuery(),
                    headers);
            requests.add(seen);
            try {
                ex.getRequestBody().readAllBytes();
                handler.handle(ex, seen);
            } finally {
                ex.close();
            }
        });
        server.start();
    }

    String host() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    long count(String pathPrefix) {
        return requests.stream().filter(s -> s.path().startsWith(pathPrefix)).count();
    }

    static void respond(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            ex.getResponseHeaders().set("Content-Type", contentType);
        }
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    static void respond(HttpExchange ex, int status) throws IOException {
        respond(ex, status, null, new byte[0]);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
