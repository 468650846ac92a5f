package dev.stagesmith.server.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagesmith.grammar.Dockerfiles;
import dev.stagesmith.grammar.TextRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The one assertion helper for rules. Cases are Dockerfiles in which the expected ranges are marked
 * {@code ⟦like this⟧}; the markers are removed before parsing.
 */
public final class RuleTester {

    public static final char OPEN = '⟦';
    public static final char CLOSE = '⟧';

    private RuleTester() {}

    /** The marked text without markers, and the marked ranges in order. */
    public record Marked(String text, List<TextRange> ranges) {}

    public static Marked mark(String marked) {
        StringBuilder text = new StringBuilder();
        List<TextRange> ranges = new ArrayList<>();
        int open = -1;
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            if (c == OPEN) {
                open = text.length();
            } else if (c == CLOSE) {
                ranges.add(TextRange.of(open, text.length()));
            } else {
                text.append(c);
            }
        }
        return new Marked(text.toString(), ranges);
    }

    /** Runs {@code rule} alone on {@code text} (experimental or not); a rule that throws fails the test. */
    public static List<Finding> run(Rule rule, String text) {
        return run(rule, text, Optional.empty());
    }

    public static List<Finding> run(Rule rule, String text, Optional<Predicate<String>> ignored) {
        var parsed = Dockerfiles.parse(text);
        var input = new CheckInput(parsed, dev.stagesmith.grammar.stages.StageGraph.of(parsed), ignored);
        // A rule under test runs even when it is experimental (enabled through its severity setting).
        List<Finding> found = new ArrayList<>(new Checker(List.of(rule), (r, e) -> {
            throw new AssertionError(r.code() + " threw", e);
        }).check(input, Map.of(rule.code(), rule.defaultSeverity())));
        found.sort(Comparator.comparingInt(f -> f.range().start()));
        return found;
    }

    /**
     * Asserts that {@code rule} reports exactly the marked ranges, in order, and that the i-th message
     * contains {@code messages[i]} (when given).
     */
    public static List<Finding> assertFindings(Rule rule, String marked, String... messages) {
        Marked m = mark(marked);
        List<Finding> found = run(rule, m.text());
        List<TextRange> actual = found.stream().map(Finding::range).toList();
        assertEquals(describe(m.text(), m.ranges()), describe(m.text(), actual), "ranges reported by " + rule.code()
                + " " + found);
        for (int i = 0; i < messages.length; i++) {
            assertTrue(found.get(i).message().contains(messages[i]),
                    "message " + i + " was: " + found.get(i).message() + "; expected to contain: " + messages[i]);
        }
        for (Finding f : found) {
            assertEquals(rule.code(), f.code());
            assertFalse(f.message().isBlank());
        }
        return found;
    }

    /** Asserts that {@code rule} reports nothing on {@code text}. */
    public static void assertNoFindings(Rule rule, String text) {
        assertEquals(List.of(), run(rule, text), rule.code() + " should stay quiet");
    }

    /** Applies the first quick fix of the only finding and returns the resulting text. */
    public static String applyFix(Rule rule, String text) {
        List<Finding> found = run(rule, text);
        assertEquals(1, found.size(), "findings: " + found);
        assertFalse(found.get(0).fixes().isEmpty(), "the finding has a quick fix");
        return apply(text, found.get(0).fixes().get(0));
    }

    public static String apply(String text, Fix fix) {
        List<Fix.Edit> edits = new ArrayList<>(fix.edits());
        edits.sort(Comparator.comparingInt((Fix.Edit e) -> e.range().start()).reversed());
        StringBuilder out = new StringBuilder(text);
        for (Fix.Edit e : edits) {
            out.replace(e.range().start(), e.range().end(), e.text());
        }
        return out.toString();
    }

    /** Ranges shown as the text they cover, so a failure reads as a diff of marked text. */
    private static String describe(String text, List<TextRange> ranges) {
        StringBuilder out = new StringBuilder();
        int last = 0;
        for (TextRange r : ranges) {
            if (r.start() < last) {
                out.append("\n(overlapping) ").append(r);
                continue;
            }
            out.append(text, last, r.start()).append(OPEN).append(text, r.start(), r.end()).append(CLOSE);
            last = r.end();
        }
        return out.append(text.substring(last)).toString();
    }
}
