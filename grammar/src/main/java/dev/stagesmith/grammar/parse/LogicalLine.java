package dev.stagesmith.grammar.parse;

import dev.stagesmith.grammar.TextRange;
import java.util.Arrays;

/**
 * The text of one instruction after BuildKit joined its physical lines (continuations removed,
 * comment and blank lines inside the continuation dropped), with the source offset of every character,
 * so that anything found in the joined text maps back to an exact range in the file.
 */
public final class LogicalLine implements CharSequence {

    private final String text;
    private final int[] offsets;
    private final int sourceEnd;

    private LogicalLine(String text, int[] offsets, int sourceEnd) {
        this.text = text;
        this.offsets = offsets;
        this.sourceEnd = sourceEnd;
    }

    /** Source offset of logical character {@code index}; the end of the line maps past its last character. */
    public int sourceOffset(int index) {
        if (index < offsets.length) {
            return offsets[index];
        }
        return offsets.length == 0 ? sourceEnd : offsets[offsets.length - 1] + 1;
    }

    /** Source range covering logical characters {@code [from, to)}. */
    public TextRange sourceRange(int from, int to) {
        if (to <= from) {
            int at = sourceOffset(from);
            return TextRange.empty(at);
        }
        return TextRange.of(offsets[from], offsets[to - 1] + 1);
    }

    /** Logical index of the first character at or after source offset {@code offset}. */
    public int indexAtOrAfter(int offset) {
        int i = Arrays.binarySearch(offsets, offset);
        return i >= 0 ? i : -i - 1;
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public char charAt(int index) {
        return text.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return text.subSequence(start, end);
    }

    public String substring(int start, int end) {
        return text.substring(start, end);
    }

    @Override
    public String toString() {
        return text;
    }

    /** Appends runs of source text; used while walking physical lines. */
    static final class Builder {
        private final StringBuilder text = new StringBuilder();
        private int[] offsets = new int[64];

        void append(CharSequence source, int from, int to) {
            int n = text.length() + (to - from);
            if (n > offsets.length) {
                offsets = Arrays.copyOf(offsets, Math.max(n, offsets.length * 2));
            }
            for (int i = from; i < to; i++) {
                offsets[text.length()] = i;
                text.append(source.charAt(i));
            }
        }

        LogicalLine build(int sourceEnd) {
            return new LogicalLine(text.toString(), Arrays.copyOf(offsets, text.length()), sourceEnd);
        }
    }
}
