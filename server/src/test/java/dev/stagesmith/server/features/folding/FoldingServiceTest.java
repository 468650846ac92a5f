package dev.stagesmith.server.features.folding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagesmith.server.SharedData;
import dev.stagesmith.server.features.Fixture;
import dev.stagesmith.server.lsp.LspSession;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeCapabilities;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;

class FoldingServiceTest {

    /** Folds as {@code start-end} (zero-based lines), {@code /comment} for comment folds, in order. */
    private static String render(List<FoldingRange> folds) {
        return folds.stream().map(f -> f.getStartLine() + "-" + f.getEndLine()
                + (f.getKind() == null ? "" : "/" + f.getKind())).collect(Collectors.joining(" "));
    }

    private static void check(String text, String expected) {
        assertEquals(expected, render(FoldingService.ranges(Fixture.document(text), lineFoldingOnly(true))));
    }

    private static ClientCapabilities lineFoldingOnly(Boolean only) {
        FoldingRangeCapabilities folding = new FoldingRangeCapabilities();
        folding.setLineFoldingOnly(only);
        TextDocumentClientCapabilities td = new TextDocumentClientCapabilities();
        td.setFoldingRange(folding);
        ClientCapabilities caps = new ClientCapabilities();
        caps.setTextDocument(td);
        return caps;
    }

    @Test
    void eachStageFoldsFromItsFromToItsLastInstruction() {
        check("""
                FROM a AS build
                RUN make
                RUN make install

                FROM b
                COPY --from=build /x /y
                FROM c
                """, "0-2 4-5");
    }

    @Test
    void instructionsOnSeveralLinesFoldInsideTheirStage() {
        check("""
                FROM a
                RUN apt-get update && \\
                    apt-get install -y \\
                      curl
                ENV A=1
                """, "0-4 1-3");
    }

    @Test
    void aMultiLineFromFoldsOnceWithItsStage() {
        check("FROM \\\n  alpine AS x\nRUN true\n", "0-2");
    }

    @Test
    void heredocBodiesFoldWhenTheyHaveLinesToHide() {
        check("""
                FROM a
                COPY <<ONE <<TWO /dst/
                one
                ONE
                two
                two
                TWO
                """, "0-6 1-6 4-6");
    }

    @Test
    void runsOfCommentsAndTheDirectivesFoldAsComments() {
        check("""
                # syntax=docker/dockerfile:1
                # check=skip=all
                # first
                # second

                # alone
                FROM a
                # third
                # fourth
                RUN true
                """, "0-1/comment 2-3/comment 6-9 7-8/comment");
    }

    @Test
    void columnsUnlessTheClientFoldsWholeLines() {
        String text = "FROM a\nRUN make \\\n  all\n";
        FoldingRange stage = FoldingService.ranges(Fixture.document(text), lineFoldingOnly(false)).get(0);
        assertEquals(6, stage.getStartCharacter());
        assertEquals(5, stage.getEndCharacter());
        FoldingRange lines = FoldingService.ranges(Fixture.document(text), lineFoldingOnly(true)).get(0);
        assertEquals(null, lines.getStartCharacter());
        assertEquals(null, lines.getEndCharacter());
    }

    @Test
    void theClientsRangeLimitIsHonoured() {
        ClientCapabilities caps = lineFoldingOnly(true);
        caps.getTextDocument().getFoldingRange().setRangeLimit(1);
        String text = "FROM a\nRUN b\n# x\n# y\n";
        assertEquals("0-1", render(FoldingService.ranges(Fixture.document(text), caps)));
        assertEquals("0-1 2-3/comment", render(FoldingService.ranges(Fixture.document(text), null)));
    }

    @Test
    void badInputFoldsNothingOrSomethingValid() {
        check("", "");
        check("RUN <<EOF\nnever ends\n", "");
        check("\u0000\uD800\n\n\\\n", "");
    }

    @Test
    void foldsOverTheCorpusAreOrderedValidAndOnePerLine() throws Exception {
        for (Path p : SharedData.corpusFiles()) {
            String text = Files.readString(p, StandardCharsets.UTF_8);
            int lines = text.split("\r\n|\r|\n", -1).length;
            int previous = -1;
            for (FoldingRange f : FoldingService.ranges(Fixture.document(text), null)) {
                assertTrue(f.getStartLine() > previous && f.getEndLine() > f.getStartLine() && f.getEndLine() < lines,
                        p.getFileName() + ": " + f);
                previous = f.getStartLine();
            }
        }
    }

    @Test
    void throughTheProtocol() throws Exception {
        try (LspSession s = new LspSession().initialize()) {
            assertEquals(Boolean.TRUE, s.initialized.getCapabilities().getFoldingRangeProvider().getLeft());
            s.open(Fixture.URI, "FROM a\nRUN a \\\n  b\n");
            List<FoldingRange> folds = s.server().getTextDocumentService()
                    .foldingRange(new FoldingRangeRequestParams(new TextDocumentIdentifier(Fixture.URI)))
                    .get(20, TimeUnit.SECONDS);
            assertEquals("0-2 1-2", render(folds));
        }
    }
}
