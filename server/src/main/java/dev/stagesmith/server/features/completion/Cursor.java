package dev.stagesmith.server.features.completion;

import dev.stagesmith.grammar.GoStrings;
import dev.stagesmith.grammar.ParsedDockerfile;
import dev.stagesmith.grammar.SyntaxError;
import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.grammar.stages.StageGraph;
import dev.stagesmith.grammar.syntax.Instruction;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Where a completion was asked: the word around the cursor, the instruction and stage containing it,
 * found by binary search in the snapshot's cached parse (a request never walks every instruction).
 *
 * @param file the cached parse
 * @param graph the cached stage model
 * @param offset the cursor
 * @param lineStart start of the cursor's physical line
 * @param wordStart start of the whitespace-delimited word that ends at the cursor
 * @param wordEnd end of that word after the cursor
 * @param instruction the instruction the cursor is in, or null between instructions
 * @param stage the stage the cursor is in (between instructions: the stage above), or null before the first FROM
 * @param index the position of {@code instruction} among the stage's instructions, -1 for its FROM or none
 */
record Cursor(ParsedDockerfile file, StageGraph graph, int offset, int lineStart, int wordStart, int wordEnd,
        Instruction instruction, Stage stage, int index) {

    static Cursor at(ParsedDockerfile file, StageGraph graph, int offset) {
        String text = file.text();
        int at = Math.max(0, Math.min(offset, text.length()));
        int lineStart = file.lines().lineStart(file.lines().line(at));
        int wordStart = at;
        while (wordStart > lineStart && !GoStrings.isSpace(text.charAt(wordStart - 1))) {
            wordStart--;
        }
        int wordEnd = at;
        while (wordEnd < text.length() && !GoStrings.isSpace(text.charAt(wordEnd))) {
            wordEnd++;
        }
        Instruction instruction = openHeredoc(file, lineStart);
        int i = lastStartingAtOrBefore(file.instructions(), at, in -> in.range().start());
        if (instruction == null && i >= 0 && at <= file.instructions().get(i).range().end()) {
            instruction = file.instructions().get(i);
        }
        Stage stage = null;
        int anchor = instruction != null ? instruction.range().start() : at;
        int s = lastStartingAtOrBefore(graph.stages(), anchor, st -> st.from().range().start());
        int index = -1;
        if (s >= 0) {
            stage = graph.stage(s);
            if (instruction != null && instruction != stage.from()) {
                int k = lastStartingAtOrBefore(stage.instructions(), anchor, in -> in.range().start());
                index = k >= 0 && stage.instructions().get(k) == instruction ? k : -1;
            }
        }
        return new Cursor(file, graph, at, lineStart, wordStart, wordEnd, instruction, stage, index);
    }

    /**
     * The instruction whose heredoc is still open above {@code lineStart}: while a body is being typed there
     * is no terminator yet, so the parser reads its lines as instructions; completion treats them as the
     * body. Found through the parse errors (an unterminated heredoc is one), not by walking instructions.
     */
    private static Instruction openHeredoc(ParsedDockerfile file, int lineStart) {
        for (SyntaxError e : file.errors()) {
            if (e.range().start() >= lineStart) {
                continue;
            }
            int i = lastStartingAtOrBefore(file.instructions(), e.range().start(), in -> in.range().start());
            if (i >= 0 && file.instructions().get(i).heredocs().stream()
                    .anyMatch(h -> !h.terminated() && h.markerRange().equals(e.range()))) {
                return file.instructions().get(i);
            }
        }
        return null;
    }

    /** Binary search over a list sorted by start offset: the last element starting at or before {@code offset}. */
    private static <T> int lastStartingAtOrBefore(List<T> sorted, int offset, ToIntFunction<T> start) {
        int lo = 0;
        int hi = sorted.size() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (start.applyAsInt(sorted.get(mid)) <= offset) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    String text() {
        return file.text();
    }

    /** What was typed of the current word, up to the cursor. */
    String typed() {
        return text().substring(wordStart, offset);
    }

    /** The current word, including what follows the cursor. */
    String word() {
        return text().substring(wordStart, wordEnd);
    }

    /** The cursor's line up to the cursor. */
    String linePrefix() {
        return text().substring(lineStart, offset);
    }

    /** The range a suggestion for the current word replaces: what was typed of it. */
    TextRange typedRange() {
        return TextRange.of(wordStart, offset);
    }

    /** Zero-based line of {@code offset}. */
    int line(int at) {
        return file.lines().line(at);
    }

    /** Whether only blanks follow the cursor up to {@code end}. */
    boolean blankAfter(int end) {
        String text = text();
        for (int i = offset; i < Math.min(end, text.length()); i++) {
            if (!GoStrings.isSpace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether the current word is the first thing on its line. */
    boolean wordStartsLine() {
        return GoStrings.skipSpace(text(), lineStart, wordStart) == wordStart;
    }

    /** Whether only blanks follow the current word on its line. */
    boolean wordEndsLine() {
        String text = text();
        for (int i = wordEnd; i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r'; i++) {
            if (!GoStrings.isSpace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The one-based line number of {@code at}, as users read it. */
    int lineNumber(int at) {
        return file.lineNumber(at);
    }
}
