package dev.stagesmith.server.checks.syntax;

import dev.stagesmith.grammar.SyntaxError;
import dev.stagesmith.server.checks.CheckInput;
import dev.stagesmith.server.checks.Findings;
import dev.stagesmith.server.checks.Rule;
import dev.stagesmith.server.checks.Severity;

/** What BuildKit's parser itself rejects: the build fails before any stage runs. */
public final class SyntaxErrorRule implements Rule {

    @Override
    public String code() {
        return "syntax-error";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public String summary() {
        return "The Dockerfile does not parse (BuildKit stops before building anything)";
    }

    @Override
    public void check(CheckInput input, Findings out) {
        for (SyntaxError e : input.file().errors()) {
            out.report(e.range(), e.message());
        }
    }
}
