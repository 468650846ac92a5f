package dev.stagesmith.grammar;

import dev.stagesmith.grammar.parse.LogicalLine;
import dev.stagesmith.grammar.parse.ScannedInstruction;
import dev.stagesmith.grammar.syntax.Word;
import java.util.List;
import java.util.Optional;

/**
 * Maps positions inside a word's value back to the file, so a finding can point at {@code ${APP}} inside
 * {@code /opt/${APP}/bin} even when the word runs over continuation lines. A word whose value is not a
 * copy of its source text (a flag value in quotes, an escaped character) has no exact positions; its
 * whole range stands in.
 */
public final class SourceMap {

    private final String text;
    private final List<ScannedInstruction> instructions;

    SourceMap(String text, List<ScannedInstruction> instructions) {
        this.text = text;
        this.instructions = instructions;
    }

    /** The file range of characters {@code [from, to)} of {@code word.value()}, or the word's whole range. */
    public TextRange range(Word word, int from, int to) {
        int[] map = offsets(word);
        if (map == null || from < 0 || to > word.value().length() || from >= to) {
            return word.range();
        }
        return TextRange.of(map[from], map[to - 1] + 1);
    }

    /** Whether {@link #range} gives exact positions for {@code word}. */
    public boolean isExact(Word word) {
        return offsets(word) != null;
    }

    /**
     * The file offset of every character of {@code word.value()}, or empty when {@link #isExact} is false.
     * One call maps the whole word, for callers that need many positions in one word: {@link #range} walks
     * the word on every call.
     */
    public Optional<int[]> offsetsOf(Word word) {
        return Optional.ofNullable(offsets(word));
    }

    /** The source offset of every character of the value, or null when the value is not its source. */
    private int[] offsets(Word word) {
        String value = word.value();
        TextRange r = word.range();
        int[] map = new int[value.length()];
        if (r.length() == value.length() && text.startsWith(value, r.start())) {
            for (int i = 0; i < map.length; i++) {
                map[i] = r.start() + i;
            }
            return map;
        }
        // The word runs over continuation lines: BuildKit's joined line holds it verbatim, with the source
        // offset of every character.
        LogicalLine line = lineContaining(r.start());
        if (line == null) {
            return null;
        }
        int at = line.indexAtOrAfter(r.start());
        if (at + value.length() > line.length() || !line.substring(at, at + value.length()).equals(value)
                || line.sourceOffset(at) != r.start()
                || (!value.isEmpty() && line.sourceOffset(at + value.length() - 1) + 1 != r.end())) {
            return null;
        }
        for (int i = 0; i < map.length; i++) {
            map[i] = line.sourceOffset(at + i);
        }
        return map;
    }

    private LogicalLine lineContaining(int offset) {
        int lo = 0;
        int hi = instructions.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            ScannedInstruction in = instructions.get(mid);
            if (in.start() > offset) {
                hi = mid - 1;
            } else if (in.range().end() < offset) {
                lo = mid + 1;
            } else {
                return in.line();
            }
        }
        return null;
    }
}
