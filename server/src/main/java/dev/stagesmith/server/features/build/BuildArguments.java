package dev.stagesmith.server.features.build;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The single argument of {@code stagesmith.buildToStage} and {@code stagesmith.cancelBuild}:
 * {@code {uri, target?, buildArgs?, platform?, output?, engine?}}. Absent fields fall back to the settings.
 */
public record BuildArguments(String uri, Optional<String> target, Map<String, String> buildArgs, Optional<String> platform,
        Optional<String> output, Optional<String> engine) {

    /**
     * Reads the command's arguments.
     *
     * @throws IllegalArgumentException with a one-line message when they are not one object with a uri
     */
    public static BuildArguments parse(String command, List<Object> arguments) {
        if (arguments == null || arguments.size() != 1 || !(arguments.get(0) instanceof JsonObject o)) {
            throw new IllegalArgumentException(command + " wants one argument {uri, target?}");
        }
        String uri = string(o, "uri").orElseThrow(
                () -> new IllegalArgumentException(command + ": the argument has no \"uri\" string"));
        Map<String, String> args = new LinkedHashMap<>();
        JsonElement a = o.get("buildArgs");
        if (a != null && a.isJsonObject()) {
            for (Map.Entry<String, JsonElement> e : a.getAsJsonObject().entrySet()) {
                if (e.getValue().isJsonPrimitive()) {
                    args.put(e.getKey(), e.getValue().getAsString());
                }
            }
        } else if (a != null && !a.isJsonNull()) {
            throw new IllegalArgumentException(command + ": \"buildArgs\" must be an object of strings");
        }
        return new BuildArguments(uri, string(o, "target").filter(t -> !t.isBlank()), args,
                string(o, "platform").filter(t -> !t.isBlank()), string(o, "output").filter(t -> !t.isBlank()),
                string(o, "engine").filter(t -> !t.isBlank()));
    }

    private static Optional<String> string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() ? Optional.of(e.getAsString()) : Optional.empty();
    }
}
