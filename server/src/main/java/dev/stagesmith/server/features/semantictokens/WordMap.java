package dev.stagesmith.server.features.semantictokens;

import dev.stagesmith.grammar.ParsedDockerfile;
import dev.stagesmith.grammar.syntax.Word;
import java.util.Optional;

/**
 * Where each character of a word's value lies in the file: at a fixed shift (the value is its source, or a
 * JSON string without escapes), or character by character (a word running over continuation lines).
 */
final class WordMap {

    /** Receives one run of characters that are contiguous in the file. */
    interface Runs {
        void run(int start, int end);
    }

    private final int shift;
    private final int[] offsets;

    private WordMap(int shift, int[] offsets) {
        this.shift = shift;
        this.offsets = offsets;
    }

    /** The map of {@code word}, or empty when its value is not a copy of its source (quotes, escapes). */
    static Optional<WordMap> of(ParsedDockerfile file, Word word) {
        String text = file.text();
        String value = word.value();
        int start = word.range().start();
        int length = word.range().length();
        if (word.range().end() > text.length()) {
            return Optional.empty();
        }
        if (length == value.length() && text.startsWith(value, start)) {
            return Optional.of(new WordMap(start, null));
        }
        if (length == value.length() + 2 && text.charAt(start) == '"' && text.startsWith(value, start + 1)
                && text.charAt(start + length - 1) == '"') {
            return Optional.of(new WordMap(start + 1, null));
        }
        return file.sourceMap().offsetsOf(word).map(o -> new WordMap(0, o));
    }

    /** A map for text that is exactly the file from {@code start} (a heredoc body). */
    static WordMap at(int start) {
        return new WordMap(start, null);
    }

    /** The file offset of character {@code i} of the value; past the end, just after the last one. */
    int offset(int i) {
        if (offsets == null) {
            return shift + i;
        }
        if (offsets.length == 0) {
            return 0;
        }
        return i < offsets.length ? offsets[Math.max(i, 0)] : offsets[offsets.length - 1] + 1;
    }

    /** Calls {@code runs} for the file ranges holding characters {@code [from, to)} of the value. */
    void runs(int from, int to, Runs runs) {
        if (from >= to) {
            return;
        }
        if (offsets == null) {
            runs.run(shift + from, shift + to);
            return;
        }
        int runStart = offsets[from];
        int previous = runStart;
        for (int i = from + 1; i < to; i++) {
            int o = offsets[i];
            if (o != previous + 1) {
                runs.run(runStart, previous + 1);
                runStart = o;
            }
            previous = o;
        }
        runs.run(runStart, previous + 1);
    }
}
