package dev.stagesmith.server.features;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagesmith.server.workspace.DocumentSnapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.lsp4j.TextEdit;

/** Applies LSP text edits the way a client does: all against the original text, and never overlapping. */
public final class TextEdits {

    private TextEdits() {}

    public static String apply(DocumentSnapshot doc, List<? extends TextEdit> edits) {
        String text = doc.text();
        List<int[]> spans = new ArrayList<>();
        for (int n = 0; n < edits.size(); n++) {
            TextEdit e = edits.get(n);
            spans.add(new int[] {Positions.offset(doc.parsed(), e.getRange().getStart()),
                    Positions.offset(doc.parsed(), e.getRange().getEnd()), n});
        }
        // Inserts at the same place keep their order, as LSP requires.
        spans.sort(Comparator.comparingInt((int[] s) -> s[0]).thenComparingInt(s -> s[1]).thenComparingInt(s -> s[2]));
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (int[] s : spans) {
            assertTrue(s[0] >= at, "edits overlap: " + edits);
            out.append(text, at, s[0]).append(edits.get(s[2]).getNewText());
            at = s[1];
        }
        return out.append(text.substring(at)).toString();
    }
}
