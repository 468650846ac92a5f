package dev.stagesmith.grammar.parse;

import dev.stagesmith.grammar.expand.ExpansionException;
import dev.stagesmith.grammar.expand.Expander;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds heredoc markers ({@code <<EOF}, {@code <<-EOF}, {@code <<'EOF'}, {@code 3<<EOF}) in a joined
 * instruction line exactly as BuildKit does: only for RUN, COPY and ADD (also inside ONBUILD), never in
 * JSON form, by lexing the whole line as shell words and matching each word.
 */
public final class HeredocMarkers {

    /** A marker: terminator name, {@code <<-} chomping, whether the body expands variables, fd, and its span. */
    public record Marker(String name, boolean chomp, boolean expand, int fd, int from, int to) {}

    /**
     * The shell lexer recurses once per open {@code ${...}}. BuildKit's Go stack grows as needed, a Java
     * stack does not: a line that opens more substitutions at once than this is treated as one the lexer
     * rejects (no heredocs), a difference no real Dockerfile comes near.
     */
    private static final int MAX_SUBSTITUTION_DEPTH = 64;

    /**
     * BuildKit's {@code ^(\d*)<<(-?)\s*([^<]*)$}. The blanks after {@code <<} are stripped in code: as a
     * {@code \s*} in front of {@code [^<]*} they made Java's backtracking matcher quadratic on a long run of
     * blanks followed by {@code <}.
     */
    private static final Pattern MARKER = Pattern.compile("([0-9]*)<<(-?)([^<]*)");
    private static final Set<String> HEREDOC_INSTRUCTIONS = Set.of("run", "copy", "add");

    private HeredocMarkers() {}

    public static boolean allowed(RawNode node) {
        RawNode target = node.keywordLower().equals("onbuild") && node.child() != null ? node.child() : node;
        return HEREDOC_INSTRUCTIONS.contains(target.keywordLower()) && !target.json();
    }

    public static List<Marker> find(RawNode node, CharSequence line) {
        if (!allowed(node) || line.toString().indexOf("<<") < 0 || tooDeep(line)) {
            return List.of();
        }
        List<Expander.Word> words;
        try {
            words = Expander.process(line.toString(), Expander.Variables.NONE, Expander.Options.raw()).words();
        } catch (ExpansionException e) {
            return List.of();
        }
        List<Marker> markers = new ArrayList<>();
        for (Expander.Word w : words) {
            Marker m = parse(w.text(), w.start(), w.end());
            if (m != null) {
                markers.add(m);
            }
        }
        return markers;
    }

    /** Reads one shell word as a heredoc marker, or returns null when it is not one. */
    public static Marker parse(String word, int from, int to) {
        Matcher m = MARKER.matcher(word);
        if (!m.matches()) {
            return null;
        }
        String rest = stripLeadingBlanks(m.group(3));
        if (rest.isEmpty() || tooDeep(rest)) {
            return null;
        }
        Expander.Options plain = new Expander.Options('\\', false, false, false, true);
        try {
            List<String> words = Expander.words(rest, Expander.Variables.NONE, plain);
            if (words.size() != 1) {
                return null;
            }
            List<String> raw = Expander.words(rest, Expander.Variables.NONE, plain.withRawQuotes(true));
            if (raw.size() != 1) {
                return null;
            }
            String name = words.get(0);
            boolean expand = quotes(name) == quotes(raw.get(0));
            int fd = m.group(1).isEmpty() ? 0 : parseFd(m.group(1));
            return new Marker(name, m.group(2).equals("-"), expand, fd, from, to);
        } catch (ExpansionException e) {
            return null;
        }
    }

    /** Go's regexp {@code \s*}: the blanks {@code [\t\n\f\r ]}. */
    private static String stripLeadingBlanks(String s) {
        int i = 0;
        while (i < s.length() && " \t\n\f\r".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        return s.substring(i);
    }

    /** Whether {@code s} opens more nested {@code ${} than the shell lexer can take. */
    private static boolean tooDeep(CharSequence s) {
        int depth = 0;
        for (int i = 0; i + 1 < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '$' && s.charAt(i + 1) == '{') {
                if (++depth > MAX_SUBSTITUTION_DEPTH) {
                    return true;
                }
                i++;
            } else if (c == '}' && depth > 0) {
                depth--;
            }
        }
        return false;
    }

    private static int parseFd(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int quotes(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"') {
                n++;
            }
        }
        return n;
    }
}
