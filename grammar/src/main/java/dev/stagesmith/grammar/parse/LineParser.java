package dev.stagesmith.grammar.parse;

import dev.stagesmith.grammar.GoStrings;
import dev.stagesmith.grammar.GoQuoting;
import dev.stagesmith.grammar.parse.RawNode.Problem;
import dev.stagesmith.grammar.parse.RawNode.RawFlag;
import dev.stagesmith.grammar.parse.RawNode.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * BuildKit's line parser: splits a joined instruction line into keyword, builder flags and the
 * arguments, with the per-instruction rules of BuildKit's dispatch table (JSON or shell form, word
 * lists, ENV/LABEL pairs, ARG words, HEALTHCHECK type, ONBUILD's nested instruction).
 */
public final class LineParser {

    private final CharSequence line;
    private final char escape;

    private LineParser(CharSequence line, char escape) {
        this.line = line;
        this.escape = escape;
    }

    /** Parses {@code line} (already joined); indices in the result refer to it. */
    public static RawNode parse(CharSequence line, char escape) {
        return new LineParser(line, escape).instruction(0, line.length());
    }

    private RawNode instruction(int from, int to) {
        int start = GoStrings.skipSpace(line, from, to);
        int end = GoStrings.trimSpaceEnd(line, start, to);
        int kwEnd = start;
        while (kwEnd < end && !GoStrings.isFieldSeparator(line.charAt(kwEnd))) {
            kwEnd++;
        }
        Span keyword = new Span(line.subSequence(start, kwEnd).toString(), start, kwEnd);
        List<RawFlag> flags = new ArrayList<>();
        int argsFrom = end;
        if (kwEnd < end) {
            int restFrom = kwEnd;
            while (restFrom < end && GoStrings.isFieldSeparator(line.charAt(restFrom))) {
                restFrom++;
            }
            argsFrom = extractFlags(restFrom, end, flags);
        }
        argsFrom = GoStrings.skipSpace(line, argsFrom, end);
        return dispatch(keyword, flags, argsFrom, end);
    }

    /**
     * BuildKit's {@code extractBuilderFlags}: leading {@code --words}, quotes removed, {@code \} escapes.
     * Not reproduced: BuildKit walks bytes here, so a UTF-8 byte 0x85 or 0xA0 inside a character (NBSP, 'Å',
     * Cyrillic 'х', many CJK characters) ends a flag in the middle of that character and the arguments then
     * begin with stray bytes; a UTF-16 model of the text cannot hold half a character.
     */
    private int extractFlags(int from, int to, List<RawFlag> flags) {
        int pos = from;
        while (true) {
            while (pos < to && GoStrings.isSpace(line.charAt(pos))) {
                pos++;
            }
            if (pos >= to) {
                return to;
            }
            if (line.charAt(pos) != '-' || pos + 1 >= to || line.charAt(pos + 1) != '-') {
                return pos;
            }
            int wordStart = pos;
            StringBuilder word = new StringBuilder();
            int quote = 0;
            while (pos < to) {
                char ch = line.charAt(pos);
                if (quote == 0) {
                    if (GoStrings.isSpace(ch)) {
                        break;
                    }
                    if (ch == '\'' || ch == '"') {
                        quote = ch;
                        pos++;
                        continue;
                    }
                } else if (ch == quote) {
                    quote = 0;
                    pos++;
                    continue;
                }
                if (ch == '\\') {
                    if (pos + 1 >= to) {
                        pos++;
                        continue;
                    }
                    pos++;
                    ch = line.charAt(pos);
                }
                word.append(ch);
                pos++;
            }
            if (word.toString().equals("--")) {
                // "--" ends the flags; at the end of input it is simply dropped.
                return pos;
            }
            flags.add(new RawFlag(word.toString(), wordStart, pos));
        }
    }

    private RawNode dispatch(Span keyword, List<RawFlag> flags, int from, int to) {
        String kw = GoStrings.toLower(keyword.value());
        Args a = new Args();
        switch (kw) {
            case "add", "copy", "volume" -> maybeJsonToList(from, to, a);
            case "run", "cmd", "entrypoint", "shell" -> maybeJson(from, to, a);
            case "from", "expose" -> whitespaceDelimited(from, to, a);
            case "maintainer", "user", "workdir", "stopsignal" -> {
                if (from < to) {
                    add(a, from, to);
                }
            }
            case "arg" -> {
                for (int[] w : words(from, to)) {
                    a.args.add(new Span(wordValue(w), w[0], w[1]));
                }
            }
            case "env", "label" -> nameValues(kw.toUpperCase(Locale.ROOT), from, to, a);
            case "healthcheck" -> healthcheck(from, to, a);
            case "onbuild" -> {
                if (from < to) {
                    a.child = instruction(from, to);
                }
            }
            default -> {
                // Unknown instructions keep no arguments in BuildKit's tree (parseIgnore).
            }
        }
        return new RawNode(keyword, List.copyOf(flags), from, to, List.copyOf(a.args), a.json, a.jsonFrom, a.jsonTo,
                a.child, a.error);
    }

    private static final class Args {
        final List<Span> args = new ArrayList<>();
        boolean json;
        int jsonFrom = -1;
        int jsonTo = -1;
        RawNode child;
        Problem error;

