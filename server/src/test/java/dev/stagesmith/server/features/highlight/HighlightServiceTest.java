package dev.stagesmith.server.features.highlight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagesmith.server.features.Fixture;
import dev.stagesmith.server.features.Positions;
import dev.stagesmith.server.lsp.LspSession;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightKind;
import org.eclipse.lsp4j.DocumentHighlightParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;

class HighlightServiceTest {

    /** The highlights at the cursor, each as {@code line:text:W} (write) or {@code line:text:R} (read). */
    private static void check(String marked, String... expected) {
        Fixture f = Fixture.of(marked);
        List<DocumentHighlight> found = HighlightService.highlights(f.snapshot(), f.position());
        assertEquals(List.of(expected), found.stream().map(h -> render(f, h)).toList(), marked);
    }

    private static String render(Fixture f, DocumentHighlight h) {
        var r = Positions.textRange(f.snapshot().parsed(), h.getRange());
        return (h.getRange().getStart().getLine() + 1) + ":" + r.of(f.text()) + ":"
                + (h.getKind() == DocumentHighlightKind.Write ? "W" : "R");
    }

    @Test
    void stageNamesAreWrittenAtAsAndReadElsewhere() {
        check("FROM alpine AS build\nFROM build\nCOPY --from=bu<|>ild /a /b", "1:build:W", "2:build:R", "3:build:R");
        check("FROM alpine AS build\nFROM alpine\nCOPY --from=<|>0 /a /b", "1:build:W", "3:0:R");
    }

    @Test
    void argAndEnvNamesAreWrites() {
        check("FROM alpine\nARG A=1\nENV A=${A}2\nRUN echo $<|>A", "2:A:W", "3:A:W", "3:A:R", "4:A:R");
        check("ARG V=1\nFROM img:$V\nARG <|>V", "1:V:W", "2:V:R", "3:V:W");
    }

    @Test
    void nothingElse() {
        check("FROM alpine\nRU<|>N echo");
        check("FROM alpine\nCOPY --fr<|>om=x /a /b");
        check("<|>");
    }

    @Test
    void badPositionsAreClampedNotErrors() {
        Fixture f = Fixture.of("FROM alpine AS b<|>\n");
        assertEquals(List.of(), HighlightService.highlights(f.snapshot(), new Position(99, 99)));
        assertEquals(List.of(), HighlightService.highlights(f.snapshot(), new Position(-1, -5)));
        assertEquals(1, HighlightService.highlights(f.snapshot(), new Position(0, 999)).size());
    }

    @Test
    void overTheProtocol() throws Exception {
        String uri = "file:///project/Dockerfile";
        try (LspSession s = new LspSession().initialize()) {
            assertTrue(s.initialized.getCapabilities().getDocumentHighlightProvider().getLeft());
            s.open(uri, "FROM alpine\nENV A=1\nRUN echo $A\n");
            List<? extends DocumentHighlight> found = s.server().getTextDocumentService().documentHighlight(
                    new DocumentHighlightParams(new TextDocumentIdentifier(uri), new Position(2, 11)))
                    .get(10, TimeUnit.SECONDS);
            assertEquals(List.of(DocumentHighlightKind.Write, DocumentHighlightKind.Read),
                    found.stream().map(DocumentHighlight::getKind).toList());
        }
    }
}
