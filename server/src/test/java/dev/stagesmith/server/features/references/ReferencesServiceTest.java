package dev.stagesmith.server.features.references;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagesmith.server.features.Fixture;
import dev.stagesmith.server.features.Positions;
import dev.stagesmith.server.lsp.LspSession;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;

class ReferencesServiceTest {

    /** The references at the cursor, declarations included, each as {@code line:text}. */
    private static void check(String marked, String... expected) {
        check(marked, true, expected);
    }

    private static void check(String marked, boolean declarations, String... expected) {
        Fixture f = Fixture.of(marked);
        List<Location> found = ReferencesService.references(f.snapshot(), f.position(), declarations);
        assertEquals(List.of(expected), found.stream().map(l -> render(f, l)).toList(), marked);
    }

    private static String render(Fixture f, Location l) {
        var r = Positions.textRange(f.snapshot().parsed(), l.getRange());
        return (l.getRange().getStart().getLine() + 1) + ":" + r.of(f.text());
    }

    private static final String STAGES = "FROM golang AS build\n"
            + "FROM build AS test\n"
            + "COPY --from=BUILD /a /b\n"
            + "RUN --mount=from=build,target=/x make\n"
            + "FROM alpine\n"
            + "COPY --from=0 /a /b\n"
            + "COPY --from=test /a /b\n";

    @Test
    void stagesFromEveryKindOfReference() {
        String atDeclaration = STAGES.replace("AS build", "AS bu<|>ild");
        check(atDeclaration, "1:build", "2:build", "3:BUILD", "4:build", "6:0");
        check(atDeclaration, false, "2:build", "3:BUILD", "4:build", "6:0");
        check(STAGES.replace("--from=BUILD", "--from=BU<|>ILD"), "1:build", "2:build", "3:BUILD", "4:build", "6:0");
        check(STAGES.replace("--from=test", "--from=te<|>st"), "2:test", "7:test");
    }

    @Test
    void fromMatchesCaseSensitivelyAndMountsNeverByIndex() {
        check("FROM alpine AS bu<|>ild\nFROM Build\nFROM build", "1:build", "3:build");
        check("FROM alpine AS <|>x\nFROM alpine\nRUN --mount=from=0,target=/x make", "1:x");
    }

    @Test
    void onbuildTriggersCountOnceAndOnlyWhenAStageInheritsThem() {
        String file = "FROM alpine AS tools\nFROM alpine AS base\nONBUILD COPY --from=tools /t /t\n"
                + "FROM base AS a\nFROM base AS b\n";
        check(file.replace("AS tools", "AS to<|>ols"), "1:tools", "3:tools");
        check("FROM alpine AS to<|>ols\nFROM alpine AS base\nONBUILD COPY --from=tools /t /t\n", "1:tools");
    }

    @Test
    void variablesWithinTheStageAndTheStagesBuiltOnIt() {
        String file = "FROM alpine AS base\n"
                + "ENV APP=/app\n"
                + "WORKDIR $APP\n"
                + "FROM base AS child\n"
                + "RUN echo \"${APP}/bin\" '$APP'\n"
                + "FROM alpine AS other\n"
                + "ENV APP=/other\n"
                + "RUN echo $APP\n";
        check(file.replace("ENV APP=/app", "ENV AP<|>P=/app"), "2:APP", "3:APP", "5:APP");
        check(file.replace("ENV APP=/app", "ENV AP<|>P=/app"), false, "3:APP", "5:APP");
        check(file.replace("echo $APP", "echo $AP<|>P"), "7:APP", "8:APP");
    }

    @Test
    void aVariableRedeclaredInADerivedStageIsStillTheSameOne() {
        check("FROM alpine AS a\nENV X=1\nFROM a\nENV X=2\nRUN echo $<|>X", "2:X", "4:X", "5:X");
    }

    @Test
    void globalArgsReachFromLinesAndTheStagesThatRedeclareThem() {
        String file = "ARG VERSION=1.22\n"
                + "ARG IMAGE=golang:${VERSION}\n"
                + "FROM ${IMAGE} AS build\n"
                + "ARG VERSION\n"
                + "RUN echo $VERSION\n"
                + "FROM alpine:$VERSION\n"
                + "RUN echo $VERSION\n";
        check(file.replace("ARG VERSION=", "ARG VERS<|>ION="), "1:VERSION", "2:VERSION", "4:VERSION", "5:VERSION",
                "6:VERSION");
        check(file.replace("RUN echo $VERSION\nFROM", "RUN echo $VER<|>SION\nFROM"), "1:VERSION", "2:VERSION",
                "4:VERSION", "5:VERSION", "6:VERSION");
        // The last stage never redeclared VERSION: its $VERSION is another (empty) variable.
        check(file.replace("RUN echo $VERSION\n", "RUN echo $VERS<|>ION\n").replace("<|>ION\nFROM", "ION\nFROM"),
                "7:VERSION");
    }

    @Test
    void shellHeredocsAndEscapes() {
        check("FROM alpine\nARG N=1\nRUN <<EOF\necho $N \\$N '$N'\nEOF\nRUN cat <<'X'\n$N\nX\nCMD echo $<|>N",
                "2:N", "4:N", "9:N");
    }

    @Test
    void nothingForOtherSymbols() {
        check("FR<|>OM alpine");
        check("FROM alp<|>ine");
        check("# <|>x");
    }

    @Test
    void overTheProtocol() throws Exception {
        String uri = "file:///project/Dockerfile";
        try (LspSession s = new LspSession().initialize()) {
            assertTrue(s.initialized.getCapabilities().getReferencesProvider().getLeft());
            s.open(uri, "FROM alpine AS build\nFROM alpine\nCOPY --from=build /a /b\n");
            ReferenceParams p = new ReferenceParams(new TextDocumentIdentifier(uri), new Position(0, 16),
                    new ReferenceContext(false));
            List<? extends Location> found = s.server().getTextDocumentService().references(p)
                    .get(10, TimeUnit.SECONDS);
            assertEquals(1, found.size());
            assertEquals(new Position(2, 12), found.get(0).getRange().getStart());
        }
    }
}