        void add(String value, int from, int to) {
            args.add(new Span(value, from, to));
        }
    }

    private void add(Args a, int from, int to) {
        a.add(line.subSequence(from, to).toString(), from, to);
    }

    /** Tries the JSON form; returns true when the arguments were a JSON array (or a JSON error). */
    private boolean json(int from, int to, Args a) {
        if (from >= to || line.charAt(from) != '[') {
            return false;
        }
        GoJson.Result r = GoJson.readArray(line, from, to);
        if (r.kind() != GoJson.Kind.INVALID) {
            a.jsonFrom = from;
            a.jsonTo = r.end();
        }
        switch (r.kind()) {
            case STRINGS -> {
                for (GoJson.Element e : r.elements()) {
                    a.add(e.value(), e.from(), e.to());
                }
                a.json = true;
                return true;
            }
            case NOT_STRINGS -> {
                a.error = new Problem("when using JSON array syntax, arrays must be comprised of strings only",
                        r.problemFrom(), r.problemTo());
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private void maybeJson(int from, int to, Args a) {
        if (from >= to || json(from, to, a)) {
            return;
        }
        add(a, from, to);
    }

    private void maybeJsonToList(int from, int to, Args a) {
        if (!json(from, to, a)) {
            whitespaceDelimited(from, to, a);
        }
    }

    private void whitespaceDelimited(int from, int to, Args a) {
        int pos = from;
        while (pos < to) {
            int start = pos;
            while (pos < to && !GoStrings.isFieldSeparator(line.charAt(pos))) {
                pos++;
            }
            add(a, start, pos);
            while (pos < to && GoStrings.isFieldSeparator(line.charAt(pos))) {
                pos++;
            }
        }
    }

    /** The type ends at the first space; BuildKit tests bytes, which differs only for the bytes noted above. */
    private void healthcheck(int from, int to, Args a) {
        int sep = from;
        while (sep < to && !GoStrings.isSpace(line.charAt(sep))) {
            sep++;
        }
        if (sep == from) {
            return;
        }
        int next = GoStrings.skipSpace(line, sep, to);
        add(a, from, sep);
        maybeJson(next, to, a);
    }

    private void nameValues(String key, int from, int to, Args a) {
        List<int[]> words = words(from, to);
        if (words.isEmpty()) {
            return;
        }
        if (wordValue(words.get(0)).indexOf('=') < 0) {
            // Legacy form "KEY value...": the value is the rest of the line, verbatim.
            int keyEnd = from;
            while (keyEnd < to && !GoStrings.isFieldSeparator(line.charAt(keyEnd))) {
                keyEnd++;
            }
            int valueFrom = keyEnd;
            while (valueFrom < to && GoStrings.isFieldSeparator(line.charAt(valueFrom))) {
                valueFrom++;
            }
            if (keyEnd >= to) {
                a.error = new Problem(key + " must have two arguments", from, to);
                return;
            }
            add(a, from, keyEnd);
            add(a, valueFrom, to);
            a.add("", to, to);
            return;
        }
        for (int[] w : words) {
            String word = wordValue(w);
            int eq = word.indexOf('=');
            if (eq < 0) {
                a.error = new Problem("Syntax error - can't find = in " + GoQuoting.quote(word)
                        + ". Must be of the form: name=value", w[0], w[1]);
                a.args.clear();
                return;
            }
            a.add(word.substring(0, eq), w[0], w[0] + eq);
            a.add(word.substring(eq + 1), w[0] + eq + 1, w[0] + eq + 1 + (word.length() - eq - 1));
            a.add("=", w[0] + eq, w[0] + eq + 1);
        }
    }

    private String wordValue(int[] w) {
        String s = line.subSequence(w[0], w[1]).toString();
        return w[2] == 1 ? s.substring(0, s.length() - 1) : s;
    }

    /**
     * BuildKit's {@code parseWords}: words split on unquoted whitespace, quotes and escapes kept.
     * Each entry is {start, end, dropsTrailingEscape}: a lone escape at the very end is not part of the value.
     */
    private List<int[]> words(int from, int to) {
        List<int[]> out = new ArrayList<>();
        int pos = from;
        while (pos < to) {
            while (pos < to && GoStrings.isSpace(line.charAt(pos))) {
                pos++;
            }
            if (pos >= to) {
                break;
            }
            int start = pos;
            int quote = 0;
            int drop = 0;
            while (pos < to) {
                char ch = line.charAt(pos);
                if (quote == 0) {
                    if (GoStrings.isSpace(ch)) {
                        break;
                    }
                    if (ch == '\'' || ch == '"') {
                        quote = ch;
                    } else if (ch == escape) {
                        if (pos + 1 == to) {
                            drop = 1;
                            pos++;
                            break;
                        }
                        pos++;
                    }
                    pos++;
                } else {
                    if (ch == quote) {
                        quote = 0;
                    } else if (ch == escape && quote != '\'') {
                        if (pos + 1 == to) {
                            drop = 1;
                            pos++;
                            break;
                        }
                        pos++;
                    }
                    pos++;
                }
            }
            if (pos - start - drop > 0) {
                out.add(new int[] {start, pos, drop});
            }
        }
        return out;
    }
}
