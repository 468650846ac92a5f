package dev.stagesmith.server.features.codeactions;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.stagesmith.grammar.ParsedDockerfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;

/**
 * Reads the quick fixes a diagnostic carries in {@code data} ({@code [{title, edits: [{range, newText}]}]},
 * as {@code DiagnosticsService} writes them). The client sends them back, so they are checked: anything
 * malformed, or an edit outside the document, and the whole list is refused.
 */
final class FixData {

    /** A quick fix as the client will apply it. */
    record QuickFix(String title, List<TextEdit> edits) {}

    private FixData() {}

    static Optional<List<QuickFix>> read(Object data, ParsedDockerfile file) {
        try {
            JsonElement json = data instanceof JsonElement e ? e
                    : data instanceof String s ? JsonParser.parseString(s) : null;
            if (json == null || !json.isJsonArray() || json.getAsJsonArray().isEmpty()) {
                return Optional.empty();
            }
            List<QuickFix> out = new ArrayList<>();
            for (JsonElement fix : json.getAsJsonArray()) {
                Optional<QuickFix> f = fix(fix, file);
                if (f.isEmpty()) {
                    return Optional.empty();
                }
                out.add(f.get());
            }
            return Optional.of(List.copyOf(out));
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<QuickFix> fix(JsonElement json, ParsedDockerfile file) {
        if (!json.isJsonObject()) {
            return Optional.empty();
        }
        JsonObject o = json.getAsJsonObject();
        Optional<String> title = string(o.get("title"));
        JsonElement edits = o.get("edits");
        if (title.isEmpty() || title.get().isBlank() || edits == null || !edits.isJsonArray()
                || edits.getAsJsonArray().isEmpty()) {
            return Optional.empty();
        }
        List<TextEdit> out = new ArrayList<>();
        for (JsonElement e : (JsonArray) edits) {
            if (!e.isJsonObject()) {
                return Optional.empty();
            }
            Optional<Range> range = range(e.getAsJsonObject().get("range"), file);
            Optional<String> text = string(e.getAsJsonObject().get("newText"));
            if (range.isEmpty() || text.isEmpty()) {
                return Optional.empty();
            }
            out.add(new TextEdit(range.get(), text.get()));
        }
        return Optional.of(new QuickFix(title.get(), List.copyOf(out)));
    }

    private static Optional<Range> range(JsonElement json, ParsedDockerfile file) {
        if (json == null || !json.isJsonObject()) {
            return Optional.empty();
        }
        Optional<Position> start = position(json.getAsJsonObject().get("start"), file);
        Optional<Position> end = position(json.getAsJsonObject().get("end"), file);
        if (start.isEmpty() || end.isEmpty() || compare(start.get(), end.get()) > 0) {
            return Optional.empty();
        }
        return Optional.of(new Range(start.get(), end.get()));
    }

    /** A position on a line of the document, at most at its end. */
    private static Optional<Position> position(JsonElement json, ParsedDockerfile file) {
        if (json == null || !json.isJsonObject()) {
            return Optional.empty();
        }
        Optional<Integer> line = integer(json.getAsJsonObject().get("line"));
        Optional<Integer> character = integer(json.getAsJsonObject().get("character"));
        if (line.isEmpty() || character.isEmpty() || line.get() >= file.lines().lineCount()) {
            return Optional.empty();
        }
        int length = file.lines().lineEnd(line.get(), file.text()) - file.lines().lineStart(line.get());
        return character.get() > length ? Optional.empty() : Optional.of(new Position(line.get(), character.get()));
    }

    private static int compare(Position a, Position b) {
        return a.getLine() != b.getLine() ? Integer.compare(a.getLine(), b.getLine())
                : Integer.compare(a.getCharacter(), b.getCharacter());
    }

    private static Optional<String> string(JsonElement json) {
        return json instanceof JsonPrimitive p && p.isString() ? Optional.of(p.getAsString()) : Optional.empty();
    }

    private static Optional<Integer> integer(JsonElement json) {
        if (!(json instanceof JsonPrimitive p) || !p.isNumber()) {
            return Optional.empty();
        }
        double d = p.getAsDouble();
        return d >= 0 && d <= Integer.MAX_VALUE && d == Math.rint(d) ? Optional.of((int) d) : Optional.empty();
    }
}
