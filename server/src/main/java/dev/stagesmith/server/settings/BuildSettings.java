package dev.stagesmith.server.settings;

import java.util.List;
import java.util.Map;

/**
 * The editor's settings for builds started from a code lens or {@code stagesmith.buildToStage}; an empty
 * string means the default.
 *
 * @param output {@code stagesmith.build.output}: {@code oci:DIR}, {@code oci-archive:FILE} or
 *     {@code docker-archive:FILE}, relative to the workspace folder; empty = {@code .stagesmith/out/<target>}
 *     in the context
 * @param engine {@code stagesmith.build.engine}: the backend that builds
 * @param cacheDir {@code stagesmith.build.cacheDir}: the cache; empty = the default cache
 * @param context {@code stagesmith.build.context}: relative to the Dockerfile's directory; empty = that directory
 * @param secrets {@code stagesmith.build.secrets}: secret id → file (relative to the workspace folder) for
 *     {@code RUN --mount=type=secret}, as {@code --secret id=ID,src=FILE}
 */
public record BuildSettings(String output, String engine, String cacheDir, String context, Map<String, String> secrets) {

    public BuildSettings {
        secrets = Map.copyOf(secrets);
    }

    /** Settings without secrets. */
    public BuildSettings(String output, String engine, String cacheDir, String context) {
        this(output, engine, cacheDir, context, Map.of());
    }

    /** The engines the setting accepts (the protocol's list; a backend this build lacks fails the build). */
    public static final List<String> ENGINES = List.of("embedded", "podman", "buildah", "docker");

    public static BuildSettings defaults() {
        return new BuildSettings("", "embedded", "", "");
    }
}
