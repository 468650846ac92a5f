package dev.stagesmith.engine.registry;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How the registry client connects.
 *
 * @param insecureRegistries host[:port] names that may be reached over plain HTTP, in addition to loopback hosts
 * @param dockerConfigDir where {@code config.json} with credentials lives
 * @param timeout connect timeout, and the limit for a response's headers to arrive
 */
public record RegistryOptions(Set<String> insecureRegistries, Path dockerConfigDir, Duration timeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public RegistryOptions {
        insecureRegistries = Set.copyOf(insecureRegistries);
        Objects.requireNonNull(dockerConfigDir, "dockerConfigDir");
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            timeout = DEFAULT_TIMEOUT;
        }
    }

    /** No insecure registries, {@code $DOCKER_CONFIG} or {@code ~/.docker}, a 30 s timeout. */
    public static RegistryOptions defaults() {
        return new RegistryOptions(Set.of(), defaultDockerConfigDir(), DEFAULT_TIMEOUT);
    }

    public RegistryOptions withDockerConfigDir(Path dir) {
        return new RegistryOptions(insecureRegistries, dir, timeout);
    }

    public RegistryOptions withInsecureRegistries(Set<String> hosts) {
        return new RegistryOptions(hosts, dockerConfigDir, timeout);
    }

    static Path defaultDockerConfigDir() {
        String env = System.getenv("DOCKER_CONFIG");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".docker");
    }
}
