package dev.stagesmith.server.features.outline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagesmith.server.SharedData;
import dev.stagesmith.server.features.Fixture;
import dev.stagesmith.server.lsp.LspSession;
import dev.stagesmith.server.settings.Settings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolCapabilities;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.SymbolTag;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;

class DocumentSymbolServiceTest {

    /** One symbol per line, children indented: {@code Kind name (detail) startLine-endLine}. */
    private static String render(List<DocumentSymbol> symbols) {
        StringBuilder out = new StringBuilder();
        render(symbols, "", out);
        return out.toString();
    }

    private static void render(List<DocumentSymbol> symbols, String indent, StringBuilder out) {
        for (DocumentSymbol s : symbols) {
            out.append(indent).append(s.getKind()).append(' ').append(s.getName());
            if (s.getDetail() != null) {
                out.append(" (").append(s.getDetail()).append(')');
            }
            if (s.getTags() != null && s.getTags().contains(SymbolTag.Deprecated)) {
                out.append(" deprecated");
            }
            out.append(' ').append(s.getRange().getStart().getLine()).append('-').append(s.getRange().getEnd().getLine())
                    .append('\n');
            if (s.getChildren() != null) {
                render(s.getChildren(), indent + "  ", out);
            }
        }
    }

    private static void check(String text, String expected) {
        List<DocumentSymbol> tree = DocumentSymbolService.tree(Fixture.document(text));
        assertContained(tree, null);
        assertEquals(expected, render(tree));
    }

    /** LSP's rule: the selection lies inside the range, children inside their parent. */
    private static void assertContained(List<DocumentSymbol> symbols, Range parent) {
        for (DocumentSymbol s : symbols) {
            assertTrue(inside(s.getSelectionRange(), s.getRange()), () -> "selection outside " + s);
            assertTrue(parent == null || inside(s.getRange(), parent), () -> "outside its parent " + s);
            assertTrue(!s.getName().isEmpty(), () -> "empty name " + s);
            if (s.getChildren() != null) {
                assertContained(s.getChildren(), s.getRange());
            }
        }
    }

    private static boolean inside(Range inner, Range outer) {
        return compare(outer.getStart(), inner.getStart()) <= 0 && compare(inner.getEnd(), outer.getEnd()) <= 0;
    }

    private static int compare(org.eclipse.lsp4j.Position a, org.eclipse.lsp4j.Position b) {
        return a.getLine() != b.getLine() ? Integer.compare(a.getLine(), b.getLine())
                : Integer.compare(a.getCharacter(), b.getCharacter());
    }

    @Test
    void stagesHoldTheirInstructions() {
        check("""
                # syntax=docker/dockerfile:1
                ARG GO=1.22
                FROM golang:${GO} AS build
                WORKDIR /src
                RUN go build -o /app .

                FROM build AS test
                RUN go test ./...
                FROM scratch
                COPY --from=build /app /app
                ENTRYPOINT ["/app"]
                """, """
                Property syntax (docker/dockerfile:1) 0-0
                Variable ARG GO=1.22 1-1
                Class build (golang:1.22) 2-4
                  Package WORKDIR /src 3-3
                  Function RUN go build -o /app . 4-4
                Class test (stage build) 6-7
                  Function RUN go test ./... 7-7
                Class stage-2 (scratch) 8-10
                  File COPY --from=build /app /app 9-9
                  Function ENTRYPOINT ["/app"] 10-10
                """);
    }

    @Test
    void unresolvedBasesAreShownAsWritten() {
        check("FROM ${REGISTRY}/app:${TAG:-latest}\n", "Class stage-0 (${REGISTRY}/app:${TAG:-latest}) 0-0\n");
        check("FROM alpine:${TAG:-3.19}\n", "Class stage-0 (alpine:3.19) 0-0\n");
    }

    @Test
    void namesSummariseTheInstructionOnOneLine() {
        check("""
                FROM a
                RUN apt-get update && \\
                    # comment inside
                    apt-get install -y     curl
                COPY <<EOF /etc/motd
                hello
                EOF
                MAINTAINER someone
                ENV LONG=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
                """, """
                Class stage-0 (a) 0-8
                  Function RUN apt-get update && apt-get install -y curl 1-3
                  File COPY <<EOF /etc/motd 4-6
                  Field MAINTAINER someone deprecated 7-7
                  Variable ENV LONG=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa… 8-8
                """);
    }

    @Test
    void instructionKinds() {
        check("""
                FROM a
                LABEL a=b
                EXPOSE 80
                USER app
                VOLUME /v
                STOPSIGNAL SIGINT
                ONBUILD RUN x
                HEALTHCHECK NONE
                SHELL ["sh"]
                CMD x
                ADD a b
                FOO bar
                """, """
                Class stage-0 (a) 0-11
                  Property LABEL a=b 1-1
                  Interface EXPOSE 80 2-2
                  Key USER app 3-3
                  Package VOLUME /v 4-4
                  Event STOPSIGNAL SIGINT 5-5
                  Event ONBUILD RUN x 6-6
                  Function HEALTHCHECK NONE 7-7
                  Function SHELL ["sh"] 8-8
                  Function CMD x 9-9
                  File ADD a b 10-10
                  Null FOO bar 11-11
                """);
    }

