package dev.stagesmith.server.features.semantictokens;

import dev.stagesmith.grammar.LineIndex;
import dev.stagesmith.grammar.TextRange;
import java.util.Arrays;

/**
 * Collects tokens as offset ranges in any order, where a token inside another one wins over it (a variable
 * inside a string), and encodes them as LSP's relative integers: sorted, non-overlapping, one line each.
 * Everything after the sort is a single pass, so the cost stays linear in the number of tokens.
 */
final class TokenCollector {

    private final Ranges tokens = new Ranges(256);

    /** Adds {@code [start, end)}; empty and inverted ranges are ignored. */
    void add(int start, int end, Legend.Type type, int modifierBits) {
        if (start >= 0) {
            tokens.add(start, end, type.ordinal(), modifierBits);
        }
    }

    /**
     * The LSP encoding of the tokens that touch {@code window}, against {@code text} and its {@code lines}:
     * five integers per token (line delta, start delta, length, type, modifiers).
     */
    int[] encode(String text, LineIndex lines, TextRange window) {
        Ranges flat = flatten(sortedOrder());
        Encoder encoder = new Encoder(text, lines, flat.size * 5 + 16);
        for (int i = 0; i < flat.size; i++) {
            int s = flat.starts[i];
            int e = Math.min(flat.ends[i], text.length());
            if (e > window.start() && s < window.end()) {
                encoder.token(s, e, flat.types[i], flat.modifiers[i]);
            }
        }
        return encoder.data();
    }

    /** Token indexes by start; tokens with the same start keep the order they were added (outer first). */
    private int[] sortedOrder() {
        int size = tokens.size;
        long[] keys = new long[size];
        for (int i = 0; i < size; i++) {
            keys[i] = ((long) tokens.starts[i] << 32) | i;
        }
        Arrays.sort(keys);
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = (int) keys[i];
        }
        return order;
    }

    /**
     * Resolves nesting with a stack of open tokens: an inner token cuts its outer one in two, a token that
     * overlaps an earlier sibling loses the overlap, a token that sticks out of its outer one is clipped.
     */
    private Ranges flatten(int[] order) {
        Ranges out = new Ranges(tokens.size + 16);
        int[] openIndex = new int[16];
        int[] openEnd = new int[16];
        int[] openCursor = new int[16];
        int depth = 0;
        int cursor = 0;
        for (int i : order) {
            int s = tokens.starts[i];
            int e = tokens.ends[i];
            while (depth > 0 && openEnd[depth - 1] <= s) {
                depth--;
                int closedEnd = openEnd[depth];
                out.add(openCursor[depth], closedEnd, tokens.types[openIndex[depth]], tokens.modifiers[openIndex[depth]]);
                if (depth > 0) {
                    openCursor[depth - 1] = closedEnd;
                } else {
                    cursor = closedEnd;
                }
            }
            if (depth > 0) {
                int parent = depth - 1;
                s = Math.max(s, openCursor[parent]);
                e = Math.min(e, openEnd[parent]);
                if (s >= e) {
                    continue;
                }
                out.add(openCursor[parent], s, tokens.types[openIndex[parent]], tokens.modifiers[openIndex[parent]]);
                openCursor[parent] = s;
            } else {
                s = Math.max(s, cursor);
                if (s >= e) {
                    continue;
                }
            }
            if (depth == openIndex.length) {
                openIndex = Arrays.copyOf(openIndex, depth * 2);
                openEnd = Arrays.copyOf(openEnd, depth * 2);
                openCursor = Arrays.copyOf(openCursor, depth * 2);
            }
            openIndex[depth] = i;
            openEnd[depth] = e;
            openCursor[depth] = s;
            depth++;
        }
        while (depth > 0) {
            depth--;
            int closedEnd = openEnd[depth];
            out.add(openCursor[depth], closedEnd, tokens.types[openIndex[depth]], tokens.modifiers[openIndex[depth]]);
            if (depth > 0) {
                openCursor[depth - 1] = closedEnd;
            }
        }
        return out;
    }

    /** Token ranges with their type and modifier bits, in parallel arrays; empty ranges are not kept. */
    private static final class Ranges {
        int[] starts;
        int[] ends;
        int[] types;
        int[] modifiers;
        int size;

        Ranges(int capacity) {
            starts = new int[capacity];
            ends = new int[capacity];
            types = new int[capacity];
            modifiers = new int[capacity];
        }

        void add(int start, int end, int type, int mods) {
            if (end <= start) {
                return;
            }
            if (size == starts.length) {
                int n = size * 2;
                starts = Arrays.copyOf(starts, n);
                ends = Arrays.copyOf(ends, n);
                types = Arrays.copyOf(types, n);
                modifiers = Arrays.copyOf(modifiers, n);
            }
            starts[size] = start;
            ends[size] = end;
            types[size] = type;
            modifiers[size] = mods;
            size++;
        }
    }

    /** Writes sorted tokens relative to each other, splitting the ones that cross line breaks. */
    private static final class Encoder {
        private final String text;
        private final LineIndex lines;
        private int[] data;
        private int size;
        private int line;
        private int previousLine;
        private int previousColumn;

        Encoder(String text, LineIndex lines, int capacity) {
            this.text = text;
            this.lines = lines;
            this.data = new int[capacity];
        }

        void token(int start, int end, int type, int mods) {
            while (line + 1 < lines.lineCount() && lines.lineStart(line + 1) <= start) {
                line++;
            }
            int s = start;
            while (s < end) {
                int lineStart = lines.lineStart(line);
                int contentEnd = lines.lineEnd(line, text);
                int segmentEnd = Math.min(end, contentEnd);
                if (segmentEnd > s) {
                    write(line, s - lineStart, segmentEnd - s, type, mods);
                }
                if (end <= contentEnd || line + 1 >= lines.lineCount()) {
                    return;
                }
                line++;
                s = lines.lineStart(line);
            }
        }

        private void write(int tokenLine, int column, int length, int type, int mods) {
            if (size + 5 > data.length) {
                data = Arrays.copyOf(data, data.length * 2 + 5);
            }
            data[size++] = tokenLine - previousLine;
            data[size++] = tokenLine == previousLine ? column - previousColumn : column;
            data[size++] = length;
            data[size++] = type;
            data[size++] = mods;
            previousLine = tokenLine;
            previousColumn = column;
        }

        int[] data() {
            return Arrays.copyOf(data, size);
        }
    }
}
