package dev.stagesmith.server.checks.syntax;

import dev.stagesmith.grammar.syntax.From;
import dev.stagesmith.grammar.syntax.Instruction;
import dev.stagesmith.grammar.syntax.Word;
import dev.stagesmith.server.checks.CheckInput;
import dev.stagesmith.server.checks.Findings;
import dev.stagesmith.server.checks.Fix;
import dev.stagesmith.server.checks.Severity;
import java.util.List;

/** FROM takes {@code <image>} or {@code <image> AS <name>}; BuildKit rejects every other shape. */
public final class InvalidFromSyntaxRule extends SyntaxRule {

    private static final String MESSAGE = "FROM requires either one or three arguments";

    public InvalidFromSyntaxRule() {
        super("invalid-from-syntax", Severity.ERROR, "FROM is not 'FROM <image>' or 'FROM <image> AS <name>'");
    }

    @Override
    public void check(CheckInput input, Findings out) {
        for (Instruction i : input.file().instructions()) {
            if (i instanceof From f) {
                check(f, out);
            }
        }
    }

    private static void check(From f, Findings out) {
        List<Word> args = f.args();
        if (args.isEmpty()) {
            out.report(f.keyword().range(), MESSAGE + ": the base image is missing");
            return;
        }
        if (args.size() == 1) {
            return;
        }
        Word second = args.get(1);
        boolean as = second.value().equalsIgnoreCase("as");
        if (args.size() == 2) {
            if (as) {
                out.report(second.range(), MESSAGE + ": AS must be followed by a stage name");
            } else {
                String keyword = Instructions.matchCase("AS", f.keyword().value());
                out.report(second.range(), MESSAGE + ": expected AS <name> after the base image, found '"
                        + second.value() + "'",
                        Fix.insert("Insert " + keyword + " before '" + second.value() + "'", second.range().start(),
                                keyword + " "));
            }
        } else if (!as) {
            out.report(second.range(), MESSAGE + ": expected AS, found '" + second.value() + "'");
        } else if (args.size() > 3) {
            out.report(Instructions.span(args, 3), MESSAGE + ": unexpected words after the stage name");
        }
    }
}
