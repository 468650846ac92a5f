package dev.stagesmith.server.checks.variables;

import dev.stagesmith.grammar.GoQuoting;
import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.grammar.expand.ExpansionException;
import dev.stagesmith.grammar.expand.Expander;
import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.grammar.stages.StageGraph;
import dev.stagesmith.grammar.syntax.Arg;
import dev.stagesmith.grammar.syntax.ArgDeclaration;
import dev.stagesmith.grammar.syntax.Env;
import dev.stagesmith.grammar.syntax.Instruction;
import dev.stagesmith.grammar.syntax.KeyValue;
import dev.stagesmith.server.checks.CheckInput;
import dev.stagesmith.server.checks.Findings;
import dev.stagesmith.server.checks.Rule;
import dev.stagesmith.server.checks.Severity;
import java.util.regex.Pattern;

/**
 * BuildKit's {@code SecretsUsedInArgOrEnv}: ARG and ENV values end up in the image's history and config,
 * so a name that looks like a credential probably leaks one.
 */
public final class SecretsUsedInArgOrEnvRule implements Rule {

    /** A secret-like word as the whole name or as one of its {@code _}-separated parts, in any case. */
    private static final Pattern SECRET = part(
            "apikey|auth|credential|credentials|key|password|pword|passwd|secret|token");
    /** Parts that make the name about something public (a public key, a key file, a token's version). */
    private static final Pattern ALLOWED = part("public|file|version");

    private static Pattern part(String words) {
        return Pattern.compile("(?:_|^)(?:" + words + ")(?:_|$)", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    @Override
    public String code() {
        return "SecretsUsedInArgOrEnv";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    @Override
    public String summary() {
        return "Sensitive data should not be used in the ARG or ENV commands";
    }

    /** Whether BuildKit takes {@code name} for a secret. */
    static boolean looksSecret(String name) {
        return SECRET.matcher(name).find() && !ALLOWED.matcher(name).find();
    }

    @Override
    public void check(CheckInput input, Findings out) {
        StageGraph graph = input.graph();
        // BuildKit checks ARG and ENV as it dispatches them in a stage; the ARGs before the first FROM are not checked.
        for (Stage stage : graph.stages()) {
            for (int i = 0; i < stage.instructions().size(); i++) {
                Instruction instruction = stage.instructions().get(i);
                if (instruction instanceof Arg arg) {
                    for (ArgDeclaration d : arg.declarations()) {
                        check("ARG", d.name().value(), d.name().range(), out);
                    }
                } else if (instruction instanceof Env env) {
                    for (KeyValue kv : env.pairs()) {
                        check("ENV", envKey(graph, stage, i, kv), kv.key().range(), out);
                    }
                }
            }
        }
    }

    /** ENV keys are expanded before BuildKit looks at them. */
    private static String envKey(StageGraph graph, Stage stage, int index, KeyValue kv) {
        try {
            return Expander.expand(kv.key().value(), graph.environment(stage).before(index).variables(),
                    graph.file().escape());
        } catch (ExpansionException e) {
            return kv.key().value();
        }
    }

    private static void check(String instruction, String name, TextRange range, Findings out) {
        if (!looksSecret(name)) {
            return;
        }
        out.report(range, "Do not use ARG or ENV instructions for sensitive data (" + instruction + " "
                + GoQuoting.quote(name) + ")");
    }
}
