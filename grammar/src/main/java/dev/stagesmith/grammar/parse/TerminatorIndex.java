package dev.stagesmith.grammar.parse;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The lines of a file by content, to find heredoc terminators without reading the file again: once one
 * heredoc has no terminator, every later search would otherwise scan to the end of the file too.
 */
final class TerminatorIndex {

    private final Map<String, Positions> exact = new HashMap<>();
    private final Map<String, Positions> withoutLeadingTabs = new HashMap<>();

    /** Records a line starting at {@code lineStart} (offsets must come in increasing order). */
    void add(String content, int lineStart) {
        exact.computeIfAbsent(content, k -> new Positions()).add(lineStart);
        int tabs = 0;
        while (tabs < content.length() && content.charAt(tabs) == '\t') {
            tabs++;
        }
        withoutLeadingTabs.computeIfAbsent(content.substring(tabs), k -> new Positions()).add(lineStart);
    }

    /**
     * Start of the first line at or after {@code from} that ends a heredoc named {@code name} ({@code <<-}
     * heredocs ignore the line's leading tabs), or -1 when there is none.
     */
    int find(String name, boolean chomp, int from) {
        Positions p = (chomp ? withoutLeadingTabs : exact).get(name);
        return p == null ? -1 : p.firstAtOrAfter(from);
    }

    /** A growable sorted int array. */
    private static final class Positions {
        private int[] values = new int[2];
        private int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int firstAtOrAfter(int from) {
            int i = Arrays.binarySearch(values, 0, size, from);
            int at = i >= 0 ? i : -i - 1;
            return at < size ? values[at] : -1;
        }
    }
}
