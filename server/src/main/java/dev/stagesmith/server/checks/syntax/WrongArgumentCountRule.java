package dev.stagesmith.server.checks.syntax;

import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.grammar.syntax.Add;
import dev.stagesmith.grammar.syntax.Arg;
import dev.stagesmith.grammar.syntax.ArgDeclaration;
import dev.stagesmith.grammar.syntax.Command;
import dev.stagesmith.grammar.syntax.Copy;
import dev.stagesmith.grammar.syntax.Env;
import dev.stagesmith.grammar.syntax.Expose;
import dev.stagesmith.grammar.syntax.Healthcheck;
import dev.stagesmith.grammar.syntax.Instruction;
import dev.stagesmith.grammar.syntax.KeyValue;
import dev.stagesmith.grammar.syntax.Label;
import dev.stagesmith.grammar.syntax.Maintainer;
import dev.stagesmith.grammar.syntax.OnBuild;
import dev.stagesmith.grammar.syntax.Shell;
import dev.stagesmith.grammar.syntax.StopSignal;
import dev.stagesmith.grammar.syntax.User;
import dev.stagesmith.grammar.syntax.Volume;
import dev.stagesmith.grammar.syntax.Workdir;
import dev.stagesmith.server.checks.CheckInput;
import dev.stagesmith.server.checks.Findings;
import dev.stagesmith.server.checks.Fix;
import dev.stagesmith.server.checks.Severity;
import java.util.List;
import java.util.Locale;

/**
 * Missing or extra arguments, as BuildKit's instruction typing counts them ({@code instructions/parse.go}).
 * FROM has its own rule; RUN, CMD and ENTRYPOINT accept an empty command, so BuildKit (and this rule)
 * lets them be.
 */
public final class WrongArgumentCountRule extends SyntaxRule {

    public WrongArgumentCountRule() {
        super("wrong-argument-count", Severity.ERROR, "An instruction has too few or too many arguments");
    }

    @Override
    public void check(CheckInput input, Findings out) {
        for (Instruction i : Instructions.withTriggers(input.file().instructions())) {
            check(i, input.text(), out);
        }
    }

    private static void check(Instruction i, String text, Findings out) {
        String name = i.name();
        List<dev.stagesmith.grammar.syntax.Word> args = i.args();
        if (i instanceof Copy || i instanceof Add) {
            if (args.isEmpty()) {
                out.report(i.keyword().range(), name + " requires at least two arguments: the sources and the"
                        + " destination");
            } else if (args.size() == 1) {
                out.report(Instructions.head(i, text), name + " requires at least two arguments, but only one was"
                        + " provided. Destination could not be determined");
            }
        } else if (i instanceof Workdir || i instanceof User || i instanceof StopSignal || i instanceof Maintainer) {
            if (args.isEmpty()) {
                out.report(i.keyword().range(), name + " requires exactly one argument");
            }
        } else if (i instanceof Expose || i instanceof Volume || i instanceof OnBuild) {
            if (args.isEmpty() && !(i instanceof OnBuild ob && ob.trigger().isPresent())) {
                out.report(Instructions.head(i, text), name + " requires at least one argument");
            }
        } else if (i instanceof Env e) {
            pairs(e, e.pairs(), out);
        } else if (i instanceof Label l) {
            pairs(l, l.pairs(), out);
        } else if (i instanceof Arg a) {
            arg(a, out);
        } else if (i instanceof Shell s) {
            if (s.command().isEmpty()) {
                out.report(i.keyword().range(), "SHELL requires at least one argument");
            }
        } else if (i instanceof Healthcheck h) {
            healthcheck(h, text, out);
        }
    }

    private static void pairs(Instruction i, List<KeyValue> pairs, Findings out) {
        if (i.args().isEmpty()) {
            out.report(i.keyword().range(), i.name() + " requires at least one argument");
            return;
        }
        for (KeyValue kv : pairs) {
            if (kv.key().value().isEmpty()) {
                out.report(kv.range(), i.name() + " names can not be blank");
            }
        }
    }

    private static void arg(Arg a, Findings out) {
        if (a.declarations().isEmpty()) {
            out.report(a.keyword().range(), "ARG requires at least one argument");
            return;
        }
        for (ArgDeclaration d : a.declarations()) {
            if (d.name().value().isEmpty()) {
                out.report(d.range(), "ARG names can not be blank");
            }
        }
    }

    private static void healthcheck(Healthcheck h, String text, Findings out) {
        if (h.type().isEmpty()) {
            out.report(h.keyword().range(), "HEALTHCHECK requires at least one argument");
            return;
        }
        String type = h.type().get().value().toUpperCase(Locale.ROOT);
        if (type.equals("NONE")) {
            if (h.args().size() > 1) {
                TextRange extra = Instructions.span(h.args(), 1);
                TextRange delete = TextRange.of(h.type().get().range().end(), extra.end());
                out.report(extra, "HEALTHCHECK NONE takes no arguments", Fix.delete("Remove the arguments", delete));
            }
        } else if (type.equals("CMD")) {
            boolean empty = h.command().isEmpty()
                    || h.command().get() instanceof Command.ExecForm exec && exec.arguments().isEmpty();
            if (empty) {
                TextRange at = h.command().map(Command::range).map(r -> h.type().get().range().union(r))
                        .orElse(h.type().get().range());
                out.report(at, "Missing command after HEALTHCHECK CMD");
            }
        }
    }
}
