package dev.stagesmith.server.features.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagesmith.server.features.Fixture;
import dev.stagesmith.server.features.Positions;
import dev.stagesmith.server.lsp.LspSession;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;

class DefinitionServiceTest {

    /** The definitions at the cursor, each as {@code line:text} (one-based line, the text of its range). */
    private static void check(String marked, String... expected) {
        Fixture f = Fixture.of(marked);
        List<Location> found = DefinitionService.definition(f.snapshot(), f.position());
        assertEquals(List.of(expected), found.stream().map(l -> render(f, l)).toList(), marked);
    }

    static String render(Fixture f, Location l) {
        var r = Positions.textRange(f.snapshot().parsed(), l.getRange());
        return (l.getRange().getStart().getLine() + 1) + ":" + r.of(f.text());
    }

    @Test
    void stageReferencesGoToTheStageName() {
        check("FROM alpine AS build\nFROM alpine\nCOPY --from=bu<|>ild /a /b", "1:build");
        check("FROM alpine AS Build\nFROM alpine\nCOPY --from=BUI<|>LD /a /b", "1:Build");
        check("FROM alpine AS build\nFROM bu<|>ild", "1:build");
        check("FROM alpine AS build\nFROM alpine\nRUN --mount=from=bu<|>ild,target=/x make", "1:build");
        check("FROM alpine\nFROM alpine\nCOPY --from=<|>0 /a /b", "1:FROM");
        check("FROM alpine AS bu<|>ild", "1:build");
    }

    @Test
    void theLastStageOfANameWinsForFromFlags() {
        check("FROM alpine AS x\nFROM alpine AS x\nFROM alpine\nCOPY --from=<|>x /a /b", "2:x");
    }

    @Test
    void imagesAndCaseMismatchesHaveNoDefinition() {
        check("FROM alpine AS build\nFROM Bu<|>ild");
        check("FROM alp<|>ine");
        check("FROM alpine\nCOPY --from=ngi<|>nx /a /b");
    }

    @Test
    void variablesGoToTheDeclarationWhoseValueIsVisible() {
        check("FROM alpine\nENV A=1\nENV A=2\nRUN echo $<|>A", "3:A");
        check("FROM alpine\nENV A=1\nRUN echo $<|>A\nENV A=2", "2:A");
        check("FROM alpine AS base\nENV A=1\nFROM base\nWORKDIR /$<|>A", "2:A");
        check("FROM alpine\nARG A=1\nENV B=${<|>A}", "2:A");
        check("FROM alpine\nARG A=1 B=$<|>A", "2:A");
        check("ARG V=1\nFROM golang:$<|>V", "1:V");
        check("ARG V\nFROM golang:$<|>V", "1:V");
        check("ARG A=1\nARG B=${<|>A}-x\nFROM alpine", "1:A");
        check("ARG A=1 B=${<|>A}-x\nFROM alpine", "1:A");
    }

    @Test
    void aRedeclaredGlobalArgLeadsToBothDeclarations() {
        check("ARG V=1\nFROM alpine\nARG V\nRUN echo $<|>V", "3:V", "1:V");
        check("ARG V=1\nFROM alpine\nARG <|>V", "3:V", "1:V");
        check("ARG V=1\nFROM alpine\nARG V=2\nRUN echo $<|>V", "3:V");
        check("ARG V=1\nARG V=2\nFROM alpine\nARG V\nRUN echo $<|>V", "4:V", "2:V");
    }

    @Test
    void variablesBuildKitSetsOrNobodySetsHaveNone() {
        check("FROM --platform=$BUILD<|>PLATFORM alpine");
        check("FROM alpine\nRUN echo $<|>HOME");
        check("ARG V=1\nFROM alpine\nRUN echo $<|>V");
        check("FROM alpine\nRUN ec<|>ho hi");
        check("<|>");
    }

    @Test
    void overTheProtocol() throws Exception {
        String uri = "file:///project/Dockerfile";
        try (LspSession s = new LspSession().initialize()) {
            assertTrue(s.initialized.getCapabilities().getDefinitionProvider().getLeft());
            s.open(uri, "FROM alpine AS build\nFROM alpine\nCOPY --from=build /a /b\n");
            var result = s.server().getTextDocumentService().definition(new DefinitionParams(
                    new TextDocumentIdentifier(uri), new Position(2, 14))).get(10, TimeUnit.SECONDS);
            Location l = result.getLeft().get(0);
            assertEquals(uri, l.getUri());
            assertEquals(new Position(0, 15), l.getRange().getStart());
            assertEquals(new Position(0, 20), l.getRange().getEnd());
        }
    }
}
