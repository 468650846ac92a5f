package dev.stagesmith.server.checks.stages;

import dev.stagesmith.grammar.syntax.From;
import dev.stagesmith.grammar.syntax.Instruction;
import dev.stagesmith.grammar.syntax.Word;
import dev.stagesmith.server.checks.CheckInput;
import dev.stagesmith.server.checks.Findings;
import dev.stagesmith.server.checks.Rule;
import dev.stagesmith.server.checks.Severity;
import java.util.Locale;
import java.util.regex.Pattern;

/** A stage name BuildKit's parser rejects: the whole build fails before any stage runs. */
public final class InvalidStageNameRule implements Rule {

    /** BuildKit's {@code ^[a-z][a-z0-9-_.]*$}, applied after lower-casing. */
    private static final Pattern VALID = Pattern.compile("[a-z][a-z0-9._-]*");

    @Override
    public String code() {
        return "invalid-stage-name";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public String summary() {
        return "A stage name that starts with a digit or contains symbols (BuildKit rejects the Dockerfile)";
    }

    @Override
    public void check(CheckInput input, Findings out) {
        for (Instruction i : input.file().instructions()) {
            // BuildKit names a stage only for exactly FROM <base> AS <name>; other shapes are syntax errors.
            if (i instanceof From f && f.args().size() == 3 && f.asKeyword().isPresent()) {
                Word name = f.args().get(2);
                if (!VALID.matcher(name.value().toLowerCase(Locale.ROOT)).matches()) {
                    out.report(name.range(), "invalid name for build stage: " + References.quote(name.value())
                            + ", name can't start with a number or contain symbols; start with a letter and use"
                            + " only letters, digits, '-', '_' and '.'");
                }
            }
        }
    }
}
