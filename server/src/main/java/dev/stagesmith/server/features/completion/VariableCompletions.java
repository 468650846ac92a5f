package dev.stagesmith.server.features.completion;

import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.grammar.stages.Binding;
import dev.stagesmith.grammar.syntax.Add;
import dev.stagesmith.grammar.syntax.Arg;
import dev.stagesmith.grammar.syntax.Cmd;
import dev.stagesmith.grammar.syntax.Copy;
import dev.stagesmith.grammar.syntax.Entrypoint;
import dev.stagesmith.grammar.syntax.Env;
import dev.stagesmith.grammar.syntax.Expose;
import dev.stagesmith.grammar.syntax.From;
import dev.stagesmith.grammar.syntax.Healthcheck;
import dev.stagesmith.grammar.syntax.Heredoc;
import dev.stagesmith.grammar.syntax.Instruction;
import dev.stagesmith.grammar.syntax.Label;
import dev.stagesmith.grammar.syntax.OnBuild;
import dev.stagesmith.grammar.syntax.Run;
import dev.stagesmith.grammar.syntax.StopSignal;
import dev.stagesmith.grammar.syntax.User;
import dev.stagesmith.grammar.syntax.Volume;
import dev.stagesmith.grammar.syntax.Workdir;
import dev.stagesmith.server.features.completion.VisibleVariables.Reach;
import java.util.Locale;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;

/**
 * {@code $NAME} and {@code ${NAME}}: the variables in scope where the word is expanded. FROM lines see the
 * automatic platform ARGs and the global ARGs; a stage sees its own ARG and ENV and what it inherits through
 * {@code FROM <stage>} (global and automatic ARGs only once redeclared); CMD, ENTRYPOINT and HEALTHCHECK
 * run later, with ENV only. Where nothing expands ({@code --from}, a stage name, single quotes), nothing.
 */
final class VariableCompletions {

    /** A {@code $} being typed: where it starts, whether it has a brace, and what follows the cursor. */
    private record Reference(int dollar, boolean brace, int end) {}

    private VariableCompletions() {}

    /** Whether a variable is being typed at the cursor; if so, offers the ones the word can see. */
    static boolean complete(Cursor c, Instruction target, Slot slot, Items items) {
        Reference ref = reference(c);
        if (ref == null) {
            return false;
        }
        Reach reach = c.instruction() instanceof OnBuild ? Reach.NONE : reach(c, target, slot, ref);
        int scanFrom = Math.max(c.lineStart(), target.keyword().range().end());
        char escape = target instanceof Run || reach == Reach.RUNTIME ? '\\' : c.file().escape();
        if (reach != Reach.NONE && !escaped(c, ref, escape) && !inSingleQuotes(c, scanFrom, ref.dollar(), escape)) {
            offer(c, target, reach, ref, items);
        }
        return true;
    }

    /** In a heredoc body: RUN's shell expands it; BuildKit expands a COPY or ADD body unless the marker is quoted. */
    static void inHeredoc(Cursor c, Instruction in, Heredoc h, Items items) {
        Reference ref = reference(c);
        boolean expands = in instanceof Run || h.expand();
        char escape = in instanceof Run ? '\\' : c.file().escape();
        if (ref != null && expands && c.stage() != null && c.index() >= 0 && !escaped(c, ref, escape)
                && (!(in instanceof Run) || !inSingleQuotes(c, c.lineStart(), ref.dollar(), escape))) {
            offer(c, in, Reach.STAGE, ref, items);
        }
    }

    private static Reference reference(Cursor c) {
        String text = c.text();
        int i = c.offset();
        while (i > c.lineStart() && isNameChar(text.charAt(i - 1))) {
            i--;
        }
        if (i < c.offset() && Character.isDigit(text.charAt(i))) {
            return null;
        }
        boolean brace = i - 2 >= c.lineStart() && text.charAt(i - 1) == '{' && text.charAt(i - 2) == '$';
        int dollar = brace ? i - 2 : i - 1;
        if (dollar < c.lineStart() || text.charAt(dollar) != '$') {
            return null;
        }
        int end = c.offset();
        while (end < text.length() && isNameChar(text.charAt(end))) {
            end++;
        }
        if (brace && end < text.length() && text.charAt(end) == '}') {
            end++; // the client closed the brace already
        }
        return new Reference(dollar, brace, end);
    }

