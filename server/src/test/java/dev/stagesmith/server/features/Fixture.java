package dev.stagesmith.server.features;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagesmith.server.settings.Settings;
import dev.stagesmith.server.workspace.DocumentSnapshot;
import org.eclipse.lsp4j.Position;

/**
 * A tiny document for feature tests: the text with a cursor marked {@code <|>} (never {@code |} or
 * {@code $0}: both occur in shell). The marker is removed before parsing.
 */
public record Fixture(DocumentSnapshot snapshot, int offset) {

    public static final String CURSOR = "<|>";
    public static final String URI = "file:///work/project/Dockerfile";

    public static Fixture of(String marked) {
        return of(marked, Settings.defaults());
    }

    public static Fixture of(String marked, Settings settings) {
        int at = marked.indexOf(CURSOR);
        assertTrue(at >= 0, "the fixture needs a " + CURSOR + " cursor");
        assertTrue(marked.indexOf(CURSOR, at + 1) < 0, "only one cursor per fixture");
        String text = marked.substring(0, at) + marked.substring(at + CURSOR.length());
        return new Fixture(new DocumentSnapshot(URI, 1, text, settings), at);
    }

    /** A document without a cursor. */
    public static DocumentSnapshot document(String text) {
        return new DocumentSnapshot(URI, 1, text, Settings.defaults());
    }

    /** The cursor as an LSP position. */
    public Position position() {
        return Positions.position(snapshot.parsed(), offset);
    }

    public String text() {
        return snapshot.text();
    }
}
