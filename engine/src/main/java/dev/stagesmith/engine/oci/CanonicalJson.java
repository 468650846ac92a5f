package dev.stagesmith.engine.oci;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON the way image digests need it: object keys sorted, no HTML escaping, no whitespace, so the same
 * content always gives the same bytes on any JDK. Digests are taken over these bytes, never re-serialized.
 */
public final class CanonicalJson {

    private CanonicalJson() {}

    public static byte[] bytes(JsonElement value) {
        return string(value).getBytes(StandardCharsets.UTF_8);
    }

    public static String string(JsonElement value) {
        StringWriter sw = new StringWriter();
        try (JsonWriter w = new JsonWriter(sw)) {
            w.setHtmlSafe(false);
            w.setSerializeNulls(false);
            write(w, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sw.toString();
    }

    public static JsonElement parse(byte[] bytes) {
        return JsonParser.parseString(new String(bytes, StandardCharsets.UTF_8));
    }

    /** Parses an object, or throws {@link IllegalArgumentException} naming what the bytes were meant to be. */
    public static JsonObject parseObject(byte[] bytes, String what) {
        try {
            JsonElement e = parse(bytes);
            if (!e.isJsonObject()) {
                throw new IllegalArgumentException(what + " is not a JSON object");
            }
            return e.getAsJsonObject();
        } catch (RuntimeException e) {
            if (e instanceof IllegalArgumentException iae && iae.getMessage() != null
                    && iae.getMessage().startsWith(what)) {
                throw iae;
            }
            throw new IllegalArgumentException(what + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    private static void write(JsonWriter w, JsonElement e) throws IOException {
        if (e == null || e.isJsonNull()) {
            w.nullValue();
        } else if (e instanceof JsonPrimitive p) {
            if (p.isString()) {
                w.value(p.getAsString());
            } else if (p.isBoolean()) {
                w.value(p.getAsBoolean());
            } else {
                w.value(p.getAsNumber());
            }
        } else if (e instanceof JsonArray a) {
            w.beginArray();
            for (JsonElement x : a) {
                write(w, x);
            }
            w.endArray();
        } else {
            JsonObject o = e.getAsJsonObject();
            TreeMap<String, JsonElement> sorted = new TreeMap<>();
            for (Map.Entry<String, JsonElement> entry : o.entrySet()) {
                sorted.put(entry.getKey(), entry.getValue());
            }
            w.beginObject();
            for (Map.Entry<String, JsonElement> entry : sorted.entrySet()) {
                if (entry.getValue() == null || entry.getValue().isJsonNull()) {
                    continue;
                }
                w.name(entry.getKey());
                write(w, entry.getValue());
            }
            w.endObject();
        }
    }
}
