package dev.stagesmith.server.checks.variables;

import dev.stagesmith.server.checks.Rule;
import java.util.List;

/** ARG and variable rules: scopes, undefined variables, secrets. */
public final class VariableRules {

    private VariableRules() {}

    public static List<Rule> all() {
        return List.of(
                new UndefinedArgInFromRule(),
                new InvalidDefaultArgInFromRule(),
                new UndefinedVarRule(),
                new GlobalArgNotRedeclaredRule(),
                new InvalidVariableSyntaxRule(),
                new SecretsUsedInArgOrEnvRule());
    }
}
