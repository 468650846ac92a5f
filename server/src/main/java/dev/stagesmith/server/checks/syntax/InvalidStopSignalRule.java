package dev.stagesmith.server.checks.syntax;

import dev.stagesmith.grammar.ClosestMatch;
import dev.stagesmith.grammar.expand.ExpansionException;
import dev.stagesmith.grammar.expand.Expander;
import dev.stagesmith.grammar.syntax.Instruction;
import dev.stagesmith.grammar.syntax.StopSignal;
import dev.stagesmith.grammar.syntax.Word;
import dev.stagesmith.server.checks.CheckInput;
import dev.stagesmith.server.checks.Findings;
import dev.stagesmith.server.checks.Fix;
import dev.stagesmith.server.checks.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A STOPSIGNAL that moby's {@code signal.ParseSignal} refuses: BuildKit accepts a nonzero number or a
 * Linux signal name, with or without {@code SIG}, in any case. Values with variables are left alone.
 */
public final class InvalidStopSignalRule extends SyntaxRule {

    private static final Set<String> NAMES = names();

    public InvalidStopSignalRule() {
        super("invalid-stopsignal", Severity.ERROR, "STOPSIGNAL is not a signal name or number");
    }

    private static Set<String> names() {
        List<String> names = new ArrayList<>(List.of("ABRT", "ALRM", "BUS", "CHLD", "CLD", "CONT", "FPE", "HUP", "ILL",
                "INT", "IO", "IOT", "KILL", "PIPE", "POLL", "PROF", "PWR", "QUIT", "SEGV", "STKFLT", "STOP", "SYS", "TERM",
                "TRAP", "TSTP", "TTIN", "TTOU", "URG", "USR1", "USR2", "VTALRM", "WINCH", "XCPU", "XFSZ", "RTMIN",
                "RTMAX"));
        for (int i = 1; i <= 15; i++) {
            names.add("RTMIN+" + i);
        }
        for (int i = 1; i <= 14; i++) {
            names.add("RTMAX-" + i);
        }
        return Set.copyOf(names);
    }

    @Override
    public void check(CheckInput input, Findings out) {
        for (Instruction i : Instructions.withTriggers(input.file().instructions())) {
            if (i instanceof StopSignal s && s.value().isPresent() && !s.value().get().value().contains("$")) {
                check(s.value().get(), input.file().escape(), out);
            }
        }
    }

    private static void check(Word w, char escape, Findings out) {
        String signal;
        try {
            signal = Expander.expand(w.value(), Expander.Variables.NONE, escape);
        } catch (ExpansionException e) {
            return;
        }
        if (isSignal(signal)) {
            return;
        }
        String message = "invalid signal: " + signal;
        String name = signal.toUpperCase(Locale.ROOT);
        String bare = name.startsWith("SIG") ? name.substring(3) : name;
        Optional<String> match = ClosestMatch.find(bare, NAMES);
        if (match.isPresent()) {
            String suggestion = "SIG" + match.get();
            out.report(w.range(), message + " (did you mean " + suggestion + "?)",
                    Fix.replace("Change to " + suggestion, w.range(), suggestion));
        } else {
            out.report(w.range(), message + " (use a name such as SIGTERM or a number)");
        }
    }

    static boolean isSignal(String s) {
        if (s.matches("[+-]?[0-9]+")) {
            try {
                return Long.parseLong(s.startsWith("+") ? s.substring(1) : s) != 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        String upper = s.toUpperCase(Locale.ROOT);
        return NAMES.contains(upper.startsWith("SIG") ? upper.substring(3) : upper);
    }
}
