package dev.stagesmith.engine.build;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.stagesmith.grammar.stages.ArgScope;
import dev.stagesmith.grammar.stages.Platform;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Edits of an OCI image config ({@code application/vnd.oci.image.config.v1+json}) as the Dockerfile
 * instructions make them. Configs stay {@link JsonObject}s so fields a base image carries that we do not
 * know survive; every edit works on a deep copy.
 */
final class ImageConfig {

    static final String HISTORY_COMMENT = "buildkit.dockerfile.v0";

    private ImageConfig() {}

    /** What {@code FROM scratch} starts from: no layers, BuildKit's default PATH, working dir "/". */
    static JsonObject scratch(Platform platform) {
        JsonObject c = new JsonObject();
        c.addProperty("architecture", platform.arch());
        c.addProperty("os", platform.os());
        platform.variant().ifPresent(v -> c.addProperty("variant", v));
        JsonObject inner = new JsonObject();
        JsonArray env = new JsonArray();
        env.add("PATH=" + ArgScope.DEFAULT_PATH);
        inner.add("Env", env);
        inner.addProperty("WorkingDir", "/");
        c.add("config", inner);
        JsonObject rootfs = new JsonObject();
        rootfs.addProperty("type", "layers");
        rootfs.add("diff_ids", new JsonArray());
        c.add("rootfs", rootfs);
        c.add("history", new JsonArray());
        return c;
    }

    /** A base image's config made ready to build on: ONBUILD triggers cleared, default PATH if none. */
    static JsonObject inherit(JsonObject base) {
        JsonObject c = base.deepCopy();
        JsonObject inner = inner(c);
        inner.remove("OnBuild");
        Map<String, String> env = env(c);
        if (!env.containsKey("PATH")) {
            env.put("PATH", ArgScope.DEFAULT_PATH);
            setEnv(c, env);
        }
        if (!c.has("history")) {
            c.add("history", new JsonArray());
        }
        if (!c.has("rootfs")) {
            JsonObject rootfs = new JsonObject();
            rootfs.addProperty("type", "layers");
            rootfs.add("diff_ids", new JsonArray());
            c.add("rootfs", rootfs);
        }
        padHistory(c);
        return c;
    }

    /**
     * History is optional in OCI, but ours must have one non-empty entry per layer: a base image with fewer
     * (none at all, say) gets entries for its first layers, dated like the image, so our steps line up.
     */
    private static void padHistory(JsonObject c) {
        JsonArray history = c.getAsJsonArray("history");
        JsonElement diffIds = c.getAsJsonObject("rootfs").get("diff_ids");
        int layers = diffIds != null && diffIds.isJsonArray() ? diffIds.getAsJsonArray().size() : 0;
        int withLayer = 0;
        for (JsonElement h : history) {
            if (!(h.isJsonObject() && h.getAsJsonObject().has("empty_layer")
                    && h.getAsJsonObject().get("empty_layer").getAsBoolean())) {
                withLayer++;
            }
        }
        if (withLayer >= layers) {
            return;
        }
        JsonArray padded = new JsonArray();
        for (int i = withLayer; i < layers; i++) {
            JsonObject h = new JsonObject();
            if (c.has("created")) {
                h.add("created", c.get("created"));
            }
            padded.add(h);
        }
        padded.addAll(history);
        c.add("history", padded);
    }

    /** The config's {@code created}, or the epoch when it has none or an unreadable one. */
    static Instant created(JsonObject c) {
        try {
            return c.has("created") ? java.time.OffsetDateTime.parse(c.get("created").getAsString()).toInstant()
                    : Instant.EPOCH;
        } catch (RuntimeException e) {
            return Instant.EPOCH;
        }
    }

    static JsonObject inner(JsonObject c) {
        if (!c.has("config") || !c.get("config").isJsonObject()) {
            c.add("config", new JsonObject());
        }
        return c.getAsJsonObject("config");
    }

    static Map<String, String> env(JsonObject c) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonElement env = inner(c).get("Env");
        if (env != null && env.isJsonArray()) {
            for (JsonElement e : env.getAsJsonArray()) {
                String s = e.getAsString();
                int eq = s.indexOf('=');
                out.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? "" : s.substring(eq + 1));
            }
        }
        return out;
    }

    static void setEnv(JsonObject c, Map<String, String> env) {
        JsonArray a = new JsonArray();
        env.forEach((k, v) -> a.add(k + "=" + v));
        inner(c).add("Env", a);
    }

    static List<String> strings(JsonElement e) {
        List<String> out = new ArrayList<>();
        if (e != null && e.isJsonArray()) {
            e.getAsJsonArray().forEach(x -> out.add(x.getAsString()));
        }
        return out;
    }

    static JsonArray array(List<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }

    /** Adds to a map-valued field such as Labels (string values) in sorted order. */
    static void putLabel(JsonObject c, String key, String value) {
        JsonObject inner = inner(c);
        TreeMap<String, JsonElement> sorted = new TreeMap<>();
        if (inner.has("Labels") && inner.get("Labels").isJsonObject()) {
            inner.getAsJsonObject("Labels").entrySet().forEach(e -> sorted.put(e.getKey(), e.getValue()));
        }
        sorted.put(key, new com.google.gson.JsonPrimitive(value));
        JsonObject labels = new JsonObject();
        sorted.forEach(labels::add);
        inner.add("Labels", labels);
    }

    /** Adds keys to a set-like field ({@code ExposedPorts}, {@code Volumes}) whose values are {@code {}}. */
    static void addToSet(JsonObject c, String field, List<String> keys) {
        JsonObject inner = inner(c);
        TreeMap<String, JsonElement> sorted = new TreeMap<>();
        if (inner.has(field) && inner.get(field).isJsonObject()) {
            inner.getAsJsonObject(field).entrySet().forEach(e -> sorted.put(e.getKey(), e.getValue()));
        }
        keys.forEach(k -> sorted.put(k, new JsonObject()));
        JsonObject o = new JsonObject();
        sorted.forEach(o::add);
        inner.add(field, o);
    }

    static void addHistory(JsonObject c, String createdBy, boolean emptyLayer, Instant created) {
        JsonObject h = new JsonObject();
        h.addProperty("created", created.toString());
        h.addProperty("created_by", createdBy);
        h.addProperty("comment", HISTORY_COMMENT);
        if (emptyLayer) {
            h.addProperty("empty_layer", true);
        }
        c.getAsJsonArray("history").add(h);
    }

    static void addDiffId(JsonObject c, String diffId) {
        c.getAsJsonObject("rootfs").getAsJsonArray("diff_ids").add(diffId);
    }
}
