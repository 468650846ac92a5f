package dev.stagesmith.server.features.rename;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagesmith.server.features.Fixture;
import dev.stagesmith.server.features.Positions;
import dev.stagesmith.server.lsp.LspSession;
import dev.stagesmith.server.workspace.TextChanges;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.RenameCapabilities;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.WorkspaceEditCapabilities;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.junit.jupiter.api.Test;

class RenameServiceTest {

    /** Renames what is at the cursor to {@code newName} and compares the whole resulting text. */
    private static void check(String marked, String newName, String expected) {
        Fixture f = Fixture.of(marked);
        TextDocumentEdit edit = RenameService.rename(f.snapshot(), f.position(), newName);
        assertEquals(1, edit.getTextDocument().getVersion());
        assertEquals(expected, apply(f.text(), edit.getEdits()), marked);
    }

    /** The rename is refused with a message containing {@code reason}. */
    private static void refused(String marked, String newName, String reason) {
        Fixture f = Fixture.of(marked);
        RenameRefusedException e = assertThrows(RenameRefusedException.class,
                () -> RenameService.rename(f.snapshot(), f.position(), newName), marked);
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    /** prepareRename answers the name under the cursor. */
    private static void prepared(String marked, String name) {
        Fixture f = Fixture.of(marked);
        PrepareRenameResult r = RenameService.prepare(f.snapshot(), f.position());
        assertEquals(name, r.getPlaceholder());
        assertEquals(name, Positions.textRange(f.snapshot().parsed(), r.getRange()).of(f.text()));
    }

    private static void prepareRefused(String marked, String reason) {
        Fixture f = Fixture.of(marked);
        RenameRefusedException e = assertThrows(RenameRefusedException.class,
                () -> RenameService.prepare(f.snapshot(), f.position()), marked);
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    /** Applies non-overlapping edits from the last to the first, as a client does. */
    static String apply(String text, List<TextEdit> edits) {
        List<TextEdit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparing((TextEdit e) -> e.getRange().getStart().getLine())
                .thenComparing(e -> e.getRange().getStart().getCharacter()).reversed());
        for (TextEdit e : sorted) {
            var r = e.getRange();
            text = TextChanges.apply(text, r.getStart().getLine(), r.getStart().getCharacter(), r.getEnd().getLine(),
                    r.getEnd().getCharacter(), e.getNewText());
        }
        return text;
    }

    private static final String STAGES = "FROM golang AS build\n"
            + "FROM build AS test\n"
            + "COPY --from=BUILD /a /b\n"
            + "RUN --mount=from=build,target=/x make\n"
            + "FROM alpine\n"
            + "COPY --from=0 /a /b\n";

    @Test
    void stagesEverywhereBuildKitResolvesThem() {
        String renamed = "FROM golang AS compile\n"
                + "FROM compile AS test\n"
                + "COPY --from=compile /a /b\n"
                + "RUN --mount=from=compile,target=/x make\n"
                + "FROM alpine\n"
                + "COPY --from=0 /a /b\n";
        check(STAGES.replace("AS build", "AS bu<|>ild"), "compile", renamed);
        check(STAGES.replace("--from=BUILD", "--from=BUI<|>LD"), "compile", renamed);
        check(STAGES.replace("FROM build", "FROM bu<|>ild"), "compile", renamed);
    }

    @Test
    void theUsersCasingIsKeptWhereBuildKitIgnoresCase() {
        check("FROM alpine AS bu<|>ild\nFROM build\nCOPY --from=build /a /b", "Compile",
                "FROM alpine AS Compile\nFROM compile\nCOPY --from=Compile /a /b");
    }

    @Test
    void stageNamesBuildKitRejectsAreRefused() {
        refused(STAGES.replace("AS build", "AS bu<|>ild"), "1st", "not a valid stage name");
        refused(STAGES.replace("AS build", "AS bu<|>ild"), "my stage", "not a valid stage name");
        refused(STAGES.replace("AS build", "AS bu<|>ild"), "", "not a valid stage name");
        refused(STAGES.replace("AS build", "AS bu<|>ild"), "Scratch", "reserved: BuildKit reads it as the empty image");
        refused(STAGES.replace("AS build", "AS bu<|>ild"), "context", "the build context");
        refused(STAGES.replace("AS build", "AS bu<|>ild"), "TEST", "A stage named 'test' already exists (line 2)");
        check(STAGES.replace("AS build", "AS bu<|>ild").replace("--from=BUILD", "--from=build"), "Build",
                STAGES.replace("AS build", "AS Build").replace("--from=BUILD", "--from=Build")
                        .replace("from=build,", "from=Build,"));
    }

    @Test
    void referencesARenameCannotUpdateAreRefused() {
        refused("ARG S=build\nFROM alpine AS bu<|>ild\nFROM ${S}", "compile", "line 3 refers to it as '${S}'");
        prepareRefused("FROM alpine AS build\nFROM alpine\nCOPY --from=<|>0 /a /b",
                "'0' refers to stage 0 by its index, which a rename leaves as it is;"
                        + " rename it at 'AS build' on line 1");
        prepareRefused("FROM alpine\nFROM alpine\nCOPY --from=<|>0 /a /b", "stage 0 has no name; add 'AS <name>'");
    }

    @Test
    void acrossContinuationLinesAndHeredocs() {
        check("FROM alpine\nARG <|>A=1\nRUN echo one \\\n    two $A \\\n  ${A}\nRUN <<EOF\necho $A\nEOF", "B",
                "FROM alpine\nARG B=1\nRUN echo one \\\n    two $B \\\n  ${B}\nRUN <<EOF\necho $B\nEOF");
        refused("FROM alpine\nARG <|>U=me\nCOPY --chown=\"$U\" /a /b", "V", "line 3 refers to it as '\"$U\"'");
    }

    @Test
    void variablesWithinTheirScope() {
        check("FROM alpine AS base\nENV A<|>PP=/app\nWORKDIR $APP\nFROM base\nRUN echo ${APP:-x}\n"
                        + "FROM alpine\nRUN echo $APP",
                "ROOT",
                "FROM alpine AS base\nENV ROOT=/app\nWORKDIR $ROOT\nFROM base\nRUN echo ${ROOT:-x}\n"
                        + "FROM alpine\nRUN echo $APP");
        check("ARG V=1\nFROM img:$V\nARG V\nRUN echo $<|>V\nFROM alpine\nRUN echo $V", "VERSION",
                "ARG VERSION=1\nFROM img:$VERSION\nARG VERSION\nRUN echo $VERSION\nFROM alpine\nRUN echo $V");
    }

    @Test
    void variableNamesThatBreakOrCollideAreRefused() {
        refused("FROM alpine\nENV <|>A=1", "1A", "not a valid variable name");
        refused("FROM alpine\nENV <|>A=1", "A-B", "not a valid variable name");
        refused("FROM alpine\nENV <|>A=1\nENV B=2", "B", "'B' is already a variable in this scope");
        refused("FROM alpine\nENV <|>A=1\nRUN echo $HOME", "HOME", "line 3 uses it");
        refused("FROM alpine AS base\nENV B=1\nFROM base\nENV <|>A=1", "B", "already set there");
        refused("ARG <|>V=1\nFROM alpine", "TARGETARCH", "already a variable in this scope");
        check("FROM alpine\nENV <|>A=1\nFROM alpine\nENV B=2", "B", "FROM alpine\nENV B=1\nFROM alpine\nENV B=2");
    }

    @Test
    void prepareAnswersTheNameUnderTheCursor() {
        prepared("FROM alpine AS bu<|>ild", "build");
        prepared("FROM alpine AS build\nFROM alpine\nCOPY --from=BUI<|>LD /a /b", "BUILD");
        prepared("FROM alpine\nENV A=1\nWORKDIR ${<|>A:-x}", "A");
        prepared("ARG <|>V=1\nFROM alpine", "V");
    }

    @Test
    void prepareSaysWhatCanBeRenamed() {
        prepareRefused("FR<|>OM alpine", "Only stage names and ARG or ENV variables can be renamed");
        prepareRefused("FROM alp<|>ine", "Only stage names and ARG or ENV variables can be renamed");
        prepareRefused("<|>", "Only stage names");
        prepareRefused("FROM alpine\nRUN echo $<|>HOME", "'HOME' is not declared by an ARG or ENV here");
        prepareRefused("FROM alpine\nARG TARGETARCH\nRUN echo $<|>TARGETARCH", "automatic platform ARG");
    }

    @Test
    void overTheProtocolWithDocumentChangesAndPrepare() throws Exception {
        String uri = "file:///project/Dockerfile";
        try (LspSession s = new LspSession()) {
            ClientCapabilities caps = new ClientCapabilities();
            TextDocumentClientCapabilities td = new TextDocumentClientCapabilities();
            td.setRename(new RenameCapabilities(true, false));
            caps.setTextDocument(td);
            WorkspaceClientCapabilities ws = new WorkspaceClientCapabilities();
            WorkspaceEditCapabilities edits = new WorkspaceEditCapabilities();
            edits.setDocumentChanges(true);
            ws.setWorkspaceEdit(edits);
            caps.setWorkspace(ws);
            InitializeParams init = new InitializeParams();
            init.setCapabilities(caps);
            var result = s.server().initialize(init).get(10, TimeUnit.SECONDS);
            s.server().initialized(new InitializedParams());
            assertTrue(result.getCapabilities().getRenameProvider().getRight().getPrepareProvider());

            s.open(uri, "FROM alpine AS build\nFROM alpine\nCOPY --from=build /a /b\n");
            int version = s.change(uri, 2, 0, 2, 0, "");
            var service = s.server().getTextDocumentService();
            var prepared = service.prepareRename(new PrepareRenameParams(new TextDocumentIdentifier(uri),
                    new Position(2, 13))).get(10, TimeUnit.SECONDS);
            assertEquals("build", prepared.getSecond().getPlaceholder());

            WorkspaceEdit edit = service.rename(new RenameParams(new TextDocumentIdentifier(uri), new Position(2, 13),
                    "compile")).get(10, TimeUnit.SECONDS);
            TextDocumentEdit change = edit.getDocumentChanges().get(0).getLeft();
            assertEquals(version, change.getTextDocument().getVersion());
            assertEquals(2, change.getEdits().size());

            ExecutionException refused = assertThrows(ExecutionException.class, () -> service.rename(
                    new RenameParams(new TextDocumentIdentifier(uri), new Position(2, 13), "9lives"))
                    .get(10, TimeUnit.SECONDS));
            ResponseErrorException error = (ResponseErrorException) refused.getCause();
            assertEquals(ResponseErrorCode.RequestFailed.getValue(), error.getResponseError().getCode());
            assertTrue(error.getResponseError().getMessage().contains("not a valid stage name"));
        }
    }

    @Test
    void clientsWithoutDocumentChangesGetChanges() throws Exception {
        String uri = "file:///project/Dockerfile";
        try (LspSession s = new LspSession().initialize()) {
            assertTrue(s.initialized.getCapabilities().getRenameProvider().isLeft());
            s.open(uri, "FROM alpine\nENV A=1\nRUN echo $A\n");
            WorkspaceEdit edit = s.server().getTextDocumentService().rename(new RenameParams(
                    new TextDocumentIdentifier(uri), new Position(2, 11), "B")).get(10, TimeUnit.SECONDS);
            assertEquals(2, edit.getChanges().get(uri).size());
        }
    }
}
