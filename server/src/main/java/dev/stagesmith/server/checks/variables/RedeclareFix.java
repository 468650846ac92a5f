package dev.stagesmith.server.checks.variables;

import dev.stagesmith.grammar.LineIndex;
import dev.stagesmith.grammar.ParsedDockerfile;
import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.server.checks.Fix;

/** The quick fix that brings a global ARG into a stage: new lines right after the stage's FROM. */
final class RedeclareFix {

    private RedeclareFix() {}

    /** Inserts {@code ARG name} on the line after {@code stage}'s FROM, indented like the FROM. */
    static Fix arg(ParsedDockerfile file, Stage stage, String name) {
        return Fix.insert("Declare 'ARG " + name + "' in this stage", insertionOffset(file, stage),
                lines(file, stage, "ARG " + name));
    }

    /**
     * Inserts {@code ARG name} and {@code ENV name=$name}: a command that runs when the container starts
     * sees only ENV variables, so the ARG alone would not reach it.
     */
    static Fix argAndEnv(ParsedDockerfile file, Stage stage, String name) {
        return Fix.insert("Declare 'ARG " + name + "' and keep it as ENV", insertionOffset(file, stage),
                lines(file, stage, "ARG " + name, "ENV " + name + "=${" + name + "}"));
    }

    /** The end of the FROM's last line, before its line break, so the fix also works on a file's last line. */
    private static int insertionOffset(ParsedDockerfile file, Stage stage) {
        LineIndex lines = file.lines();
        return lines.lineEnd(lines.line(stage.from().range().end()), file.text());
    }

    private static String lines(ParsedDockerfile file, Stage stage, String... content) {
        String text = file.text();
        int start = stage.from().range().start();
        int lineStart = file.lines().lineStart(file.lines().line(start));
        String indent = text.substring(lineStart, start);
        if (!indent.isBlank()) {
            indent = "";
        }
        int end = insertionOffset(file, stage);
        String lineBreak = text.startsWith("\r\n", end) ? "\r\n" : "\n";
        StringBuilder out = new StringBuilder();
        for (String line : content) {
            out.append(lineBreak).append(indent).append(line);
        }
        return out.toString();
    }
}
