package dev.stagesmith.server.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** {@code --build-arg K=V} values; a bare {@code --build-arg K} takes K from the environment, as Docker does. */
final class BuildArgs {

    private BuildArgs() {}

    static Map<String, String> parse(List<String> values, Function<String, String> environment) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String v : values) {
            int eq = v.indexOf('=');
            String name = eq < 0 ? v : v.substring(0, eq);
            if (name.isEmpty()) {
                throw UserError.usage("--build-arg " + v + " has no name; write --build-arg NAME=value");
            }
            if (eq >= 0) {
                out.put(name, v.substring(eq + 1));
            } else if (environment.apply(name) != null) {
                out.put(name, environment.apply(name));
            }
        }
        return out;
    }
}
