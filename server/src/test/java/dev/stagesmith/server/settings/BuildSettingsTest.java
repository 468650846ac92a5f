package dev.stagesmith.server.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code stagesmith.build.output|engine|cacheDir|context}: typed, defaulted, bad values ignored with a warning. */
class BuildSettingsTest {

    private static void check(String json, BuildSettings expected, List<String> expectedWarnings) {
        List<String> warnings = new ArrayList<>();
        Settings s = Settings.parse(JsonParser.parseString(json), warnings);
        assertEquals(expected, s.build());
        assertEquals(expectedWarnings, warnings);
    }

    @Test
    void defaults() {
        check("{}", new BuildSettings("", "embedded", "", ""), List.of());
        assertEquals(BuildSettings.defaults(), Settings.defaults().build());
    }

    @Test
    void readsEverySetting() {
        check("""
                {"build": {"output": "oci-archive:out/app.tar", "engine": "podman", "cacheDir": "/var/cache/s",
                           "context": "..", "secrets": {"npm": "secrets/npm.txt"}}}""",
                new BuildSettings("oci-archive:out/app.tar", "podman", "/var/cache/s", "..",
                        java.util.Map.of("npm", "secrets/npm.txt")), List.of());
    }

    @Test
    void badValuesAreIgnoredWithAWarning() {
        check("""
                {"build": {"output": "tar:x", "engine": "kaniko", "cacheDir": 3, "context": ["a"], "secrets": "x"}}""",
                BuildSettings.defaults(), List.of(
                        "stagesmith.build.output: tar:x is not oci:DIR, oci-archive:FILE or docker-archive:FILE (ignored)",
                        "stagesmith.build.engine: kaniko is not one of embedded, podman, buildah, docker (ignored)",
                        "stagesmith.build.cacheDir: not a string (ignored)",
                        "stagesmith.build.context: not a string (ignored)",
                        "stagesmith.build.secrets: not an object (ignored)"));
    }
}
