package dev.stagesmith.server.features.codeactions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.server.features.Fixture;
import dev.stagesmith.server.features.Positions;
import dev.stagesmith.server.features.TextEdits;
import dev.stagesmith.server.features.diagnostics.DiagnosticsService;
import dev.stagesmith.server.workspace.DocumentSnapshot;
import java.util.List;
import java.util.function.Consumer;
import dev.stagesmith.grammar.Dockerfiles;
import dev.stagesmith.grammar.ParsedDockerfile;
import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.grammar.stages.StageGraph;
import dev.stagesmith.server.SharedData;
import dev.stagesmith.server.lsp.LspSession;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionCapabilities;
import org.eclipse.lsp4j.CodeActionKindCapabilities;
import org.eclipse.lsp4j.CodeActionLiteralSupportCapabilities;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceEditCapabilities;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class CodeActionServiceTest {

    // ---- quick fixes carried by diagnostics ----

    @Test
    void misspeltFromBecomesTheSuggestedStage() {
        assertAction("FROM golang AS builder\nFROM alpine\nCOPY --from=bui<|>dler /a /b\n", "Change to 'builder'",
                "FROM golang AS builder\nFROM alpine\nCOPY --from=builder /a /b\n");
        assertTrue(action("FROM golang AS builder\nFROM alpine\nCOPY --from=bui<|>dler /a /b\n", "Change to 'builder'")
                .getIsPreferred(), "the single obvious fix is preferred");
    }

    @Test
    void aGlobalArgIsDeclaredInTheStage() {
        assertAction("ARG VERSION=1\nFROM alpine\nRUN echo $VERS<|>ION\n", "Declare 'ARG VERSION' in this stage",
                "ARG VERSION=1\nFROM alpine\nARG VERSION\nRUN echo $VERSION\n");
    }

    @Test
    void aStageNameIsLowerCasedWithItsReferences() {
        assertAction("FROM alpine AS Bui<|>lder\nFROM Builder\nCOPY --from=Builder /a /b\n",
                "Lower-case stage name 'Builder' and its references",
                "FROM alpine AS builder\nFROM builder\nCOPY --from=builder /a /b\n");
    }

    @Test
    void maintainerBecomesALabel() {
        assertAction("FROM alpine\nMAINT<|>AINER Jo <jo@example.com>\n", "Replace with the authors label",
                "FROM alpine\nLABEL org.opencontainers.image.authors=\"Jo <jo@example.com>\"\n");
    }

    @Test
    void shellFormBecomesJson() {
        assertAction("FROM alpine\nCMD node ser<|>ver.js\n", "Convert to JSON (exec) form",
                "FROM alpine\nCMD [\"node\", \"server.js\"]\n");
    }

    @Test
    void severalFixesAreOfferedWithoutAPreference() {
        String text = "FROM alpine\nCOPY --chwn<|>=1 a b\n";
        CodeAction change = action(text, "Change to --chown");
        CodeAction remove = action(text, "Remove --chwn");
        assertNotEquals(Boolean.TRUE, change.getIsPreferred());
        assertNotEquals(Boolean.TRUE, remove.getIsPreferred());
    }

    @Test
    void aQuickFixIsLinkedToItsDiagnostic() {
        CodeAction a = action("FROM alpine\nMAINT<|>AINER me\n", "Replace with the authors label");
        assertEquals(1, a.getDiagnostics().size());
        assertEquals("Maintainer instruction is deprecated in favor of using label", a.getDiagnostics().get(0).getMessage());
        assertEquals("quickfix", a.getKind());
    }

    @Test
    void fixesInTheDataAreWhatIsApplied() {
        String text = "FROM alpine\nMAINT<|>AINER me\n";
        List<CodeAction> actions = actions(text, d -> d.setData(JsonParser.parseString(
                "[{\"title\": \"From the data\", \"edits\": [{\"range\": {\"start\": {\"line\": 1, \"character\": 0},"
                        + " \"end\": {\"line\": 1, \"character\": 10}}, \"newText\": \"LABEL\"}]}]")));
        assertEquals(List.of("From the data"), titles(actions, "quickfix").subList(0, 1));
    }

    @Test
    void missingOrMalformedDataIsRecomputedFromTheFindings() {
        String text = "FROM alpine\nMAINT<|>AINER me\n";
        String fixed = "FROM alpine\nLABEL org.opencontainers.image.authors=\"me\"\n";
        String title = "Replace with the authors label";
        for (String data : List.of("null", "\"junk\"", "[]", "[{\"title\": 1}]", "{\"title\": \"x\"}",
                "[{\"title\": \"Far away\", \"edits\": [{\"range\": {\"start\": {\"line\": 99, \"character\": 0},"
                        + " \"end\": {\"line\": 99, \"character\": 1}}, \"newText\": \"x\"}]}]",
                "[{\"title\": \"Past the line\", \"edits\": [{\"range\": {\"start\": {\"line\": 1, \"character\": 0},"
                        + " \"end\": {\"line\": 1, \"character\": 400}}, \"newText\": \"x\"}]}]",
                "[{\"title\": \"Backwards\", \"edits\": [{\"range\": {\"start\": {\"line\": 1, \"character\": 3},"
                        + " \"end\": {\"line\": 1, \"character\": 1}}, \"newText\": \"x\"}]}]",
                "[{\"title\": \"No text\", \"edits\": [{\"range\": {\"start\": {\"line\": 1, \"character\": 3},"
                        + " \"end\": {\"line\": 1, \"character\": 4}}}]}]")) {
            List<CodeAction> actions = actions(text, d -> d.setData(JsonParser.parseString(data)));
            assertEquals(fixed, apply(Fixture.document(text.replace(Fixture.CURSOR, "")), only(actions, title)), data);
        }
    }

    @Test
    void otherToolsDiagnosticsAreNotOurs() {
        List<CodeAction> actions = actions("FROM alpine\nMAINT<|>AINER me\n", d -> d.setSource("hadolint"));
        assertEquals(List.of(), titles(actions, "quickfix"));
    }

    // ---- ignoring and skipping a rule ----

    @Test
    void aRuleIsIgnoredForTheInstruction() {
        assertAction("FROM alpine\nMAINT<|>AINER me\n", "Ignore MaintainerDeprecated for this instruction",
                "FROM alpine\n# stagesmith-ignore=MaintainerDeprecated\nMAINTAINER me\n");
        assertAction("FROM alpine\n  MAINT<|>AINER me\n", "Ignore MaintainerDeprecated for this instruction",
                "FROM alpine\n  # stagesmith-ignore=MaintainerDeprecated\n  MAINTAINER me\n");
        assertAction("FROM alpine\r\nMAINT<|>AINER me\r\n", "Ignore MaintainerDeprecated for this instruction",
                "FROM alpine\r\n# stagesmith-ignore=MaintainerDeprecated\r\nMAINTAINER me\r\n");
    }

    @Test
    void anIgnoreCommentAboveIsExtended() {
        assertAction("FROM alpine\n# stagesmith-ignore=JSONArgsRecommended \nMAINT<|>AINER me\n",
                "Ignore MaintainerDeprecated for this instruction",
                "FROM alpine\n# stagesmith-ignore=JSONArgsRecommended,MaintainerDeprecated \nMAINTAINER me\n");
    }

    @Test
    void theIgnoreCommentSilencesTheFinding() {
        String after = applied("FROM golang AS builder\nFROM alpine\nCOPY --from=bui<|>dler /a /b\n",
                "Ignore unknown-stage-reference for this instruction");
        assertTrue(Fixture.document(after).findings().stream().noneMatch(f -> f.code().equals("unknown-stage-reference")));
    }

    @Test
    void aRuleIsSkippedForTheFile() {
        assertAction("FROM alpine\nMAINT<|>AINER me\n", "Skip MaintainerDeprecated in this file",
                "# check=skip=MaintainerDeprecated\nFROM alpine\nMAINTAINER me\n");
        assertAction("\uFEFFFROM alpine\nMAINT<|>AINER me", "Skip MaintainerDeprecated in this file",
                "\uFEFF# check=skip=MaintainerDeprecated\nFROM alpine\nMAINTAINER me");
    }

    @Test
    void theCheckDirectiveIsMergedWithOrPlacedAfterTheOthers() {
        String skip = "Skip MaintainerDeprecated in this file";
        assertAction("# syntax=docker/dockerfile:1\n# escape=\\\n\nFROM alpine\nMAINT<|>AINER me\n", skip,
                "# syntax=docker/dockerfile:1\n# escape=\\\n# check=skip=MaintainerDeprecated\n\nFROM alpine\nMAINTAINER me\n");
        assertAction("# check=skip=JSONArgsRecommended\nFROM alpine\nMAINT<|>AINER me\n", skip,
                "# check=skip=JSONArgsRecommended,MaintainerDeprecated\nFROM alpine\nMAINTAINER me\n");
        assertAction("# check=error=true\nFROM alpine\nMAINT<|>AINER me\n", skip,
                "# check=error=true;skip=MaintainerDeprecated\nFROM alpine\nMAINTAINER me\n");
        assertAction("# check = skip=A, ; error=true\nFROM alpine\nMAINT<|>AINER me\n", skip,
                "# check = skip=A,MaintainerDeprecated ; error=true\nFROM alpine\nMAINTAINER me\n");
    }

    @Test
    void theCheckDirectiveSilencesTheFinding() {
        String after = applied("# check=error=true\nFROM alpine\nMAINT<|>AINER me\n", "Skip MaintainerDeprecated in this file");
        assertTrue(Fixture.document(after).findings().isEmpty(), after);
    }

    @Test
    void aFindingOutsideAnyInstructionCanOnlyBeSkipped() {
        List<String> titles = titles(actions("FROM alpine\n# syn<|>tax=docker/dockerfile:1\n", d -> { }), "quickfix");
        assertTrue(titles.contains("Skip misplaced-directive in this file"), titles.toString());
        assertFalse(titles.contains("Ignore misplaced-directive for this instruction"), titles.toString());
    }

    @Test
    void aRuleSkippedAlreadyIsNotOfferedAgain() {
        // The client still shows a diagnostic of an earlier version.
        DocumentSnapshot stale = Fixture.document("FROM alpine\nMAINTAINER me\n");
        Diagnostic d = DiagnosticsService.diagnostics(stale).get(0);
        DocumentSnapshot now = Fixture.document("# check=skip=maintainerdeprecated\nFROM alpine\nMAINTAINER me\n");
        List<CodeAction> actions = CodeActionService.actions(now, params(now, TextRange.empty(20), List.of(d), null));
        assertFalse(titles(actions, "quickfix").contains("Skip MaintainerDeprecated in this file"));
    }

    // ---- Extract into a new stage ----

    @Test
    void theFirstInstructionsOfAStageBecomeItsBase() {
        assertAction("FROM golang:1.22 AS build\n<|>WORKDIR /src\nCOPY go.mod .\n<|>RUN go build\n",
                "Extract into a new stage",
                "FROM golang:1.22 AS build-base\nWORKDIR /src\nCOPY go.mod .\n\nFROM build-base AS build\nRUN go build\n");
    }

    @Test
    void extractingKeepsTheFlagsCommentsAndCasing() {
        assertAction("# syntax=docker/dockerfile:1\n\n# compiles\nFROM --platform=$BUILDPLATFORM golang AS build\n"
                        + "  # cache\n<|>RUN a<|>\nRUN b\n",
                "Extract into a new stage",
                "# syntax=docker/dockerfile:1\n\nFROM --platform=$BUILDPLATFORM golang AS build-base\n  # cache\nRUN a\n\n"
                        + "# compiles\nFROM build-base AS build\nRUN b\n");
        assertAction("from alpine\n<|>run a<|>\nrun b", "Extract into a new stage",
                "from alpine as base\nrun a\n\nfrom base\nrun b");
        assertAction("FROM alpine AS app\n<|>RUN a\nRUN b<|>", "Extract into a new stage",
                "FROM alpine AS app-base\nRUN a\nRUN b\n\nFROM app-base AS app\n");
    }

    @Test
    void extractedArgsAreDeclaredAgain() {
        assertAction("FROM alpine AS app\n<|>ARG V=1\nRUN echo $V\n<|>CMD echo $V\n", "Extract into a new stage",
                "FROM alpine AS app-base\nARG V=1\nRUN echo $V\n\nFROM app-base AS app\nARG V=1\nCMD echo $V\n");
    }

    @Test
    void stageIndexesAfterTheNewStageAreRenumbered() {
        assertAction("FROM alpine\nRUN a\nFROM alpine\n<|>RUN b<|>\nRUN c\nFROM alpine\nCOPY --from=1 /x /y\n"
                        + "COPY --from=0 /x /y\n",
                "Extract into a new stage",
                "FROM alpine\nRUN a\nFROM alpine AS base\nRUN b\n\nFROM base\nRUN c\nFROM alpine\nCOPY --from=2 /x /y\n"
                        + "COPY --from=0 /x /y\n");
        // A trigger runs in the build of an image built on its stage: a stage of this file renumbers it,
        // another Dockerfile's build counts its own stages.
        assertAction("FROM alpine\n<|>RUN b<|>\nFROM alpine AS parent\nONBUILD COPY --from=0 /x /y\nFROM parent\n"
                        + "FROM alpine\nONBUILD COPY --from=0 /x /y\n",
                "Extract into a new stage",
                "FROM alpine AS base\nRUN b\n\nFROM base\nFROM alpine AS parent\nONBUILD COPY --from=1 /x /y\nFROM parent\n"
                        + "FROM alpine\nONBUILD COPY --from=0 /x /y\n");
    }

    @Test
    void theNewNameIsUnique() {
        assertAction("FROM alpine AS build-base\nFROM build-base AS build\n<|>RUN a<|>\n", "Extract into a new stage",
                "FROM alpine AS build-base\nFROM build-base AS build-base-2\nRUN a\n\nFROM build-base-2 AS build\n");
        assertAction("FROM base\n<|>RUN a<|>\n", "Extract into a new stage",
                "FROM base AS base-2\nRUN a\n\nFROM base-2\n");
    }

    @Test
    void aSelectionAfterTheStartExtractsTheSafePrefix() {
        assertAction("FROM alpine AS app\nRUN a\n<|>RUN b<|>\nRUN c\n",
                "Extract the stage's first 2 instructions into a new stage",
                "FROM alpine AS app-base\nRUN a\nRUN b\n\nFROM app-base AS app\nRUN c\n");
    }

    @Test
    void extractIsNotOfferedWhereItWouldChangeTheBuild() {
        String title = "Extract into a new stage";
        assertNoAction("FROM alpine\nRUN <|>a\n", title); // no selection
        assertNoAction("<|>FROM alpine\nRUN a<|>\n", title); // the FROM
        assertNoAction("FROM alpine\n<|>RUN a\nFROM alpine\nRUN b<|>\n", title); // two stages
        assertNoAction("<|>ARG A<|>\nFROM alpine\nRUN a\n", title); // a global ARG
        assertNoAction("FROM alpine\n<|>ONBUILD RUN a\nRUN b<|>\n", title); // ONBUILD triggers would run
        assertNoAction("FROM alpine\nRUN a\n<|>ONBUILD RUN a\nRUN b<|>\n", "Extract the stage's first 3 instructions into a new stage");
        assertNoAction("FROM alpine\nRUN a\n\n<|>\n<|>", title); // no instruction
    }

    // ---- Convert to JSON form ----

    @Test
    void aShellFormCommandBecomesJson() {
        assertAction("FROM alpine\nRUN ap<|>k add curl\n", "Convert to JSON form", "FROM alpine\nRUN [\"apk\", \"add\", \"curl\"]\n");
        assertAction("FROM alpine\nRUN --network=none mak<|>e \\\n    all\n", "Convert to JSON form",
                "FROM alpine\nRUN --network=none [\"make\", \"all\"]\n");
        assertAction("FROM alpine\nENTRY<|>POINT /app/run --port 80\n", "Convert to JSON form",
                "FROM alpine\nENTRYPOINT [\"/app/run\", \"--port\", \"80\"]\n");
        assertEquals("refactor.rewrite", action("FROM alpine\nRUN ap<|>k add curl\n", "Convert to JSON form").getKind());
    }

    @Test
    void theRewriteIsNotOfferedTwiceWhenADiagnosticOffersIt() {
        assertNoAction("FROM alpine\nCMD node ser<|>ver.js\n", "Convert to JSON form");
        assertAction("FROM alpine\nC<|>MD node server.js\n", "Convert to JSON form", "FROM alpine\nCMD [\"node\", \"server.js\"]\n");
    }

    @Test
    void theRewriteIsOfferedOnlyWhenNothingChanges() {
        String title = "Convert to JSON form";
        assertNoAction("FROM alpine\nRUN ec<|>ho $HOME\n", title);
        assertNoAction("FROM alpine\nRUN ec<|>ho a > b\n", title);
        assertNoAction("FROM alpine\nRUN c<|>d /tmp\n", title);
        assertNoAction("FROM alpine\nSHELL [\"/bin/bash\", \"-c\"]\nRUN ec<|>ho hi\n", title);
        assertNoAction("FROM alpine AS base\nSHELL [\"/bin/bash\", \"-c\"]\nFROM base\nRUN ec<|>ho hi\n", title);
        assertNoAction("FROM alpine\nENTRYPOINT [\"tini\"]\nC<|>MD serve\n", title);
        assertNoAction("FROM alpine\nC<|>MD serve\nENTRYPOINT [\"tini\"]\n", title);
        assertNoAction("FROM alpine\nCMD [\"x\"]\nENTRY<|>POINT serve\n", title);
        assertNoAction("FROM alpine AS base\nENTRY<|>POINT serve\nFROM base\nCMD [\"x\"]\n", title);
        assertNoAction("FROM alpine\nRUN <<EOF\nec<|>ho\nEOF\n", title);
        assertNoAction("FROM alpine\nRUN ec<|>ho a \\\n# note\n  b\n", title);
        assertNoAction("FROM alpine\nRUN [\"ec<|>ho\"]\n", title);
        assertNoAction("FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nRUN di<|>r\n", title);
        assertNoAction("# escape=`\nFROM base\nRUN di<|>r\n", title);
    }

    // ---- kinds and bad input ----

    @Test
    void onlyTheKindsTheClientAsksForAreOffered() {
        String text = "FROM alpine\nMAINTAINER me\n<|>RUN echo hi<|>\n";
        assertEquals(List.of("quickfix"), kinds(actionsWithOnly(text, List.of("quickfix"))));
        assertEquals(List.of("refactor.extract", "refactor.rewrite"), kinds(actionsWithOnly(text, List.of("refactor"))));
        assertEquals(List.of("refactor.extract"), kinds(actionsWithOnly(text, List.of("refactor.extract"))));
        assertEquals(List.of(), kinds(actionsWithOnly(text, List.of("source.fixAll"))));
    }

    @Test
    void badRequestsGetNoActionsAndNoErrors() {
        DocumentSnapshot doc = Fixture.document("\u0000 junk\nRUN <<EOF\n");
        Range far = new Range(new org.eclipse.lsp4j.Position(99, 99), new org.eclipse.lsp4j.Position(120, 0));
        CodeActionParams p = new CodeActionParams(new TextDocumentIdentifier(Fixture.URI), far, new CodeActionContext(List.of()));
        assertTrue(CodeActionService.actions(doc, p).stream().noneMatch(a -> a.getKind().equals("quickfix")));
        CodeActionService.actions(doc, new CodeActionParams()); // no range, no context
        Diagnostic noCode = new Diagnostic(far, "x", null, "stagesmith");
        CodeActionService.actions(doc, params(doc, TextRange.empty(0), List.of(noCode), null));
        CodeActionService.actions(Fixture.document(""), params(Fixture.document(""), TextRange.empty(0), List.of(), null));
    }

    // ---- every action on real files ----

    @TestFactory
    Stream<DynamicTest> everyActionOnTheCorpusAppliesCleanly() {
        return SharedData.corpusFiles().stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            DocumentSnapshot doc = Fixture.document(Files.readString(f, StandardCharsets.UTF_8));
            List<CodeAction> actions = new ArrayList<>(CodeActionService.actions(doc,
                    params(doc, TextRange.empty(0), DiagnosticsService.diagnostics(doc), List.of("quickfix"))));
            for (Stage stage : doc.graph().stages()) {
                List<TextRange> selections = new ArrayList<>();
                if (!stage.instructions().isEmpty()) {
                    selections.add(stage.instructions().get(0).range().union(
                            stage.instructions().get(stage.instructions().size() - 1).range()));
                }
                stage.instructions().forEach(i -> selections.add(TextRange.empty(i.range().start())));
                selections.forEach(s -> actions.addAll(
                        CodeActionService.actions(doc, params(doc, s, List.of(), List.of("refactor")))));
            }
            for (CodeAction a : actions) {
                ParsedDockerfile after = Dockerfiles.parse(apply(doc, a));
                assertTrue(after.errors().size() <= doc.parsed().errors().size(), a.getTitle() + " broke the file");
                if (a.getKind().equals("refactor.extract")) {
                    assertEquals(doc.graph().stages().size() + 1, StageGraph.of(after).stages().size());
                }
            }
        }));
    }

    // ---- through the protocol ----

    @Test
    void aQuickFixTravelsThroughTheProtocolAsAVersionedEdit() throws Exception {
        String uri = "file:///project/Dockerfile";
        String text = "FROM golang AS builder\nFROM alpine\nCOPY --from=buidler /a /b\n";
        try (LspSession s = new LspSession()) {
            ClientCapabilities caps = new ClientCapabilities();
            WorkspaceClientCapabilities workspace = new WorkspaceClientCapabilities();
            workspace.setWorkspaceEdit(new WorkspaceEditCapabilities());
            workspace.getWorkspaceEdit().setDocumentChanges(true);
            caps.setWorkspace(workspace);
            TextDocumentClientCapabilities document = new TextDocumentClientCapabilities();
            document.setCodeAction(new CodeActionCapabilities(new CodeActionLiteralSupportCapabilities(
                    new CodeActionKindCapabilities(List.of("quickfix", "refactor"))), false));
            caps.setTextDocument(document);
            InitializeParams init = new InitializeParams();
            init.setCapabilities(caps);
            InitializeResult result = s.server().initialize(init).get(10, TimeUnit.SECONDS);
            assertEquals(CodeActionService.KINDS, result.getCapabilities().getCodeActionProvider().getRight().getCodeActionKinds());
            s.server().initialized(new InitializedParams());
            s.open(uri, text);
            List<Diagnostic> diagnostics = s.awaitDiagnostics(uri, 1).getDiagnostics();
            Range at = new Range(new org.eclipse.lsp4j.Position(2, 14), new org.eclipse.lsp4j.Position(2, 14));
            List<Either<Command, CodeAction>> actions = s.server().getTextDocumentService().codeAction(new CodeActionParams(
                    new TextDocumentIdentifier(uri), at, new CodeActionContext(diagnostics))).get(10, TimeUnit.SECONDS);
            CodeAction fix = actions.stream().map(Either::getRight).filter(a -> a.getTitle().equals("Change to 'builder'"))
                    .findFirst().orElseThrow();
            TextDocumentEdit edit = fix.getEdit().getDocumentChanges().get(0).getLeft();
            assertEquals(1, edit.getTextDocument().getVersion());
            assertEquals(uri, edit.getTextDocument().getUri());
            assertEquals("FROM golang AS builder\nFROM alpine\nCOPY --from=builder /a /b\n",
                    TextEdits.apply(Fixture.document(text), edit.getEdits()));
            assertTrue(fix.getIsPreferred());
            assertEquals("unknown-stage-reference", fix.getDiagnostics().get(0).getCode().getLeft());
        }
    }

    @Test
    void clientsWithoutCodeActionLiteralsAreOnlyToldThereAreActions() throws Exception {
        try (LspSession s = new LspSession().initialize()) {
            assertTrue(s.initialized.getCapabilities().getCodeActionProvider().getLeft());
        }
    }

    // ---- helpers ----

    /** {@code marked} has a cursor {@code <|>} or a selection between two of them. */
    private static void assertAction(String marked, String title, String after) {
        assertEquals(after, applied(marked, title));
    }

    private static String applied(String marked, String title) {
        return apply(document(marked), action(marked, title));
    }

    private static void assertNoAction(String marked, String title) {
        assertFalse(titles(actions(marked, d -> { }), null).contains(title), marked);
    }

    private static CodeAction action(String marked, String title) {
        return only(actions(marked, d -> { }), title);
    }

    private static CodeAction only(List<CodeAction> actions, String title) {
        List<CodeAction> found = actions.stream().filter(a -> a.getTitle().equals(title)).toList();
        assertEquals(1, found.size(), "one '" + title + "' among " + titles(actions, null));
        return found.get(0);
    }

    /** The actions for the selection, with the diagnostics a client would send (those touching it). */
    private static List<CodeAction> actions(String marked, Consumer<Diagnostic> tamper) {
        DocumentSnapshot doc = document(marked);
        TextRange selection = selection(marked);
        List<Diagnostic> sent = DiagnosticsService.diagnostics(doc).stream().filter(d -> {
            TextRange r = Positions.textRange(doc.parsed(), d.getRange());
            return r.start() <= selection.end() && selection.start() <= r.end();
        }).toList();
        sent.forEach(tamper);
        return CodeActionService.actions(doc, params(doc, selection, sent, null));
    }

    private static List<CodeAction> actionsWithOnly(String marked, List<String> only) {
        DocumentSnapshot doc = document(marked);
        TextRange selection = selection(marked);
        return CodeActionService.actions(doc, params(doc, selection, DiagnosticsService.diagnostics(doc), only));
    }

    private static CodeActionParams params(DocumentSnapshot doc, TextRange selection, List<Diagnostic> diagnostics,
            List<String> only) {
        CodeActionContext context = new CodeActionContext(diagnostics);
        context.setOnly(only);
        return new CodeActionParams(new TextDocumentIdentifier(Fixture.URI), Positions.range(doc.parsed(), selection), context);
    }

    private static DocumentSnapshot document(String marked) {
        return Fixture.document(marked.replace(Fixture.CURSOR, ""));
    }

    private static TextRange selection(String marked) {
        int a = marked.indexOf(Fixture.CURSOR);
        assertTrue(a >= 0, "the fixture needs a " + Fixture.CURSOR + " cursor");
        int second = marked.indexOf(Fixture.CURSOR, a + 1);
        return second < 0 ? TextRange.empty(a) : TextRange.of(a, second - Fixture.CURSOR.length());
    }

    private static String apply(DocumentSnapshot doc, CodeAction action) {
        var changes = action.getEdit().getChanges();
        assertEquals(List.of(Fixture.URI), List.copyOf(changes.keySet()));
        return TextEdits.apply(doc, changes.get(Fixture.URI));
    }

    private static List<String> titles(List<CodeAction> actions, String kind) {
        return actions.stream().filter(a -> kind == null || kind.equals(a.getKind())).map(CodeAction::getTitle).toList();
    }

    private static List<String> kinds(List<CodeAction> actions) {
        return actions.stream().map(CodeAction::getKind).distinct().toList();
    }
}
