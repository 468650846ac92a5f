package dev.stagesmith.engine.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The generated {@code /etc/hosts} (BuildKit's: localhost and the sandbox's host name) and, for the default
 * and host networks, the host's {@code /etc/resolv.conf}; bound read-only over the root for one RUN.
 */
record EtcFiles(Path hosts, Optional<Path> resolvConf) {

    static EtcFiles write(Path dir, RunSpec spec) throws IOException {
        Path hosts = dir.resolve("hosts");
        Files.writeString(hosts, "127.0.0.1\tlocalhost " + spec.hostname() + "\n"
                + "::1\tlocalhost ip6-localhost ip6-loopback\n");
        Optional<Path> resolv = Optional.empty();
        if (spec.network() != Network.NONE) {
            Path r = dir.resolve("resolv.conf");
            Path host = Path.of("/etc/resolv.conf");
            Files.writeString(r, Files.isReadable(host) ? Files.readString(host) : "");
            resolv = Optional.of(r);
        }
        return new EtcFiles(hosts, resolv);
    }

    static void delete(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // A leftover temp dir in the scratch area goes when the build ends.
        }
    }
}
