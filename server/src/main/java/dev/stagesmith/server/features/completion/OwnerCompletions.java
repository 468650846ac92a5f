package dev.stagesmith.server.features.completion;

import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.grammar.syntax.Command;
import dev.stagesmith.grammar.syntax.Heredoc;
import dev.stagesmith.grammar.syntax.Instruction;
import dev.stagesmith.grammar.syntax.Run;
import dev.stagesmith.grammar.syntax.User;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Users and groups for {@code --chown} and USER: the ones the stage (and the stages it is built on) set
 * with USER or create with {@code useradd}, {@code adduser}, {@code groupadd} or {@code addgroup} before
 * the cursor, then {@code root} and the usual first regular id.
 */
final class OwnerCompletions {

    private static final Pattern ACCOUNT_COMMAND = Pattern.compile("\\b(useradd|adduser|groupadd|addgroup)\\b([^;&|\\n]*)");
    private static final Pattern ACCOUNT_NAME = Pattern.compile("[a-z_][a-z0-9_.-]*\\$?");

    /** What the stage's instructions before the cursor say about accounts. */
    private record Accounts(Set<String> users, Set<String> groups, Set<String> userLines) {}

    private OwnerCompletions() {}

    static void owners(Cursor c, TextRange replace, Items items) {
        Accounts a = accounts(c);
        Set<String> values = new LinkedHashSet<>(a.userLines());
        for (String u : a.users()) {
            values.add(a.groups().contains(u) ? u + ":" + u : u);
        }
        for (String v : values) {
            items.value(v, replace, "set or created earlier in the stage", null);
        }
        if (!values.contains("root:root")) {
            items.value("root:root", replace, "user and group root (0:0)", null);
        }
        if (!values.contains("1000:1000")) {
            items.value("1000:1000", replace, "numeric user and group ids", "Numeric ids need no /etc/passwd entry.");
        }
    }

    static void users(Cursor c, TextRange replace, Items items) {
        Accounts a = accounts(c);
        Set<String> values = new LinkedHashSet<>(a.users());
        values.addAll(a.userLines());
        for (String v : values) {
            items.value(v, replace, "set or created earlier in the stage", null);
        }
        if (!values.contains("root")) {
            items.value("root", replace, "the superuser (the default)", null);
        }
    }

    /** Scans the stage up to the cursor, then the stages it is built on, guarding against base cycles. */
    private static Accounts accounts(Cursor c) {
        Accounts out = new Accounts(new LinkedHashSet<>(), new LinkedHashSet<>(), new LinkedHashSet<>());
        if (c.stage() == null) {
            return out;
        }
        BitSet seen = new BitSet();
        Stage s = c.stage();
        List<Instruction> body = s.instructions().subList(0, Math.max(c.index(), 0));
        while (true) {
            seen.set(s.index());
            for (Instruction i : body) {
                scan(i, out);
            }
            if (!(s.base() instanceof Stage.StageBase b) || seen.get(b.index())) {
                return out;
            }
            s = c.graph().stage(b.index());
            body = s.instructions();
        }
    }

    private static void scan(Instruction i, Accounts out) {
        if (i instanceof User u && u.value().isPresent() && !u.value().get().value().contains("$")) {
            String v = u.value().get().value();
            out.userLines().add(v);
            int colon = v.indexOf(':');
            out.users().add(colon < 0 ? v : v.substring(0, colon));
            if (colon >= 0) {
                out.groups().add(v.substring(colon + 1));
            }
        } else if (i instanceof Run r) {
            if (r.command().isPresent() && r.command().get() instanceof Command.ShellForm sf) {
                scanScript(sf.script().value(), out);
            }
            for (Heredoc h : r.heredocs()) {
                scanScript(h.body(), out);
            }
        }
    }

    /**
     * The account a command creates is its last operand that looks like a name; Debian's
     * {@code adduser --group} also creates a group of that name.
     */
    private static void scanScript(String script, Accounts out) {
        Matcher m = ACCOUNT_COMMAND.matcher(script);
        while (m.find()) {
            String name = null;
            boolean sameGroup = false;
            for (String token : m.group(2).trim().split("\\s+")) {
                sameGroup |= token.equals("--group");
                if (ACCOUNT_NAME.matcher(token).matches()) {
                    name = token;
                }
            }
            if (name == null) {
                continue;
            }
            boolean group = m.group(1).contains("group");
            (group ? out.groups() : out.users()).add(name);
            if (!group && sameGroup) {
                out.groups().add(name);
            }
        }
    }
}
