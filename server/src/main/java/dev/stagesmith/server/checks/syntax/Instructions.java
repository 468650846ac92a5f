package dev.stagesmith.server.checks.syntax;

import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.grammar.reference.InstructionReference;
import dev.stagesmith.grammar.reference.InstructionReference.InstructionInfo;
import dev.stagesmith.grammar.syntax.Healthcheck;
import dev.stagesmith.grammar.syntax.Instruction;
import dev.stagesmith.grammar.syntax.StopSignal;
import dev.stagesmith.grammar.syntax.Unknown;
import dev.stagesmith.grammar.syntax.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What several rules of this group ask of an instruction, answered the way BuildKit's typing answers it. */
final class Instructions {

    private Instructions() {}

    /**
     * Every instruction with every ONBUILD trigger after its ONBUILD, in file order. A trigger is typed
     * by BuildKit only when a later build uses the image, where the same errors fail that build.
     */
    static List<Instruction> withTriggers(List<Instruction> instructions) {
        List<Instruction> out = new ArrayList<>(instructions.size());
        for (Instruction i : instructions) {
            out.addAll(i.withTriggers());
        }
        return out;
    }

    /** An instruction (or trigger) whose flags BuildKit parses, with the table it checks them against. */
    record WithFlags(Instruction instruction, InstructionInfo info) {}

    /** {@link #withTriggers} limited to the instructions whose flags BuildKit parses ({@link #parsedFlags}). */
    static List<WithFlags> withParsedFlags(List<Instruction> instructions) {
        List<WithFlags> out = new ArrayList<>();
        for (Instruction i : withTriggers(instructions)) {
            parsedFlags(i).ifPresent(info -> out.add(new WithFlags(i, info)));
        }
        return out;
    }

    /**
     * The flag table BuildKit checks this instruction's flags against, or empty when it never parses
     * them: unknown instructions, STOPSIGNAL (whose parser ignores flags) and HEALTHCHECK NONE.
     */
    static Optional<InstructionInfo> parsedFlags(Instruction i) {
        if (i instanceof Unknown || i instanceof StopSignal) {
            return Optional.empty();
        }
        if (i instanceof Healthcheck h && isNone(h)) {
            return Optional.empty();
        }
        return InstructionReference.find(i.name());
    }

    static boolean isNone(Healthcheck h) {
        return h.type().map(t -> t.value().toUpperCase(Locale.ROOT).equals("NONE")).orElse(false);
    }

    /**
     * The keyword and arguments of {@code i}, with the closing bracket of a JSON array (heredoc bodies and
     * continuation lines after them excluded).
     */
    static TextRange head(Instruction i, String text) {
        TextRange r = i.keyword().range();
        for (Word w : i.args()) {
            if (w.range().end() > r.end()) {
                r = r.union(w.range());
            }
        }
        int end = r.end();
        while (end < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '\t' || text.charAt(end) == ',')) {
            end++;
        }
        return end < text.length() && text.charAt(end) == ']' && !i.args().isEmpty() ? TextRange.of(r.start(), end + 1) : r;
    }

    /** The words from {@code from} to the end, as one range. */
    static TextRange span(List<Word> words, int from) {
        return words.get(from).range().union(words.get(words.size() - 1).range());
    }

    /**
     * {@code range} widened over the spaces and tabs after it, so that deleting it leaves no double space.
     * Stops at a line break or an escaped line break.
     */
    static TextRange withTrailingBlanks(String text, TextRange range) {
        int end = range.end();
        while (end < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '\t')) {
            end++;
        }
        if (end == text.length() || text.charAt(end) == '\n' || text.charAt(end) == '\r') {
            int start = range.start();
            while (start > 0 && (text.charAt(start - 1) == ' ' || text.charAt(start - 1) == '\t')) {
                start--;
            }
            return TextRange.of(start, range.end());
        }
        return TextRange.of(range.start(), end);
    }

    /** A replacement in the case style of {@code original}: lower case stays lower case. */
    static String matchCase(String suggestion, String original) {
        if (original.equals(original.toLowerCase(Locale.ROOT))) {
            return suggestion.toLowerCase(Locale.ROOT);
        }
        if (original.equals(original.toUpperCase(Locale.ROOT))) {
            return suggestion.toUpperCase(Locale.ROOT);
        }
        return suggestion;
    }
}
