package dev.stagesmith.server.features.completion;

import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.grammar.syntax.Arg;
import dev.stagesmith.grammar.syntax.From;
import dev.stagesmith.grammar.syntax.Healthcheck;
import dev.stagesmith.grammar.syntax.Instruction;
import dev.stagesmith.grammar.syntax.StopSignal;
import dev.stagesmith.grammar.syntax.User;
import dev.stagesmith.grammar.syntax.Word;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;

/**
 * The words after an instruction's keyword: variables where a {@code $} is being typed, builder flags and
 * their values while BuildKit still reads flags, then the arguments that have a fixed vocabulary (a FROM's
 * base stage and {@code AS}, HEALTHCHECK's {@code CMD}/{@code NONE}, a STOPSIGNAL, a USER, the global ARGs a
 * stage may redeclare).
 */
final class ArgumentCompletions {

    /** A lone {@code --} ends the flags, as in BuildKit's flag parser. */
    private static final Pattern END_OF_FLAGS = Pattern.compile("(?:^|\\s)--(?:\\s|$)");

    private static final List<String> SIGNALS = List.of("SIGTERM", "SIGINT", "SIGQUIT", "SIGKILL", "SIGHUP", "SIGUSR1",
            "SIGUSR2", "SIGWINCH");

    private ArgumentCompletions() {}

    static void complete(Cursor c, Instruction target, Items items) {
        Slot slot = slot(c, target);
        if (VariableCompletions.complete(c, target, slot, items)) {
            return;
        }
        if (slot instanceof Slot.FlagName) {
            FlagCompletions.names(c, target, items);
        } else if (slot instanceof Slot.FlagValue v) {
            FlagCompletions.value(c, target, v, items);
        } else if (slot instanceof Slot.Argument a) {
            argument(c, target, a.index(), items);
        }
    }

    static Slot slot(Cursor c, Instruction target) {
        String typed = c.typed();
        int args = 0;
        for (Word w : target.args()) {
            if (w.range().start() < c.wordStart()) {
                args++;
            }
        }
        boolean flags = args == 0 && c.wordStart() >= target.keyword().range().end()
                && !END_OF_FLAGS.matcher(c.text().substring(target.keyword().range().end(), c.wordStart())).find();
        if (flags && typed.startsWith("-")) {
            int eq = typed.indexOf('=');
            if (eq < 0) {
                return new Slot.FlagName();
            }
            if (typed.startsWith("--")) {
                return new Slot.FlagValue(typed.substring(2, eq), c.wordStart() + eq + 1);
            }
            return new Slot.Argument(-1);
        }
        return new Slot.Argument(args);
    }

    private static void argument(Cursor c, Instruction target, int index, Items items) {
        TextRange replace = c.typedRange();
        String typed = c.typed();
        if (target instanceof From f) {
            if (index == 0) {
                StageCompletions.forFrom(c, replace, items);
            } else if (index == 1 && "as".startsWith(typed.toLowerCase(Locale.ROOT))) {
                String as = isLower(f.keyword().value()) ? "as" : "AS";
                CompletionItem item = items.add(as, CompletionItemKind.Keyword, replace, as + " ");
                item.setFilterText(as);
                item.setDetail("names the stage: FROM <image> AS <name>");
                items.document(item, "Names this stage, so that `COPY --from=<name>`, `RUN --mount=from=<name>`,"
                        + " `FROM <name>` and `--target <name>` can refer to it.");
            }
        } else if (target instanceof Healthcheck h && index == 0) {
            boolean lower = isLower(h.keyword().value());
            items.value(lower ? "cmd" : "CMD", replace, "the command that checks the container's health",
                    "`HEALTHCHECK [options] CMD command`: exit status 0 means healthy, 1 unhealthy.");
            items.value(lower ? "none" : "NONE", replace, "disables any health check inherited from the base image",
                    null);
        } else if (target instanceof StopSignal && index == 0) {
            for (String s : SIGNALS) {
                items.value(s, replace, "signal", null);
            }
        } else if (target instanceof User && index == 0) {
            OwnerCompletions.users(c, replace, items);
        } else if (target instanceof Arg && index >= 0 && !typed.contains("=")) {
            VisibleVariables.redeclarable(c, replace, items);
        }
    }

    private static boolean isLower(String keyword) {
        return keyword.equals(keyword.toLowerCase(Locale.ROOT));
    }
}
