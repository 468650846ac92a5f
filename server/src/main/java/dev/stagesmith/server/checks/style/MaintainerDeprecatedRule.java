package dev.stagesmith.server.checks.style;

import dev.stagesmith.grammar.syntax.Instruction;
import dev.stagesmith.grammar.syntax.Maintainer;
import dev.stagesmith.server.checks.CheckInput;
import dev.stagesmith.server.checks.Finding;
import dev.stagesmith.server.checks.Findings;
import dev.stagesmith.server.checks.Fix;
import dev.stagesmith.server.checks.Rule;
import dev.stagesmith.server.checks.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** MAINTAINER, deprecated in favour of the OCI authors label (BuildKit's MaintainerDeprecated). */
public final class MaintainerDeprecatedRule implements Rule {

    @Override
    public String code() {
        return "MaintainerDeprecated";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    @Override
    public String summary() {
        return "The MAINTAINER instruction is deprecated, use a label instead to define an image author";
    }

    @Override
    public void check(CheckInput input, Findings out) {
        for (Instruction i : input.file().instructions()) {
            if (i instanceof Maintainer m) {
                List<Fix> fixes = m.value().map(v -> List.of(Fix.replace("Replace with the authors label", m.range(),
                        label(m) + " org.opencontainers.image.authors=" + quoted(v.value(), input.file().escape()))))
                        .orElse(List.of());
                out.report(m.keyword().range(), "Maintainer instruction is deprecated in favor of using label",
                        Set.of(Finding.Tag.DEPRECATED), fixes);
            }
        }
    }

    /** LABEL, cased like the MAINTAINER it replaces so the file's casing stays consistent. */
    private static String label(Maintainer m) {
        String k = m.keyword().value();
        return k.equals(k.toLowerCase(Locale.ROOT)) ? "label" : "LABEL";
    }

    /** MAINTAINER takes its text verbatim; a LABEL value is expanded, so quote it to keep every character. */
    static String quoted(String value, char escape) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '$' || c == escape) {
                out.append(escape);
            }
            out.append(c);
        }
        return out.append('"').toString();
    }
}
