package dev.stagesmith.server.features.completion;

import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.grammar.syntax.Directive;
import dev.stagesmith.server.checks.ExperimentalRule;
import dev.stagesmith.server.checks.Rule;
import dev.stagesmith.server.checks.Rules;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;

/**
 * Parser directives ({@code # syntax=}, {@code # escape=}, {@code # check=}) and their values, only on a
 * line BuildKit still reads as a directive: every line above it is one.
 */
final class DirectiveCompletions {

    private static final Pattern NAME = Pattern.compile("\\s*#\\s*([A-Za-z][A-Za-z0-9]*)?");
    private static final Pattern VALUE = Pattern.compile("\\s*#\\s*([A-Za-z][A-Za-z0-9]*)\\s*=\\s*(.*)");

    private record Known(String name, String insert, String description) {}

    private static final List<Known> DIRECTIVES = List.of(
            new Known("syntax", "syntax=docker/dockerfile:1",
                    "The Dockerfile frontend image that builds this file, such as `docker/dockerfile:1`."),
            new Known("escape", "escape=`",
                    "The escape character for line continuations: `\\` (the default) or `` ` `` (for Windows paths)."),
            new Known("check", "check=",
                    "Build checks: `skip=<rules|all>`, `error=true` and `experimental=<rules|all>`, separated by `;`."));

    private DirectiveCompletions() {}

    static void complete(Cursor c, Items items) {
        if (!allowed(c)) {
            return;
        }
        String prefix = c.linePrefix();
        Matcher m = NAME.matcher(prefix);
        if (m.matches()) {
            int from = m.group(1) == null ? c.offset() : c.lineStart() + m.start(1);
            names(c, TextRange.of(from, c.offset()), items);
            return;
        }
        m = VALUE.matcher(prefix);
        if (m.matches()) {
            int valueStart = c.lineStart() + m.start(2);
            switch (m.group(1).toLowerCase(Locale.ROOT)) {
                case "syntax" -> syntax(TextRange.of(valueStart, c.offset()), items);
                case "escape" -> escape(TextRange.of(valueStart, c.offset()), items);
                case "check" -> check(m.group(2), valueStart, c.offset(), items);
                default -> { }
            }
        }
    }

    /** BuildKit reads directives only from the first line on, and stops at the first line that is not one. */
    private static boolean allowed(Cursor c) {
        int line = c.line(c.offset());
        int above = 0;
        for (Directive d : c.file().directives()) {
            if (c.line(d.range().start()) < line) {
                above++;
            }
        }
        return above == line;
    }

    private static void names(Cursor c, TextRange replace, Items items) {
        int line = c.line(c.offset());
        Set<String> used = new HashSet<>();
        for (Directive d : c.file().directives()) {
            if (c.line(d.range().start()) != line) {
                used.add(d.name());
            }
        }
        for (Known k : DIRECTIVES) {
            if (!used.contains(k.name())) {
                CompletionItem item = items.add(k.name(), CompletionItemKind.Keyword, replace, k.insert());
                item.setFilterText(k.name());
                item.setDetail("parser directive");
                items.document(item, k.description());
            }
        }
    }

    private static void syntax(TextRange replace, Items items) {
        items.value("docker/dockerfile:1", replace, "latest stable Dockerfile syntax 1.x",
                "Pulls the newest 1.x Dockerfile frontend, so new syntax works on older BuildKit.");
        items.value("docker/dockerfile:1-labs", replace, "1.x with experimental features",
                "The labs channel: stable syntax plus features still being tried out.");
    }

    private static void escape(TextRange replace, Items items) {
        items.value("\\", replace, "backslash (the default)", null);
        items.value("`", replace, "backtick, for Windows paths", null);
    }

    /** {@code skip=a,b;error=true;experimental=c}: keys, then rule names or booleans. */
    private static void check(String typed, int valueStart, int offset, Items items) {
        int part = typed.lastIndexOf(';') + 1;
        String current = typed.substring(part);
        int eq = current.indexOf('=');
        if (eq < 0) {
            Set<String> used = new HashSet<>();
            for (String p : typed.substring(0, part).split(";")) {
                used.add(p.split("=", 2)[0].trim().toLowerCase(Locale.ROOT));
            }
            int from = valueStart + part + (current.length() - current.stripLeading().length());
            TextRange replace = TextRange.of(from, offset);
            checkKey("skip=", "Rules that report nothing for this file, comma-separated, or `all`.", used, replace, items);
            checkKey("error=", "`true`: the build fails when a check reports a problem.", used, replace, items);
            checkKey("experimental=", "Experimental rules to run, comma-separated, or `all`.", used, replace, items);
            return;
        }
        String key = current.substring(0, eq).trim().toLowerCase(Locale.ROOT);
        String list = current.substring(eq + 1);
        int item = list.lastIndexOf(',') + 1;
        TextRange replace = TextRange.of(valueStart + part + eq + 1 + item, offset);
        switch (key) {
            case "skip" -> rules(list.substring(0, item), false, replace, items);
            case "experimental" -> rules(list.substring(0, item), true, replace, items);
            case "error" -> {
                items.value("true", replace, "warnings fail the build", null);
                items.value("false", replace, "warnings are reported only (the default)", null);
            }
            default -> { }
        }
    }

    private static void checkKey(String key, String doc, Set<String> used, TextRange replace, Items items) {
        if (!used.contains(key.substring(0, key.length() - 1))) {
            CompletionItem item = items.add(key, CompletionItemKind.Property, replace, key);
            items.document(item, doc);
        }
    }

    private static void rules(String listed, boolean experimentalOnly, TextRange replace, Items items) {
        Set<String> already = new HashSet<>();
        for (String n : listed.split(",")) {
            already.add(n.trim().toLowerCase(Locale.ROOT));
        }
        if (already.stream().allMatch(String::isEmpty)) {
            items.value("all", replace, experimentalOnly ? "every experimental rule" : "every rule", null);
        }
        for (Rule r : Rules.all()) {
            if ((!experimentalOnly || r instanceof ExperimentalRule) && !already.contains(r.code().toLowerCase(Locale.ROOT))) {
                CompletionItem item = items.add(r.code(), CompletionItemKind.EnumMember, replace, r.code());
                item.setDetail(r.summary());
            }
        }
    }
}
