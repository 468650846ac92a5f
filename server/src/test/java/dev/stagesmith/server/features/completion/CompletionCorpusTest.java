package dev.stagesmith.server.features.completion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagesmith.server.SharedData;
import dev.stagesmith.server.features.Positions;
import dev.stagesmith.server.settings.Settings;
import dev.stagesmith.server.workspace.DocumentSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;

/**
 * Completion after every trigger character and at every line end of the real-world corpus: it never
 * fails, and every edit is what the protocol requires (one line, containing the cursor).
 */
class CompletionCorpusTest {

    @Test
    void everyTriggerPositionOfTheCorpus() throws Exception {
        int requests = 0;
        for (Path p : SharedData.corpusFiles()) {
            String text = Files.readString(p);
            DocumentSnapshot s = new DocumentSnapshot(p.toUri().toString(), 1, text, Settings.defaults());
            for (int at = 0; at <= text.length(); at++) {
                boolean trigger = at > 0 && "=$-{ ,".indexOf(text.charAt(at - 1)) >= 0;
                boolean lineEnd = at == text.length() || text.charAt(at) == '\r'
                        || text.charAt(at) == '\n' && (at == 0 || text.charAt(at - 1) != '\r');
                if (trigger || lineEnd) {
                    check(s, at, p);
                    requests++;
                }
            }
        }
        assertTrue(requests > 10_000, "only " + requests + " requests");
    }

    private static void check(DocumentSnapshot s, int at, Path p) {
        Position cursor = Positions.position(s.parsed(), at);
        for (CompletionItem item : CompletionService.complete(s, cursor, Completions.client(true),
                (i, edit) -> i.setTextEdit(Either.forLeft(edit))).getItems()) {
            Range r = item.getTextEdit().getLeft().getRange();
            String where = p.getFileName() + " at " + cursor + ": " + item.getLabel();
            assertEquals(cursor.getLine(), r.getStart().getLine(), where);
            assertEquals(cursor.getLine(), r.getEnd().getLine(), where);
            assertTrue(r.getStart().getCharacter() <= cursor.getCharacter()
                    && cursor.getCharacter() <= r.getEnd().getCharacter(), where);
        }
    }
}
