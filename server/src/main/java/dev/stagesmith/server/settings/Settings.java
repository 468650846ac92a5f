package dev.stagesmith.server.settings;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.stagesmith.grammar.stages.ModelOptions;
import dev.stagesmith.grammar.stages.Platform;
import dev.stagesmith.server.checks.Rule;
import dev.stagesmith.server.checks.Rules;
import dev.stagesmith.server.checks.Severity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The editor's {@code stagesmith} settings, typed, each with a default. Bad values are ignored with a
 * warning (never fatal). Every setting is documented in {@code docs/configuration.md}.
 *
 * @param ruleSeverities {@code stagesmith.checks.severity}: severity per rule code
 * @param buildArgs {@code stagesmith.build.args}: build args for ARG values, as {@code --build-arg}
 * @param platform {@code stagesmith.build.platform}: the target platform, default this machine's
 * @param diagnostics {@code stagesmith.diagnostics.enable}: publish diagnostics
 * @param completion {@code stagesmith.completion.enable}: answer completion requests
 * @param build {@code stagesmith.build.output|engine|cacheDir|context}: where and how editor builds run
 * @param deferredRules {@code stagesmith.diagnostics.deferTo}: rule codes left to another server ({@link PeerRules})
 */
public record Settings(Map<String, Severity> ruleSeverities, Map<String, String> buildArgs, Optional<Platform> platform,
        boolean diagnostics, boolean completion, BuildSettings build, Set<String> deferredRules) {

    public Settings {
        ruleSeverities = Map.copyOf(ruleSeverities);
        buildArgs = Map.copyOf(buildArgs);
        deferredRules = Set.copyOf(deferredRules);
    }

    /** Settings that defer no rule to another server. */
    public Settings(Map<String, Severity> ruleSeverities, Map<String, String> buildArgs, Optional<Platform> platform,
            boolean diagnostics, boolean completion, BuildSettings build) {
        this(ruleSeverities, buildArgs, platform, diagnostics, completion, build, Set.of());
    }

    /** Settings with the default build settings. */
    public Settings(Map<String, Severity> ruleSeverities, Map<String, String> buildArgs, Optional<Platform> platform,
            boolean diagnostics, boolean completion) {
        this(ruleSeverities, buildArgs, platform, diagnostics, completion, BuildSettings.defaults());
    }

    public static Settings defaults() {
        return new Settings(Map.of(), Map.of(), Optional.empty(), true, true);
    }

    /** The stage model's options for these settings. */
    public ModelOptions modelOptions() {
        ModelOptions o = ModelOptions.defaults().withBuildArgs(buildArgs);
        return platform.map(o::withTargetPlatform).orElse(o);
    }

    /** Reads the {@code stagesmith} section; {@code warnings} collects what was ignored and why. */
    public static Settings parse(JsonElement section, List<String> warnings) {
        if (section == null || !section.isJsonObject()) {
            return defaults();
        }
        JsonObject root = section.getAsJsonObject();
        return new Settings(severities(object(root, "checks", "severity", warnings), warnings),
                strings(object(root, "build", "args", warnings), "stagesmith.build.args", warnings),
                platform(string(root, "build", "platform", warnings), warnings),
                bool(root, "diagnostics", "enable", true, warnings),
                bool(root, "completion", "enable", true, warnings),
                build(root, warnings),
                PeerRules.deferredTo(string(root, "diagnostics", "deferTo", warnings), warnings));
    }

    private static BuildSettings build(JsonObject root, List<String> warnings) {
        BuildSettings d = BuildSettings.defaults();
        String output = string(root, "build", "output", warnings).orElse(d.output()).strip();
        if (!output.isEmpty()) {
            try {
                dev.stagesmith.engine.build.Output.parse(output);
            } catch (IllegalArgumentException e) {
                warnings.add("stagesmith.build.output: " + output
                        + " is not oci:DIR, oci-archive:FILE or docker-archive:FILE (ignored)");
                output = d.output();
            }
        }
        String engine = string(root, "build", "engine", warnings).orElse(d.engine()).strip();
        if (engine.isEmpty()) {
            engine = d.engine();
        } else if (!BuildSettings.ENGINES.contains(engine)) {
            warnings.add("stagesmith.build.engine: " + engine + " is not one of "
                    + String.join(", ", BuildSettings.ENGINES) + " (ignored)");
            engine = d.engine();
        }
        String cacheDir = string(root, "build", "cacheDir", warnings).orElse(d.cacheDir()).strip();
        String context = string(root, "build", "context", warnings).orElse(d.context()).strip();
        Map<String, String> secrets = strings(object(root, "build", "secrets", warnings), "stagesmith.build.secrets",
                warnings);
        return new BuildSettings(output, engine, cacheDir, context, secrets);
    }

    private static Map<String, Severity> severities(JsonObject o, List<String> warnings) {
        Map<String, Severity> out = new LinkedHashMap<>();
        if (o == null) {
            return out;
        }
        Map<String, String> codes = new LinkedHashMap<>();
        for (Rule r : Rules.all()) {
            codes.put(r.code().toLowerCase(java.util.Locale.ROOT), r.code());
        }
        for (Map.Entry<String, JsonElement> e : o.entrySet()) {
            String code = codes.get(e.getKey().toLowerCase(java.util.Locale.ROOT));
            Optional<Severity> level = primitiveString(e.getValue()).flatMap(Severity::parse);
            if (code == null) {
                warnings.add("stagesmith.checks.severity: no rule " + e.getKey() + " (ignored)");
            } else if (level.isEmpty()) {
                warnings.add("stagesmith.checks.severity." + e.getKey()
                        + ": use error, warning, info, hint or off (ignored)");
            } else {
                out.put(code, level.get());
            }
        }
        return out;
    }

    private static Map<String, String> strings(JsonObject o, String name, List<String> warnings) {
        Map<String, String> out = new LinkedHashMap<>();
        if (o == null) {
            return out;
        }
        for (Map.Entry<String, JsonElement> e : o.entrySet()) {
            Optional<String> v = primitiveString(e.getValue());
            if (v.isEmpty()) {
                warnings.add(name + "." + e.getKey() + ": not a string (ignored)");
            } else {
                out.put(e.getKey(), v.get());
            }
        }
        return out;
    }

    private static Optional<Platform> platform(Optional<String> text, List<String> warnings) {
        if (text.isEmpty() || text.get().isBlank()) {
            return Optional.empty();
        }
        Optional<Platform> p = Platform.parse(text.get());
        if (p.isEmpty()) {
            warnings.add("stagesmith.build.platform: " + text.get() + " is not OS/ARCH[/VARIANT] (ignored)");
        }
        return p;
    }

    private static JsonObject object(JsonObject root, String group, String key, List<String> warnings) {
        JsonElement g = root.get(group);
        if (g == null || g.isJsonNull()) {
            return null;
        }
        if (!g.isJsonObject()) {
            warnings.add("stagesmith." + group + ": not an object (ignored)");
            return null;
        }
        JsonElement v = g.getAsJsonObject().get(key);
        if (v == null || v.isJsonNull()) {
            return null;
        }
        if (!v.isJsonObject()) {
            warnings.add("stagesmith." + group + "." + key + ": not an object (ignored)");
            return null;
        }
        return v.getAsJsonObject();
    }

    private static Optional<String> string(JsonObject root, String group, String key, List<String> warnings) {
        JsonElement g = root.get(group);
        if (g == null || !g.isJsonObject()) {
            return Optional.empty();
        }
        JsonElement v = g.getAsJsonObject().get(key);
        if (v == null || v.isJsonNull()) {
            return Optional.empty();
        }
        Optional<String> s = primitiveString(v);
        if (s.isEmpty()) {
            warnings.add("stagesmith." + group + "." + key + ": not a string (ignored)");
        }
        return s;
    }

    private static boolean bool(JsonObject root, String group, String key, boolean fallback, List<String> warnings) {
        JsonElement g = root.get(group);
        if (g == null || !g.isJsonObject()) {
            return fallback;
        }
        JsonElement v = g.getAsJsonObject().get(key);
        if (v == null || v.isJsonNull()) {
            return fallback;
        }
        if (v.isJsonPrimitive() && v.getAsJsonPrimitive().isBoolean()) {
            return v.getAsBoolean();
        }
        warnings.add("stagesmith." + group + "." + key + ": not true or false (ignored)");
        return fallback;
    }

    private static Optional<String> primitiveString(JsonElement e) {
        if (e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
            return Optional.of(e.getAsString());
        }
        return Optional.empty();
    }
}
