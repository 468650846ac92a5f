package dev.stagesmith.engine.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real registry (Debian's {@code docker-registry}, distribution 2.8) on 127.0.0.1 with its own config, storage
 * and optional htpasswd users, for end-to-end tests. Start with {@link #start}; close kills it and deletes its files.
 * Its log is kept so a failing test can show what the registry thought ({@link #log()}).
 */
public final class RegistryServer implements AutoCloseable {

    /** A user for htpasswd basic auth. */
    public record Login(String user, String password) {}

    private static final Duration STARTUP = Duration.ofSeconds(20);

    private final Process process;
    private final Path dir;
    private final int port;

    private RegistryServer(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    /** Starts a registry with storage under a new directory in {@code workDir}; with a login, only that user may use it. */
    public static RegistryServer start(Path workDir, Optional<Login> login) throws IOException {
        Path binary = RequiredTool.find("docker-registry", "docker-registry");
        Path dir = Files.createTempDirectory(workDir, "registry-");
        String auth = "";
        if (login.isPresent()) {
            Path htpasswd = dir.resolve("htpasswd");
            Files.writeString(htpasswd, htpasswd(login.get()));
            auth = "auth: { htpasswd: { realm: basic-realm, path: " + htpasswd + " } }\n";
        }
        int port = freePort();
        Path config = dir.resolve("config.yml");
        Files.writeString(config, "version: 0.1\n"
                + "log: { level: info }\n"
                + "storage: { filesystem: { rootdirectory: " + dir.resolve("data") + " } }\n"
                + "http: { addr: 127.0.0.1:" + port + " }\n"
                + auth);
        Process p = new ProcessBuilder(binary.toString(), "serve", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile()).start();
        RegistryServer server = new RegistryServer(p, dir, port);
        try {
            server.awaitReady();
        } catch (IOException | RuntimeException e) {
            String log = server.log();
            server.close();
            throw new IOException(e.getMessage() + "\nregistry log:\n" + log, e);
        }
        return server;
    }

    private static String htpasswd(Login login) throws IOException {
        Path tool = RequiredTool.find("htpasswd", "apache2-utils");
        Process p = new ProcessBuilder(tool.toString(), "-Bbn", login.user(), login.password()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("htpasswd failed: " + new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        return out.strip() + "\n";
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Polls GET /v2/ until the registry answers; no sleeping, the connect attempt itself paces the loop. */
    private void awaitReady() throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ping = HttpRequest.newBuilder(URI.create("http://" + host() + "/v2/"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("docker-registry exited with " + process.exitValue() + " before it was ready");
            }
            try {
                int code = http.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (code == 200 || code == 401) {
                    return;
                }
            } catch (IOException notYet) {
                Thread.onSpinWait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the registry", e);
            }
        }
        throw new IOException("docker-registry did not answer GET /v2/ on " + host() + " within " + STARTUP.toSeconds() + " s");
    }

    /** {@code 127.0.0.1:PORT}. */
    public String host() {
        return "127.0.0.1:" + port;
    }

    public String log() {
        try {
            return Files.readString(dir.resolve("log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a leftover temp dir is not worth failing a test over; @TempDir owners clean up after us
        }
    }
}