    private static boolean isNameChar(char ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_';
    }

    private static Reach reach(Cursor c, Instruction target, Slot slot, Reference ref) {
        if (slot instanceof Slot.FlagValue v) {
            return flagReach(c, target, v, ref);
        }
        if (!(slot instanceof Slot.Argument a) || c.stage() == null && !(target instanceof Arg)) {
            return Reach.NONE;
        }
        if (target instanceof From) {
            return a.index() == 0 ? Reach.GLOBAL : Reach.NONE;
        }
        if (target instanceof Arg) {
            boolean inDefault = c.text().substring(c.wordStart(), ref.dollar()).contains("=");
            return !inDefault ? Reach.NONE : c.stage() == null ? Reach.PREAMBLE : Reach.STAGE;
        }
        if (target instanceof Env || target instanceof Label || target instanceof Copy || target instanceof Add
                || target instanceof Workdir || target instanceof User || target instanceof Volume
                || target instanceof StopSignal || target instanceof Expose || target instanceof Run) {
            return Reach.STAGE;
        }
        if (target instanceof Cmd || target instanceof Entrypoint || (target instanceof Healthcheck && a.index() >= 1)) {
            return Reach.RUNTIME;
        }
        return Reach.NONE;
    }

    /** Flags BuildKit expands: FROM's --platform (global scope), --chown, --chmod, --checksum and mounts but from=. */
    private static Reach flagReach(Cursor c, Instruction target, Slot.FlagValue v, Reference ref) {
        if (target instanceof From) {
            return v.name().equals("platform") ? Reach.GLOBAL : Reach.NONE;
        }
        if (c.stage() == null) {
            return Reach.NONE;
        }
        boolean copy = target instanceof Copy || target instanceof Add;
        if (copy && (v.name().equals("chown") || v.name().equals("chmod"))
                || target instanceof Add && v.name().equals("checksum")) {
            return Reach.STAGE;
        }
        if (target instanceof Run && v.name().equals("mount")) {
            String value = c.text().substring(v.valueStart(), ref.dollar());
            String field = value.substring(value.lastIndexOf(',') + 1).stripLeading().toLowerCase(Locale.ROOT);
            return field.startsWith("from=") ? Reach.NONE : Reach.STAGE;
        }
        return Reach.NONE;
    }

    private static boolean escaped(Cursor c, Reference ref, char escape) {
        int n = 0;
        for (int i = ref.dollar() - 1; i >= c.lineStart() && c.text().charAt(i) == escape; i--) {
            n++;
        }
        return n % 2 == 1;
    }

    /** Single quotes keep a {@code $} literal, for BuildKit's expansion and for the shell alike. */
    private static boolean inSingleQuotes(Cursor c, int from, int to, char escape) {
        boolean single = false;
        boolean dbl = false;
        String text = c.text();
        for (int i = from; i < to; i++) {
            char ch = text.charAt(i);
            if (!single && ch == escape) {
                i++;
            } else if (ch == '\'' && !dbl) {
                single = !single;
            } else if (ch == '"' && !single) {
                dbl = !dbl;
            }
        }
        return single;
    }

    private static void offer(Cursor c, Instruction target, Reach reach, Reference ref, Items items) {
        TextRange replace = TextRange.of(ref.dollar(), ref.end());
        for (Binding b : VisibleVariables.at(c, target, reach).values()) {
            if (reach == Reach.RUNTIME && b.origin() != Binding.Origin.ENV && b.origin() != Binding.Origin.SCRATCH) {
                continue;
            }
            String text = ref.brace() ? "${" + b.name() + "}" : "$" + b.name();
            CompletionItem item = items.add(b.name(), CompletionItemKind.Variable, replace, text);
            item.setDetail(VisibleVariables.detail(b));
            items.document(item, VisibleVariables.origin(c, b));
        }
    }
}
