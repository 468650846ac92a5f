package dev.stagesmith.server.features.formatting;

import dev.stagesmith.grammar.TextRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** One formatting change in offsets: replace {@code range} with {@code text}. */
record Replacement(TextRange range, String text) {

    static Replacement of(int start, int end, String text) {
        return new Replacement(TextRange.of(start, end), text);
    }

    /** {@code text} with {@code changes} (non-overlapping, any order) applied; offsets are shifted by {@code base}. */
    static String apply(String text, int base, List<Replacement> changes) {
        List<Replacement> sorted = new ArrayList<>(changes);
        sorted.sort(Comparator.comparing(Replacement::range));
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (Replacement r : sorted) {
            out.append(text, at, r.range().start() - base).append(r.text());
            at = r.range().end() - base;
        }
        return out.append(text, at, text.length()).toString();
    }

    /** Sorted, with changes that touch merged into one, as LSP clients apply them most reliably. */
    static List<Replacement> merged(List<Replacement> changes, String text) {
        List<Replacement> sorted = new ArrayList<>(changes);
        sorted.sort(Comparator.comparing(Replacement::range));
        List<Replacement> out = new ArrayList<>(sorted.size());
        for (Replacement r : sorted) {
            Replacement last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.range().end() > r.range().start()) {
                continue; // never produced; dropping the later change keeps the edits valid
            }
            if (last != null && last.range().end() == r.range().start()) {
                out.set(out.size() - 1, new Replacement(last.range().union(r.range()), last.text() + r.text()));
            } else {
                out.add(r);
            }
        }
        out.removeIf(r -> r.range().of(text).equals(r.text()));
        return out;
    }
}
