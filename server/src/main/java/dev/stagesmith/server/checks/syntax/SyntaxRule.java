package dev.stagesmith.server.checks.syntax;

import dev.stagesmith.server.checks.Rule;
import dev.stagesmith.server.checks.Severity;

/** The code, severity and summary every rule of this group declares the same way. */
abstract class SyntaxRule implements Rule {

    private final String code;
    private final Severity severity;
    private final String summary;

    SyntaxRule(String code, Severity severity, String summary) {
        this.code = code;
        this.severity = severity;
        this.summary = summary;
    }

    @Override
    public final String code() {
        return code;
    }

    @Override
    public final Severity defaultSeverity() {
        return severity;
    }

    @Override
    public final String summary() {
        return summary;
    }
}
