package dev.stagesmith.server.checks.variables;

import dev.stagesmith.grammar.ParsedDockerfile;
import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.grammar.parse.LogicalLine;
import dev.stagesmith.grammar.parse.ScannedInstruction;
import dev.stagesmith.grammar.parse.SourceScanner;
import dev.stagesmith.grammar.syntax.Word;
import java.util.List;

/**
 * Maps positions in a word's value back to the file. A word written on one line maps one to one; a word
 * spread over continuation lines maps through BuildKit's joined line. A word whose value is not a copy
 * of its source (a flag value in quotes) has no exact positions, and its whole range stands in.
 */
final class WordSource {

    private final ParsedDockerfile file;
    private List<ScannedInstruction> layout;
    /** The last word mapped and its map: a word's references are placed one after another. */
    private Word lastWord;
    private int[] lastMap;

    WordSource(ParsedDockerfile file) {
        this.file = file;
    }

    /** The file range of {@code word.value()}'s characters {@code [from, to)}, or the word's range. */
    TextRange range(Word word, int from, int to) {
        int[] map = offsets(word);
        if (map == null || from < 0 || to > word.value().length() || from >= to) {
            return word.range();
        }
        return TextRange.of(map[from], map[to - 1] + 1);
    }

    /** Whether {@link #range} gives exact positions for {@code word}. */
    boolean exact(Word word) {
        return offsets(word) != null;
    }

    /** The source offset of every character of the value, or null when the value is not its source. */
    private int[] offsets(Word word) {
        if (!word.equals(lastWord)) {
            lastMap = map(word);
            lastWord = word;
        }
        return lastMap;
    }

    private int[] map(Word word) {
        String value = word.value();
        TextRange r = word.range();
        String text = file.text();
        int[] map = new int[value.length()];
        if (r.length() == value.length() && text.startsWith(value, r.start())) {
            for (int i = 0; i < map.length; i++) {
                map[i] = r.start() + i;
            }
            return map;
        }
        // The word runs over continuation lines: BuildKit's joined line has it verbatim, with the source
        // offset of each character.
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
        if (layout == null) {
            layout = SourceScanner.scan(file.text()).instructions();
        }
        int lo = 0;
        int hi = layout.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            ScannedInstruction in = layout.get(mid);
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
