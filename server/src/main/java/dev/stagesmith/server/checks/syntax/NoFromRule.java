package dev.stagesmith.server.checks.syntax;

import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.server.checks.CheckInput;
import dev.stagesmith.server.checks.Findings;
import dev.stagesmith.server.checks.Severity;

/**
 * Instructions but no FROM: there is no stage to build. A file without any instruction is the
 * {@code syntax-error} rule's; instructions other than ARG are reported here rather than one by one.
 */
public final class NoFromRule extends SyntaxRule {

    public NoFromRule() {
        super("no-from", Severity.ERROR, "The Dockerfile has no FROM, so there is no stage to build");
    }

    @Override
    public void check(CheckInput input, Findings out) {
        if (!input.file().instructions().isEmpty() && input.graph().stages().isEmpty()) {
            out.report(TextRange.empty(0), "dockerfile contains no stages to build: add a FROM instruction"
                    + " (FROM <image> or FROM scratch)");
        }
    }
}
