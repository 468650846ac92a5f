package dev.stagesmith.grammar.expand;

import dev.stagesmith.grammar.GoQuoting;
import dev.stagesmith.grammar.GoStrings;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * BuildKit's word expansion ({@code frontend/dockerfile/shell}): quotes, the escape character,
 * {@code $v}, {@code ${v}}, {@code ${v:-w}}, {@code ${v-w}}, {@code ${v:+w}}, {@code ${v+w}},
 * {@code ${v:?m}}, {@code ${v?m}}, {@code ${v#p}}, {@code ${v##p}}, {@code ${v%p}}, {@code ${v%%p}},
 * {@code ${v/p/r}} and {@code ${v//p/r}}, plus word splitting after expansion. Also reports which
 * variables a word used, found or not, for checks and hovers.
 */
public final class Expander {

    /** How a word is processed; the flags mirror BuildKit's lexer modes. */
    public record Options(
            char escape, boolean rawQuotes, boolean rawEscapes, boolean skipProcessQuotes, boolean skipUnsetEnv) {

        /** Plain expansion with {@code escape} as the escape character, as instructions are expanded. */
        public static Options standard(char escape) {
            return new Options(escape, false, false, false, false);
        }

        /** Keeps quotes, escapes and unknown variables verbatim: how BuildKit finds heredoc markers. */
        public static Options raw() {
            return new Options('\\', true, true, false, true);
        }

        /** Heredoc bodies: only variables are replaced, quotes are left to the shell. */
        public static Options heredocBody() {
            return new Options('\\', false, false, true, false);
        }

        public Options withSkipUnsetEnv(boolean skip) {
            return new Options(escape, rawQuotes, rawEscapes, skipProcessQuotes, skip);
        }

        public Options withRawQuotes(boolean raw) {
            return new Options(escape, raw, rawEscapes, skipProcessQuotes, skipUnsetEnv);
        }
    }

    /** Looks variables up; {@code null} means unset. Lookups are case-sensitive, as on Linux. */
    @FunctionalInterface
    public interface Variables {
        String get(String name);

        Variables NONE = name -> null;
    }

    /** One word after splitting, with the [start, end) UTF-16 indices of the input text that produced it. */
    public record Word(String text, int start, int end) {}

    /** The expanded text, its words, and the variable names found and not found while expanding. */
    public record Result(String value, List<Word> words, Set<String> matched, Set<String> unmatched) {}

    private static final int EOF = -1;

    private final String input;
    private final Variables vars;
    private final Options options;
    private final Set<String> matched = new LinkedHashSet<>();
    private final Set<String> unmatched = new LinkedHashSet<>();
    private int pos;
    private boolean rawEscapes;

    private Expander(String input, Variables vars, Options options) {
        this.input = input;
        this.vars = vars;
        this.options = options;
        this.rawEscapes = options.rawEscapes();
        this.pos = skipByteOrderMark(input);
    }

    /** BuildKit reads words with Go's text/scanner, which silently drops a byte order mark at the start. */
    static int skipByteOrderMark(String s) {
        return s.startsWith("\uFEFF") ? 1 : 0;
    }

    public static Result process(String word, Variables vars, Options options) throws ExpansionException {
        Expander e = new Expander(word, vars, options);
        try {
            Piece p = e.processStopOn(EOF, options.rawEscapes());
            return new Result(p.text, p.words, e.matched, e.unmatched);
        } catch (ExpansionException ex) {
            throw new ExpansionException("failed to process " + GoQuoting.quote(word) + ": " + ex.getMessage(),
                    ex.index());
        }
    }

    /** Expands {@code word} into one string (spaces kept), as BuildKit's {@code ProcessWord}. */
    public static String expand(String word, Variables vars, char escape) throws ExpansionException {
        return process(word, vars, Options.standard(escape)).value();
    }

    /** Expands then splits {@code word} on unquoted whitespace, as BuildKit's {@code ProcessWords}. */
    public static List<String> words(String word, Variables vars, Options options) throws ExpansionException {
        List<Word> ws = process(word, vars, options).words();
        List<String> out = new ArrayList<>(ws.size());
        for (Word w : ws) {
            out.add(w.text());
        }
        return out;
    }

    private record Piece(String text, List<Word> words) {}

    private int peek() {
        return pos < input.length() ? input.codePointAt(pos) : EOF;
    }

    private int next() {
        if (pos >= input.length()) {
            return EOF;
        }
        int c = input.codePointAt(pos);
        pos += Character.charCount(c);
        return c;
    }

    private Piece processStopOn(int stop, boolean raw) throws ExpansionException {
        boolean saved = rawEscapes;
        rawEscapes = raw;
        try {
            return scan(stop);
        } finally {
            rawEscapes = saved;
        }
    }

    private Piece scan(int stop) throws ExpansionException {
        StringBuilder result = new StringBuilder();
        WordAccumulator words = new WordAccumulator();
        while (peek() != EOF) {
            int at = pos;
            int ch = peek();
            if (stop != EOF && ch == stop) {
                next();
                return new Piece(result.toString(), words.finish());
            }
            if (ch == '$') {
                String value = processDollar();
                result.append(value);
                words.addString(value, at, pos);
            } else if (!options.skipProcessQuotes() && (ch == '\'' || ch == '"')) {
                String value = ch == '\'' ? processSingleQuote() : processDoubleQuote();
                result.append(value);
                words.addRawString(value, at, pos);
            } else if (ch == '<' && input.startsWith("<<", pos)) {
                String value = processHeredocOperator();
                result.append(value);
                words.addRawString(value, at, pos);
            } else {
                ch = next();
                if (ch == options.escape()) {
                    if (rawEscapes) {
                        words.addRawChar(ch, at, pos);
                        result.appendCodePoint(ch);
                    }
                    ch = next();
                    if (ch == EOF) {
                        break;
                    }
                    words.addRawChar(ch, at, pos);
                } else {
                    words.addChar(ch, at, pos);
                }
                result.appendCodePoint(ch);
            }
        }
        if (stop != EOF) {
            throw new ExpansionException(
                    "unexpected end of statement while looking for matching " + Character.toString(stop), pos);
        }
        return new Piece(result.toString(), words.finish());
    }

    /**
     * {@code <<} keeps the blanks after it in the same word, so {@code << EOF} reads as one heredoc marker.
     * BuildKit's blanks here are space, tab and carriage return; other spaces, such as '\v', still split.
     */
    private String processHeredocOperator() {
        int start = pos;
        pos += 2;
        while (pos < input.length() && isHeredocBlank(input.charAt(pos))) {
            pos++;
        }
        return input.substring(start, pos);
    }

    private static boolean isHeredocBlank(char c) {
        return c == ' ' || c == '\t' || c == '\r';
    }

    private String processSingleQuote() throws ExpansionException {
        int start = pos;
        StringBuilder result = new StringBuilder();
        int ch = next();
        if (options.rawQuotes()) {
            result.appendCodePoint(ch);
        }
        while (true) {
            ch = next();
            if (ch == EOF) {
                throw new ExpansionException(
                        "unexpected end of statement while looking for matching single-quote", start);
            }
            if (ch == '\'') {
                if (options.rawQuotes()) {
                    result.appendCodePoint(ch);
                }
                return result.toString();
            }
            result.appendCodePoint(ch);
        }
    }

    private String processDoubleQuote() throws ExpansionException {
        int start = pos;
        StringBuilder result = new StringBuilder();
        int ch = next();
        if (options.rawQuotes()) {
            result.appendCodePoint(ch);
        }
        while (true) {
            int p = peek();
            if (p == EOF) {
                throw new ExpansionException(
                        "unexpected end of statement while looking for matching double-quote", start);
            }
            if (p == '"') {
                next();
                if (options.rawQuotes()) {
                    result.append('"');
                }
                return result.toString();
            }
            if (p == '$') {
                result.append(processDollar());
                continue;
            }
            ch = next();
            if (ch == options.escape()) {
                if (rawEscapes) {
                    result.appendCodePoint(ch);
                }
                int after = peek();
                if (after == EOF) {
                    continue;
                }
                if (after == '"' || after == '$' || after == options.escape()) {
                    ch = next();
                }
            }
            result.appendCodePoint(ch);
        }
    }

    private String processDollar() throws ExpansionException {
        int start = pos;
        next();
        if (peek() != '{') {
            return processBareName();
        }
        next();
        int p = peek();
        if (p == EOF) {
            throw new ExpansionException("syntax error: missing '}'", start);
        }
        if (p == '{' || p == '}' || p == ':') {
            throw new ExpansionException("syntax error: bad substitution", start);
        }
        String name = processName();
        int ch = next();
        switch (ch) {
            case '}':
                return processBraced(name);
            case '/':
                return processReplace(name, start);
            case ':': {
                int op = next();
                return processModifier(name, op, ":" + goRune(op), true, start);
            }
            case '+', '-', '?', '#', '%':
                return processModifier(name, ch, goRune(ch), false, start);
            default:
                throw unsupported(goRune(ch), start);
        }
    }

    private String processBareName() {
        String name = processName();
        if (name.isEmpty()) {
            return "$";
        }
        String value = lookup(name);
        if (value == null && options.skipUnsetEnv()) {
            return "$" + name;
        }
        return value == null ? "" : value;
    }

    private String processBraced(String name) {
        String value = lookup(name);
        if (value == null && options.skipUnsetEnv()) {
            return "${" + name + "}";
        }
        return value == null ? "" : value;
    }

    /**
     * {@code ${name op word}}. After a ':' BuildKit comes here whatever {@code op} is, so an unknown
     * modifier such as {@code :=} is refused only after its word was read, and not at all when the
     * variable is unset and {@code skipUnsetEnv} gives the reference back verbatim.
     */
    private String processModifier(String name, int op, String modifier, boolean nullIsUnset, int start)
            throws ExpansionException {
        boolean patternOp = op == '#' || op == '%';
        if (nullIsUnset && patternOp) {
            throw unsupported(modifier, start);
        }
        String word = wordUntilClosingBrace(patternOp, start);
        String value = lookup(name);
        if (value == null && options.skipUnsetEnv()) {
            return "${" + name + modifier + word + "}";
        }
        boolean empty = value == null || (nullIsUnset && value.isEmpty());
        switch (op) {
            case '-':
                return empty ? word : value;
            case '+':
                return empty ? "" : word;
            case '?':
                return requireValue(name, value, word, nullIsUnset, start);
            case '#', '%':
                return trimPattern(op, word, value == null ? "" : value);
            default:
                throw unsupported(modifier, start);
        }
    }

    private static String requireValue(String name, String value, String word, boolean nullIsUnset, int start)
            throws ExpansionException {
        if (value == null) {
            throw new ExpansionException(name + ": " + (word.isEmpty() ? "is not allowed to be unset" : word), start);
        }
        if (nullIsUnset && value.isEmpty()) {
            throw new ExpansionException(name + ": " + (word.isEmpty() ? "is not allowed to be empty" : word), start);
        }
        return value;
    }

    /** A doubled {@code #} or {@code %} asks for the longest match; BuildKit sees it as the word's first character. */
    private static String trimPattern(int op, String word, String value) throws ExpansionException {
        boolean greedy = !word.isEmpty() && word.charAt(0) == op;
        String pattern = greedy ? word.substring(1) : word;
        return op == '%' ? ShellPattern.trimSuffix(pattern, value, greedy)
                : ShellPattern.trimPrefix(pattern, value, greedy);
    }

    private static ExpansionException unsupported(String modifier, int start) {
        return new ExpansionException("unsupported modifier (" + modifier + ") in substitution", start);
    }

    /** Go's {@code string(rune)}: the end of input (-1) becomes U+FFFD, and BuildKit's messages show it so. */
    private static String goRune(int ch) {
        return ch == EOF ? "\uFFFD" : Character.toString(ch);
    }

    private String wordUntilClosingBrace(boolean raw, int start) throws ExpansionException {
        try {
            return processStopOn('}', raw).text;
        } catch (ExpansionException e) {
            if (peek() == EOF) {
                throw new ExpansionException("syntax error: missing '}'", start);
            }
            throw e;
        }
    }

    private String processReplace(String name, int start) throws ExpansionException {
        boolean all = peek() == '/';
        if (all) {
            next();
        }
        String pattern;
        try {
            pattern = processStopOn('/', true).text;
        } catch (ExpansionException e) {
            if (peek() == EOF) {
                throw new ExpansionException("syntax error: missing '/' in ${}", start);
            }
            throw e;
        }
        String replacement = wordUntilClosingBrace(true, start);
        String value = lookup(name);
        if (value == null && options.skipUnsetEnv()) {
            return "${" + name + "/" + pattern + "/" + replacement + "}";
        }
        return ShellPattern.replace(value == null ? "" : value, pattern, replacement, all);
    }

    private String processName() {
        StringBuilder name = new StringBuilder();
        while (peek() != EOF) {
            int ch = peek();
            if (name.length() == 0 && Character.isDigit(ch)) {
                while (peek() != EOF && Character.isDigit(peek())) {
                    name.appendCodePoint(next());
                }
                return name.toString();
            }
            if (name.length() == 0 && isSpecialParam(ch)) {
                next();
                return Character.toString(ch);
            }
            if (!Character.isLetter(ch) && !Character.isDigit(ch) && ch != '_') {
                break;
            }
            name.appendCodePoint(next());
        }
        return name.toString();
    }

    private static boolean isSpecialParam(int c) {
        return c == '@' || c == '*' || c == '#' || c == '?' || c == '-' || c == '$' || c == '!' || c == '0';
    }

    private String lookup(String name) {
        String value = vars.get(name);
        if (value != null) {
            matched.add(name);
        } else {
            unmatched.add(name);
        }
        return value;
    }

    /**
     * Splits expanded text into words the way BuildKit does: quoted text never splits. Each word spans
     * [from, to) of the source pieces that gave it text: a character, an escape pair, a quoted string,
     * a {@code <<} operator or a whole {@code $} expansion, so all words of one expansion span all of it.
     */
    private static final class WordAccumulator {
        private final StringBuilder buf = new StringBuilder();
        private final List<Word> words = new ArrayList<>();
        private int start = -1;
        private int end = -1;

        /** Unquoted text: blanks end the current word. */
        void addChar(int ch, int from, int to) {
            if (!GoStrings.isSpace(ch)) {
                addRawChar(ch, from, to);
                return;
            }
            if (buf.length() != 0) {
                words.add(new Word(buf.toString(), start, end));
                buf.setLength(0);
            }
            // empty quotes before a blank open no word, so the next word starts after the blank
            start = -1;
        }

        void addRawChar(int ch, int from, int to) {
            cover(from, to);
            buf.appendCodePoint(ch);
        }

        void addString(String s, int from, int to) {
            for (int i = 0; i < s.length(); ) {
                int c = s.codePointAt(i);
                addChar(c, from, to);
                i += Character.charCount(c);
            }
        }

        /** Quoted text, which never splits; even empty quotes join the text around them into one word. */
        void addRawString(String s, int from, int to) {
            cover(from, to);
            buf.append(s);
        }

        private void cover(int from, int to) {
            if (start < 0) {
                start = from;
            }
            end = to;
        }

        List<Word> finish() {
            if (buf.length() > 0) {
                words.add(new Word(buf.toString(), start, end));
                buf.setLength(0);
            }
            start = -1;
            return words;
        }
    }
}
