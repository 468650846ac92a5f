package dev.stagesmith.engine.registry;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the registry error body {@code {"errors":[{"code","message","detail"}]}} into words for a message. */
final class RegistryErrors {

    private static final int MAX_SHOWN = 200;

    private RegistryErrors() {}

    /** The error codes, e.g. {@code MANIFEST_UNKNOWN}; empty when the body is not the registry's error JSON. */
    static List<String> codes(byte[] body) {
        List<String> out = new ArrayList<>();
        for (JsonObject e : errors(body)) {
            if (e.has("code")) {
                out.add(e.get("code").getAsString());
            }
        }
        return out;
    }

    /** {@code CODE: message; CODE2: message2}, or the start of the body when it is something else. */
    static String summary(byte[] body) {
        List<String> parts = new ArrayList<>();
        for (JsonObject e : errors(body)) {
            String code = e.has("code") ? e.get("code").getAsString() : "ERROR";
            String message = e.has("message") && e.get("message").isJsonPrimitive() ? e.get("message").getAsString() : "";
            parts.add(message.isEmpty() ? code : code + ": " + message);
        }
        if (!parts.isEmpty()) {
            return String.join("; ", parts);
        }
        String text = new String(body, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            return "no details";
        }
        return text.length() > MAX_SHOWN ? text.substring(0, MAX_SHOWN) + "..." : text;
    }

    private static List<JsonObject> errors(byte[] body) {
        List<JsonObject> out = new ArrayList<>();
        try {
            JsonElement root = JsonParser.parseString(new String(body, StandardCharsets.UTF_8));
            if (root.isJsonObject() && root.getAsJsonObject().has("errors")
                    && root.getAsJsonObject().get("errors").isJsonArray()) {
                for (JsonElement e : root.getAsJsonObject().getAsJsonArray("errors")) {
                    if (e.isJsonObject()) {
                        out.add(e.getAsJsonObject());
                    }
                }
            }
        } catch (RuntimeException notJson) {
            // a proxy's HTML page or plain text: summary() shows its start instead
        }
        return out;
    }
}
