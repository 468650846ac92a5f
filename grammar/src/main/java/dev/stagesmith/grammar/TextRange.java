package dev.stagesmith.grammar;

/**
 * A half-open range {@code [start, end)} of UTF-16 offsets into the Dockerfile text. Every syntax node
 * carries one; {@link LineIndex} turns offsets into lines and columns at the edge.
 */
public record TextRange(int start, int end) implements Comparable<TextRange> {

    public TextRange {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("invalid range [" + start + ", " + end + ")");
        }
    }

    public static TextRange of(int start, int end) {
        return new TextRange(start, end);
    }

    public static TextRange empty(int at) {
        return new TextRange(at, at);
    }

    public int length() {
        return end - start;
    }

    public boolean isEmpty() {
        return start == end;
    }

    /** True when {@code offset} lies inside the range or on its end (where a cursor after the text sits). */
    public boolean touches(int offset) {
        return offset >= start && offset <= end;
    }

    public boolean contains(int offset) {
        return offset >= start && offset < end;
    }

    public boolean contains(TextRange other) {
        return other.start >= start && other.end <= end;
    }

    public TextRange union(TextRange other) {
        return new TextRange(Math.min(start, other.start), Math.max(end, other.end));
    }

    public String of(CharSequence text) {
        return text.subSequence(start, end).toString();
    }

    @Override
    public int compareTo(TextRange o) {
        return start != o.start ? Integer.compare(start, o.start) : Integer.compare(end, o.end);
    }

    @Override
    public String toString() {
        return "[" + start + "," + end + ")";
    }
}
