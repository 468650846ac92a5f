package dev.stagesmith.engine.oci;

import com.google.gson.JsonObject;
import java.util.Map;
import java.util.TreeMap;

/** An OCI content descriptor: what a blob is, its digest and its size. */
public record Descriptor(String mediaType, Digest digest, long size, Map<String, String> annotations) {

    public Descriptor {
        if (size < 0) {
            throw new IllegalArgumentException("negative blob size " + size);
        }
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    }

    public Descriptor(String mediaType, Digest digest, long size) {
        this(mediaType, digest, size, Map.of());
    }

    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("mediaType", mediaType);
        o.addProperty("digest", digest.toString());
        o.addProperty("size", size);
        if (!annotations.isEmpty()) {
            JsonObject a = new JsonObject();
            new TreeMap<>(annotations).forEach(a::addProperty);
            o.add("annotations", a);
        }
        return o;
    }

    /** Reads a descriptor; a missing or malformed field is an {@link IllegalArgumentException}. */
    public static Descriptor fromJson(JsonObject o) {
        if (o == null || !o.has("digest") || !o.has("size")) {
            throw new IllegalArgumentException("descriptor without digest or size: " + o);
        }
        Map<String, String> ann = new TreeMap<>();
        if (o.has("annotations") && o.get("annotations").isJsonObject()) {
            o.getAsJsonObject("annotations").entrySet().forEach(e -> ann.put(e.getKey(), e.getValue().getAsString()));
        }
        String mt = o.has("mediaType") ? o.get("mediaType").getAsString() : "";
        return new Descriptor(mt, Digest.parse(o.get("digest").getAsString()), o.get("size").getAsLong(), ann);
    }
}
