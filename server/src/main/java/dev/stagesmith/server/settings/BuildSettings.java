package dev.stagesmith.server.settings;

import java.util.List;

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
 */
public record BuildSettings(String output, String engine, String cacheDir, String context) {

    /** The engines the setting accepts (the protocol's list; a backend this build lacks fails the build). */
    public static final List<String> ENGINES = List.of("embedded", "podman", "buildah", "docker");

    public static BuildSettings defaults() {
        return new BuildSettings("", "embedded", "", "");
    }
}
