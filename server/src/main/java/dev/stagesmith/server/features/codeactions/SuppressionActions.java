package dev.stagesmith.server.features.codeactions;

import dev.stagesmith.grammar.ParsedDockerfile;
import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.grammar.syntax.Comment;
import dev.stagesmith.grammar.syntax.Directive;
import dev.stagesmith.grammar.syntax.Instruction;
import dev.stagesmith.server.checks.Fix;
import dev.stagesmith.server.features.PhysicalLines;
import dev.stagesmith.server.features.Positions;
import dev.stagesmith.server.workspace.DocumentSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.Diagnostic;

/**
 * Silencing a rule: "Ignore X for this instruction" writes {@code # stagesmith-ignore=X} on the line before
 * the instruction (or adds X to the one already there); "Skip X in this file" adds X to BuildKit's
 * {@code # check=skip=} parser directive, writing the directive where directives are valid if there is none.
 */
final class SuppressionActions {

    /** What {@code Suppressions} reads, from the {@code #}. */
    private static final Pattern IGNORE = Pattern.compile("#\\s*stagesmith-ignore\\s*=\\s*([A-Za-z0-9_,\\s-]+)");

    private SuppressionActions() {}

    /** One rule on one instruction: the diagnostics of both get one "Ignore" action. */
    private record Ignored(String code, Instruction instruction) {}

    static List<CodeAction> actions(DocumentSnapshot snapshot, List<Diagnostic> diagnostics) {
        ParsedDockerfile file = snapshot.parsed();
        Map<Ignored, List<Diagnostic>> ignores = new LinkedHashMap<>();
        Map<String, List<Diagnostic>> skips = new LinkedHashMap<>();
        for (Diagnostic d : diagnostics) {
            Optional<String> code = DiagnosticCodes.of(d);
            if (code.isEmpty() || d.getRange() == null) {
                continue;
            }
            instructionAt(file, Positions.offset(file, d.getRange().getStart())).ifPresent(i ->
                    ignores.computeIfAbsent(new Ignored(code.get(), i), k -> new ArrayList<>()).add(d));
            skips.computeIfAbsent(code.get(), k -> new ArrayList<>()).add(d);
        }
        List<CodeAction> out = new ArrayList<>();
        ignores.forEach((ignored, ds) -> ignore(file, ignored.instruction(), ignored.code()).ifPresent(e ->
                out.add(Actions.quickFix("Ignore " + ignored.code() + " for this instruction", snapshot.uri(),
                        Actions.edits(file, List.of(e)), ds))));
        skips.forEach((code, ds) -> skip(file, code).ifPresent(e -> out.add(Actions.quickFix(
                "Skip " + code + " in this file", snapshot.uri(), Actions.edits(file, List.of(e)), ds))));
        return out;
    }

    private static Optional<Instruction> instructionAt(ParsedDockerfile file, int offset) {
        for (Instruction i : file.instructions()) {
            if (i.range().touches(offset)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** Adds {@code code} to the ignore comment right above {@code i}, or writes one, indented like {@code i}. */
    private static Optional<Fix.Edit> ignore(ParsedDockerfile file, Instruction i, String code) {
        String text = file.text();
        int start = i.range().start();
        int lineStart = PhysicalLines.start(text, start);
        Optional<Comment> above = commentAbove(file, lineStart);
        if (above.isPresent()) {
            Matcher m = IGNORE.matcher(text).region(above.get().range().start(), above.get().range().end());
            if (m.lookingAt()) {
                List<String> codes = names(m.group(1));
                if (codes.contains("all") || codes.contains(code.toLowerCase(Locale.ROOT))) {
                    return Optional.empty();
                }
                int end = listEnd(text, m.start(1), m.end(1));
                boolean bare = codes.isEmpty() || text.charAt(end - 1) == ',';
                return Optional.of(new Fix.Edit(TextRange.empty(end), (bare ? "" : ",") + code));
            }
        }
        int at = PhysicalLines.trailingBlanks(text, lineStart, start);
        String indent = text.substring(at, start);
        return Optional.of(new Fix.Edit(TextRange.empty(at),
                indent + "# stagesmith-ignore=" + code + PhysicalLines.lineBreak(text)));
    }

    private static Optional<Comment> commentAbove(ParsedDockerfile file, int lineStart) {
        if (lineStart == 0) {
            return Optional.empty();
        }
        int previous = PhysicalLines.start(file.text(), lineStart - 1);
        for (Comment c : file.comments()) {
            if (PhysicalLines.start(file.text(), c.range().start()) == previous) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** Adds {@code code} to the first {@code # check=} directive's skip list, or writes the directive. */
    private static Optional<Fix.Edit> skip(ParsedDockerfile file, String code) {
        String text = file.text();
        Optional<Directive> check = file.directives().stream().filter(d -> d.name().equals("check")).findFirst();
        if (check.isEmpty()) {
            return Optional.of(newDirective(file, "# check=skip=" + code));
        }
        TextRange value = check.get().valueRange();
        int partStart = value.start();
        while (partStart <= value.end()) {
            int semicolon = text.indexOf(';', partStart);
            int partEnd = semicolon < 0 || semicolon > value.end() ? value.end() : semicolon;
            int eq = text.indexOf('=', partStart);
            if (eq >= 0 && eq < partEnd && text.substring(partStart, eq).trim().equalsIgnoreCase("skip")) {
                List<String> names = names(text.substring(eq + 1, partEnd));
                if (names.contains("all") || names.contains(code.toLowerCase(Locale.ROOT))) {
                    return Optional.empty();
                }
                int end = listEnd(text, eq + 1, partEnd);
                boolean bare = end == eq + 1 || text.charAt(end - 1) == ',';
                return Optional.of(new Fix.Edit(TextRange.empty(end), (bare ? "" : ",") + code));
            }
            partStart = partEnd + 1;
        }
        boolean separated = value.isEmpty() || text.charAt(value.end() - 1) == ';';
        return Optional.of(new Fix.Edit(TextRange.empty(value.end()), (separated ? "" : ";") + "skip=" + code));
    }

    /** A directive line after the existing directives, or at the very top (after a byte order mark). */
    private static Fix.Edit newDirective(ParsedDockerfile file, String line) {
        String text = file.text();
        String lineBreak = PhysicalLines.lineBreak(text);
        if (file.directives().isEmpty()) {
            return new Fix.Edit(TextRange.empty(text.startsWith("\uFEFF") ? 1 : 0), line + lineBreak);
        }
        Directive last = file.directives().get(file.directives().size() - 1);
        int next = PhysicalLines.next(text, PhysicalLines.start(text, last.range().start()));
        if (next == text.length() && !text.endsWith("\n")) {
            return new Fix.Edit(TextRange.empty(next), lineBreak + line);
        }
        return new Fix.Edit(TextRange.empty(next), line + lineBreak);
    }

    /** The lower-cased names of a comma-separated list. */
    private static List<String> names(String list) {
        List<String> out = new ArrayList<>();
        for (String n : list.split(",")) {
            if (!n.isBlank()) {
                out.add(n.trim().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    /** The end of a list's text, without the blanks after it. */
    private static int listEnd(String text, int from, int to) {
        int end = to;
        while (end > from && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }
}
