package dev.stagesmith.server.checks.style;

import dev.stagesmith.server.checks.Rule;
import java.util.List;

/** BuildKit's remaining build checks: casing, deprecated forms, platform flags, .dockerignore. */
public final class StyleRules {

    private StyleRules() {}

    public static List<Rule> all() {
        return List.of();
    }
}
