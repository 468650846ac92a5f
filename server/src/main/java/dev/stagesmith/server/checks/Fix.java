package dev.stagesmith.server.checks;

import dev.stagesmith.grammar.TextRange;
import java.util.List;

/** A quick fix: a title for the editor's menu and the edits that apply it. */
public record Fix(String title, List<Edit> edits) {

    /** Replace {@code range} with {@code text} (an empty range inserts, empty text deletes). */
    public record Edit(TextRange range, String text) {}

    public Fix {
        edits = List.copyOf(edits);
    }

    public static Fix replace(String title, TextRange range, String text) {
        return new Fix(title, List.of(new Edit(range, text)));
    }

    public static Fix insert(String title, int offset, String text) {
        return replace(title, TextRange.empty(offset), text);
    }

    public static Fix delete(String title, TextRange range) {
        return replace(title, range, "");
    }
}
