package dev.stagesmith.server.features.formatting;

import dev.stagesmith.grammar.Dockerfiles;
import dev.stagesmith.grammar.GoStrings;
import dev.stagesmith.grammar.ParsedDockerfile;
import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.grammar.syntax.Instruction;
import dev.stagesmith.server.features.PhysicalLines;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The changes that format a whole file or the instructions in a range: each instruction through
 * {@link InstructionFormatter}, trailing whitespace on the lines between instructions, and the file's end.
 */
final class DocumentFormatter {

    private DocumentFormatter() {}

    static List<Replacement> document(ParsedDockerfile file, FormatOptions options) {
        String text = file.text();
        List<Replacement> out = new ArrayList<>(instructions(file, options, file.instructions()));
        int lastLine = endOfContent(file);
        int keep = text.length();
        if (lastLine >= 0 && options.trimFinalNewlines()) {
            int nl = text.indexOf('\n', lastLine);
            keep = nl < 0 ? text.length() : nl + 1;
            if (keep < text.length()) {
                out.add(Replacement.of(keep, text.length(), ""));
            }
        }
        if (options.trimTrailingWhitespace()) {
            out.addAll(betweenInstructions(file, keep));
        }
        // A blank file gets no newline: there is nothing to end.
        if (lastLine >= 0 && options.insertFinalNewline() && lacksFinalNewline(text, keep, options)) {
            out.add(Replacement.of(text.length(), text.length(), PhysicalLines.lineBreak(text)));
        }
        return Replacement.merged(out, text);
    }

    static List<Replacement> range(ParsedDockerfile file, FormatOptions options, TextRange range) {
        List<Instruction> touched = file.instructions().stream().filter(i -> range.isEmpty()
                ? i.range().touches(range.start())
                : i.range().start() < range.end() && range.start() < i.range().end()).toList();
        return Replacement.merged(instructions(file, options, touched), file.text());
    }

    /**
     * The formatting of {@code chosen}: every instruction takes all its changes when one parse of the
     * result shows BuildKit reads it as before; the others take only what {@link DumpCheck} proves.
     */
    private static List<Replacement> instructions(ParsedDockerfile file, FormatOptions options, List<Instruction> chosen) {
        InstructionFormatter formatter = new InstructionFormatter(file, options);
        List<List<Replacement>> plans = chosen.stream().map(formatter::everything).toList();
        List<Replacement> all = plans.stream().flatMap(List::stream).toList();
        ParsedDockerfile after = all.isEmpty() ? file : Dockerfiles.parse(Replacement.apply(file.text(), 0, all));
        boolean comparable = after.instructions().size() == file.instructions().size()
                && DumpCheck.errors(after).equals(DumpCheck.errors(file));
        Map<Instruction, Integer> index = new IdentityHashMap<>();
        for (int n = 0; n < file.instructions().size(); n++) {
            index.put(file.instructions().get(n), n);
        }
        List<Replacement> out = new ArrayList<>(all.size());
        for (int k = 0; k < chosen.size(); k++) {
            Instruction i = chosen.get(k);
            boolean same = comparable && DumpCheck.reading(i).equals(DumpCheck.reading(after.instructions().get(index.get(i))));
            out.addAll(same ? plans.get(k) : formatter.proven(i));
        }
        return out;
    }

    /**
     * The end of the last line with text on it (or of the last instruction, whose blank continuation lines
     * belong to it), or -1 when the file is blank.
     */
    private static int endOfContent(ParsedDockerfile file) {
        String text = file.text();
        int end = GoStrings.trimSpaceEnd(text, 0, text.length());
        if (!file.instructions().isEmpty()) {
            end = Math.max(end, file.instructions().get(file.instructions().size() - 1).range().end());
        }
        return end == 0 ? -1 : PhysicalLines.contentEnd(text, PhysicalLines.start(text, end));
    }

    /** Whether the text up to {@code keep} ends in a line that is not empty once formatted. */
    private static boolean lacksFinalNewline(String text, int keep, FormatOptions options) {
        if (keep < text.length() || text.endsWith("\n")) {
            return false;
        }
        int lastLine = PhysicalLines.start(text, text.length());
        return !options.trimTrailingWhitespace()
                || PhysicalLines.skipBlanks(text, lastLine, text.length()) < text.length();
    }

    /** Trailing blanks on the lines no instruction covers (comments, directives, blank lines) before {@code keep}. */
    private static List<Replacement> betweenInstructions(ParsedDockerfile file, int keep) {
        String text = file.text();
        List<Instruction> instructions = file.instructions();
        List<Replacement> out = new ArrayList<>();
        int next = 0;
        for (int p = 0; p < keep; p = PhysicalLines.next(text, p)) {
            while (next < instructions.size() && instructions.get(next).range().end() < p) {
                next++;
            }
            if (next < instructions.size()
                    && PhysicalLines.start(text, instructions.get(next).range().start()) <= p) {
                continue;
            }
            int end = PhysicalLines.contentEnd(text, p);
            int blanks = PhysicalLines.trailingBlanks(text, p, end);
            if (blanks < end) {
                out.add(Replacement.of(blanks, end, ""));
            }
            if (end >= text.length()) {
                break;
            }
        }
        return out;
    }
}