    @Test
    void instructionsBeforeTheFirstFromStayAtTheTop() {
        check("RUN early\nARG A\nFROM a\n", "Function RUN early 0-0\nVariable ARG A 1-1\nClass stage-0 (a) 2-2\n");
    }

    @Test
    void theStageNameIsSelected() {
        Fixture f = Fixture.of("FROM golang AS <|>Build\nRUN x\n");
        DocumentSymbol stage = DocumentSymbolService.tree(f.snapshot()).get(0);
        assertEquals("Build", stage.getName());
        assertEquals(f.position(), stage.getSelectionRange().getStart());
    }

    @Test
    void buildArgsFromTheSettingsResolveTheBase() {
        Settings settings = new Settings(Map.of(), Map.of("GO", "1.23"), Optional.empty(), true, true);
        var s = Fixture.of("ARG GO=1.22\nFROM <|>golang:${GO}\n", settings).snapshot();
        assertEquals("golang:1.23", DocumentSymbolService.tree(s).get(1).getDetail());
    }

    @Test
    void clientsWithoutTreesGetAFlatListWithContainers() {
        List<SymbolInformation> flat = DocumentSymbolService.flat(Fixture.document("FROM a AS x\nRUN y\nMAINTAINER z\n"));
        assertEquals(List.of("x:null", "RUN y:x", "MAINTAINER z:x"),
                flat.stream().map(s -> s.getName() + ":" + s.getContainerName()).toList());
        assertEquals(List.of(SymbolTag.Deprecated), flat.get(2).getTags());
        assertEquals(Fixture.URI, flat.get(0).getLocation().getUri());
    }

    @Test
    void badInputGivesValidSymbols() {
        check("", "");
        check("FROM\n", "Class stage-0 0-0\n");
        check("FROM a AS\nRUN <<EOF\nno end\n", """
                Class stage-0 (a) 0-2
                  Function RUN <<EOF 1-1
                  Null no end 2-2
                """);
        assertContained(DocumentSymbolService.tree(Fixture.document("\u0000\uD800\\\n\n")), null);
    }

    @Test
    void theCorpusGivesValidTrees() throws Exception {
        for (Path p : SharedData.corpusFiles()) {
            List<DocumentSymbol> tree = DocumentSymbolService.tree(
                    Fixture.document(Files.readString(p, StandardCharsets.UTF_8)));
            try {
                assertContained(tree, null);
            } catch (AssertionError e) {
                throw new AssertionError(p.getFileName() + ": " + e.getMessage(), e);
            }
        }
    }

    @Test
    void hierarchyFollowsTheClientsCapability() {
        assertEquals(false, DocumentSymbolService.hierarchical(new ClientCapabilities()));
        assertEquals(true, DocumentSymbolService.hierarchical(hierarchicalClient()));
    }

    @Test
    void throughTheProtocol() throws Exception {
        try (LspSession s = new LspSession()) {
            InitializeParams params = new InitializeParams();
            params.setCapabilities(hierarchicalClient());
            var init = s.server().initialize(params).get(20, TimeUnit.SECONDS);
            s.server().initialized(new InitializedParams());
            assertEquals(Boolean.TRUE, init.getCapabilities().getDocumentSymbolProvider().getLeft());
            s.open(Fixture.URI, "FROM a AS x\nRUN y\n");
            var symbols = s.server().getTextDocumentService()
                    .documentSymbol(new DocumentSymbolParams(new TextDocumentIdentifier(Fixture.URI)))
                    .get(20, TimeUnit.SECONDS);
            assertEquals("Class x (a) 0-1\n  Function RUN y 1-1\n", render(List.of(symbols.get(0).getRight())));
        }
        try (LspSession s = new LspSession().initialize()) {
            s.open(Fixture.URI, "FROM a AS x\nRUN y\n");
            var symbols = s.server().getTextDocumentService()
                    .documentSymbol(new DocumentSymbolParams(new TextDocumentIdentifier(Fixture.URI)))
                    .get(20, TimeUnit.SECONDS);
            assertEquals(List.of("x", "RUN y"), symbols.stream().map(e -> e.getLeft().getName()).toList());
        }
    }

    private static ClientCapabilities hierarchicalClient() {
        DocumentSymbolCapabilities symbols = new DocumentSymbolCapabilities();
        symbols.setHierarchicalDocumentSymbolSupport(true);
        TextDocumentClientCapabilities td = new TextDocumentClientCapabilities();
        td.setDocumentSymbol(symbols);
        ClientCapabilities caps = new ClientCapabilities();
        caps.setTextDocument(td);
        return caps;
    }
}
