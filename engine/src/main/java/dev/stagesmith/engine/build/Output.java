package dev.stagesmith.engine.build;

import java.nio.file.Path;

/** Where a build writes its image. */
public sealed interface Output {

    /** An OCI image layout directory. */
    record OciLayout(Path dir) implements Output {}

    /** One tar that is both an OCI archive and a {@code docker save} archive. */
    record Archive(Path file, Kind kind) implements Output {
        /** The name the user asked for; both write the same combined format. */
        public enum Kind { OCI, DOCKER }
    }

    /** Parses {@code oci:DIR}, {@code oci-archive:FILE} or {@code docker-archive:FILE}. */
    static Output parse(String spec) {
        int colon = spec.indexOf(':');
        String kind = colon < 0 ? "" : spec.substring(0, colon);
        String where = colon < 0 ? "" : spec.substring(colon + 1);
        if (where.isEmpty()) {
            throw new IllegalArgumentException("--output wants oci:DIR, oci-archive:FILE or docker-archive:FILE, not "
                    + spec);
        }
        return switch (kind) {
            case "oci" -> new OciLayout(Path.of(where));
            case "oci-archive" -> new Archive(Path.of(where), Archive.Kind.OCI);
            case "docker-archive" -> new Archive(Path.of(where), Archive.Kind.DOCKER);
            default -> throw new IllegalArgumentException("unknown output type '" + kind
                    + "': use oci:DIR, oci-archive:FILE or docker-archive:FILE");
        };
    }
}
