package dev.stagesmith.engine.run;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Something mounted into the sandbox over the stage's root filesystem for one RUN: a host file or directory
 * bound at {@code target}, or an empty tmpfs. Mount targets never end up in the RUN's layer.
 *
 * @param source the host path for {@link Kind#BIND}; empty for {@link Kind#TMPFS}
 * @param target the absolute path inside the container
 * @param sizeBytes a tmpfs size limit, or 0 for the default
 */
public record SandboxMount(Kind kind, Optional<Path> source, String target, boolean readOnly, long sizeBytes) {

    public enum Kind { BIND, TMPFS }

    public static SandboxMount bind(Path source, String target, boolean readOnly) {
        return new SandboxMount(Kind.BIND, Optional.of(source), target, readOnly, 0);
    }

    public static SandboxMount tmpfs(String target, long sizeBytes) {
        return new SandboxMount(Kind.TMPFS, Optional.empty(), target, false, sizeBytes);
    }
}
