package dev.stagesmith.server.features.semantictokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagesmith.server.SharedData;
import dev.stagesmith.server.features.Fixture;
import dev.stagesmith.server.features.semantictokens.TokenRendering.Token;
import dev.stagesmith.server.lsp.LspSession;
import dev.stagesmith.server.settings.Settings;
import dev.stagesmith.server.workspace.DocumentSnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensDeltaParams;
import org.eclipse.lsp4j.SemanticTokensEdit;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.SemanticTokensRangeParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;

class SemanticTokensServiceTest {

    /** The tokens of {@code text}, one source line per line, after checking LSP's rules for the encoding. */
    private static void check(String text, String expected) {
        int[] data = SemanticTokensService.encode(Fixture.document(text), null);
        assertWellFormed(text, data);
        assertEquals(expected, TokenRendering.render(text, data));
    }

    /** Sorted, non-overlapping, non-empty, each inside one line's content, types and modifiers in the legend. */
    static void assertWellFormed(String text, int[] data) {
        assertEquals(0, data.length % 5, "five integers per token");
        var lines = dev.stagesmith.grammar.LineIndex.of(text);
        Token previous = null;
        for (Token t : TokenRendering.decode(data)) {
            assertTrue(t.length() > 0, () -> "empty token " + t);
            assertTrue(t.line() < lines.lineCount(), () -> "token past the last line " + t);
            int lineLength = lines.lineEnd(t.line(), text) - lines.lineStart(t.line());
            assertTrue(t.column() >= 0 && t.column() + t.length() <= lineLength,
                    () -> "token " + t + " leaves its line of " + lineLength);
            assertTrue(t.type() >= 0 && t.type() < Legend.Type.values().length, () -> "type " + t);
            assertTrue(t.modifiers() >>> Legend.Modifier.values().length == 0, () -> "modifiers " + t);
            if (previous != null) {
                Token p = previous;
                assertTrue(t.line() > p.line() || t.column() >= p.column() + p.length(),
                        () -> "token " + t + " overlaps or precedes " + p);
            }
            previous = t;
        }
    }

    @Test
    void keywordsCommentsAndDirectives() {
        check("""
                # syntax=docker/dockerfile:1
                # escape=\\

                # a comment
                from alpine
                MAINTAINER me
                """, """
                0: comment[# ] macro[syntax] string[docker/dockerfile:1]
                1: comment[# ] macro[escape] string[\\]
                3: comment[# a comment]
                4: keyword[from] type[alpine]
                5: keyword.deprecated[MAINTAINER]
                """);
    }

    @Test
    void imageReferencesInParts() {
        check("FROM ghcr.io/o/app:1.2@sha256:0123456789abcdef0123456789abcdef AS base\n", """
                0: keyword[FROM] namespace[ghcr.io] type[o/app] enumMember[1.2] number[sha256:0123456789abcdef0123456789abcdef] keyword[AS] class.declaration.definition[base]
                """);
        check("FROM localhost:5000/app\n", "0: keyword[FROM] namespace[localhost:5000] type[app]\n");
        check("FROM scratch\n", "0: keyword[FROM] type.defaultLibrary[scratch]\n");
    }

    @Test
    void stageNamesWhereDeclaredAndWhereUsed() {
        check("""
                FROM alpine AS deps
                FROM deps AS build
                COPY --from=deps /a /b
                COPY --from="build" /a /b
                COPY --from=nginx:1 /a /b
                RUN --mount=type=cache,from=deps,target=/x make
                """, """
                0: keyword[FROM] type[alpine] keyword[AS] class.declaration.definition[deps]
                1: keyword[FROM] class[deps] keyword[AS] class.declaration.definition[build]
                2: keyword[COPY] parameter[--from] class[deps]
                3: keyword[COPY] parameter[--from] class["build"]
                4: keyword[COPY] parameter[--from] type[nginx] enumMember[1]
                5: keyword[RUN] parameter[--mount] string[type=cache,from=] class[deps] string[,target=/x]
                """);
    }

    @Test
    void flagsHaveANameAndAValue() {
        check("FROM --platform=linux/arm64 alpine\nCOPY --chown=app:app --link a b\n", """
                0: keyword[FROM] parameter[--platform] string[linux/arm64] type[alpine]
                1: keyword[COPY] parameter[--chown] string[app:app] parameter[--link]
                """);
    }

    @Test
    void variablesAreDeclaredByArgAndEnvAndUsedWithDollars() {
        check("""
                ARG V=1 BARE
                FROM alpine:$V
                ENV HOME=/root PATH="${HOME:-/x$V}/bin"
                WORKDIR ${HOME}
                RUN echo \\$NOT '$QUOTED' "$YES"
                """, """
                0: keyword[ARG] variable.declaration.definition[V] string[1] variable.declaration[BARE]
                1: keyword[FROM] type[alpine:] variable[$V]
                2: keyword[ENV] variable.declaration.definition[HOME] string[/root] variable.declaration.definition[PATH] string["] variable[${HOME] operator[:-] string[/x] variable[$V] string[}/bin"]
                3: keyword[WORKDIR] variable[${HOME}]
                4: keyword[RUN] variable[$YES]
                """);
    }

    @Test
    void buildKitsAutomaticArgsAreReadonlyLibraryVariables() {
        check("FROM --platform=$BUILDPLATFORM alpine\nARG TARGETARCH\nRUN echo $TARGETARCH\n", """
                0: keyword[FROM] parameter[--platform] variable.readonly.defaultLibrary[$BUILDPLATFORM] type[alpine]
                1: keyword[ARG] variable.declaration[TARGETARCH]
                2: keyword[RUN] variable.readonly.defaultLibrary[$TARGETARCH]
                """);
    }

    @Test
    void theEscapeDirectiveChangesWhatEscapesADollar() {
        check("# escape=`\nFROM alpine\nENV A=`$B C=\\$D\n", """
                0: comment[# ] macro[escape] string[`]
                1: keyword[FROM] type[alpine]
                2: keyword[ENV] variable.declaration.definition[A] string[`$B] variable.declaration.definition[C] string[\\] variable[$D]
                """);
    }

    @Test
    void jsonArraysAreStrings() {
        check("FROM a\nCMD [\"echo\", \"$X\"]\nCOPY [\"a $Y\", \"/b/\"]\nVOLUME [\"/v\"]\n", """
                0: keyword[FROM] type[a]
                1: keyword[CMD] string["echo"] string["$X"]
                2: keyword[COPY] string["a ] variable[$Y] string["] string["/b/"]
                3: keyword[VOLUME] string["/v"]
                """);
    }

    @Test
    void heredocMarkersTerminatorsAndExpandedBodies() {
        check("""
                FROM a
                RUN <<EOF
                echo $A '$B'
                EOF
                COPY <<-"EOT" /f
                	$NOT
                	EOT
                """, """
                0: keyword[FROM] type[a]
                1: keyword[RUN] operator[<<] string[EOF]
                2: variable[$A]
                3: string[EOF]
                4: keyword[COPY] operator[<<-] string["EOT"]
                6: string[EOT]
                """);
    }

    @Test
    void continuationLinesSplitTokensAndKeepTheirComments() {
        check("""
                FROM a
                ENV A="one \\
                  # not part of the value
                  two"
                RUN make \\
                # a comment
                    install $PREFIX
                """, """
                0: keyword[FROM] type[a]
                1: keyword[ENV] variable.declaration.definition[A] string["one \\]
                2: comment[  # not part of the value]
                3: string[  two"]
                4: keyword[RUN]
                5: comment[# a comment]
                6: variable[$PREFIX]
                """);
    }

    @Test
    void everyInstructionKind() {
        check("""
                FROM a
                LABEL org.x="y"
                EXPOSE 80/tcp $PORT
                HEALTHCHECK --interval=5s CMD curl -f localhost
                ONBUILD COPY --from=a /x /y
                SHELL ["/bin/sh", "-c"]
                STOPSIGNAL SIGTERM
                NOSUCH thing
                """, """
                0: keyword[FROM] type[a]
                1: keyword[LABEL] property[org.x] string["y"]
                2: keyword[EXPOSE] number[80/tcp] variable[$PORT]
                3: keyword[HEALTHCHECK] parameter[--interval] string[5s] keyword[CMD]
                4: keyword[ONBUILD] keyword[COPY] parameter[--from] string[a]
                5: keyword[SHELL] string["/bin/sh"] string["-c"]
                6: keyword[STOPSIGNAL]
                """);
    }

    @Test
    void windowsLineEndingsAndUnicodeCountInUtf16() {
        check("FROM a\r\nENV É=\"😀\" B=$É\r\n", """
                0: keyword[FROM] type[a]
                1: keyword[ENV] variable.declaration.definition[É] string["😀"] variable.declaration.definition[B] variable[$É]
                """);
    }

    @Test
    void badInputGivesWellFormedTokens() {
        for (String text : List.of("", "\n", "FROM", "RUN <<EOF\necho\n", "FROM a\nENV A=${B", "ENV =\n\\\n",
                "FROM a\nRUN \\", "# escape=`\nFROM a `\n", "\u0000\u0001\uFFFF\uD800 FROM\r\r\n")) {
            assertWellFormed(text, SemanticTokensService.encode(Fixture.document(text), null));
        }
        byte[] junk = new byte[4096];
        new java.util.Random(7).nextBytes(junk);
        String binary = new String(junk, StandardCharsets.ISO_8859_1);
        assertWellFormed(binary, SemanticTokensService.encode(Fixture.document(binary), null));
    }

    @Test
    void theRealCorpusGivesWellFormedTokens() throws IOException {
        int tokens = 0;
        for (Path p : SharedData.corpusFiles()) {
            String text = Files.readString(p, StandardCharsets.UTF_8);
            int[] data = SemanticTokensService.encode(Fixture.document(text), null);
            try {
                assertWellFormed(text, data);
            } catch (AssertionError e) {
                throw new AssertionError(p.getFileName() + ": " + e.getMessage(), e);
            }
            tokens += data.length / 5;
        }
        assertTrue(tokens > 10_000, "the corpus has tokens: " + tokens);
    }

    @Test
    void aRangeGivesTheTokensThatTouchIt() {
        String text = "FROM a\nENV A=1\nRUN echo $A\nFROM b\n";
        DocumentSnapshot s = Fixture.document(text);
        int[] data = SemanticTokensService.encode(s, new Range(new Position(1, 2), new Position(2, 3)));
        assertWellFormed(text, data);
        assertEquals("""
                1: keyword[ENV] variable.declaration.definition[A] string[1]
                2: keyword[RUN]
                """, TokenRendering.render(text, data));
        assertEquals(0, SemanticTokensService.encode(s, new Range(new Position(9, 0), new Position(12, 0))).length);
    }

    @Test
    void aDeltaIsTheEditFromTheLastResult() {
        SemanticTokensService service = new SemanticTokensService();
        String before = "FROM a AS x\nRUN echo $A\nCOPY --from=x /a /b\n";
        String after = "FROM a AS x\nRUN echo $A $B\nCOPY --from=x /a /b\n";
        SemanticTokens first = service.full(snapshot(before, 1));
        var delta = service.delta(snapshot(after, 2), first.getResultId());
        assertTrue(delta.delta().isPresent(), "the previous result is known");
        int[] expected = SemanticTokensService.encode(snapshot(after, 2), null);
        assertEquals(toList(expected), apply(first.getData(), delta.delta().get().getEdits()));
        assertEquals(1, delta.delta().get().getEdits().size());
        assertTrue(delta.delta().get().getEdits().get(0).getDeleteCount() < first.getData().size() / 2,
                "only the changed tokens are replaced");

        var same = service.delta(snapshot(after, 3), delta.delta().get().getResultId());
        assertEquals(List.of(), same.delta().orElseThrow().getEdits());
        var unknown = service.delta(snapshot(after, 4), "no-such-result");
        assertEquals(Optional.empty(), unknown.delta());
        assertEquals(toList(expected), unknown.full().orElseThrow().getData());
    }

    @Test
    void deltasOverTheCorpusRebuildTheNewTokens() throws IOException {
        List<Path> files = SharedData.corpusFiles();
        SemanticTokensService service = new SemanticTokensService();
        String uri = "file:///corpus/Dockerfile";
        List<Integer> current = service.full(new DocumentSnapshot(uri, 0, "", Settings.defaults())).getData();
        String id = null;
        for (int i = 0; i < files.size(); i += 7) {
            String text = Files.readString(files.get(i), StandardCharsets.UTF_8);
            DocumentSnapshot s = new DocumentSnapshot(uri, i + 1, text, Settings.defaults());
            if (id == null) {
                SemanticTokens full = service.full(s);
                current = full.getData();
                id = full.getResultId();
                continue;
            }
            var d = service.delta(s, id).delta().orElseThrow();
            current = apply(current, d.getEdits());
            assertEquals(toList(SemanticTokensService.encode(s, null)), current, files.get(i).getFileName().toString());
            id = d.getResultId();
        }
    }

    @Test
    void editsAreWholeTokens() {
        List<SemanticTokensEdit> edits = SemanticTokensService.edits(new int[] {0, 0, 4, 0, 0, 1, 0, 3, 0, 0},
                new int[] {0, 0, 4, 0, 0, 1, 0, 3, 1, 0});
        assertEquals(1, edits.size());
        assertEquals(5, edits.get(0).getStart());
        assertEquals(5, edits.get(0).getDeleteCount());
        assertEquals(List.of(1, 0, 3, 1, 0), edits.get(0).getData());
    }

    @Test
    void throughTheProtocol() throws Exception {
        try (LspSession s = new LspSession().initialize()) {
            var provider = s.initialized.getCapabilities().getSemanticTokensProvider();
            assertEquals(Legend.legend(), provider.getLegend());
            assertEquals(Boolean.TRUE, provider.getFull().getRight().getDelta());
            assertEquals(Boolean.TRUE, provider.getRange().getLeft());
            var documents = s.server().getTextDocumentService();
            var id = new TextDocumentIdentifier(Fixture.URI);
            s.open(Fixture.URI, "FROM a AS x\nRUN echo $A\n");
            SemanticTokens full = documents.semanticTokensFull(new SemanticTokensParams(id)).get(20, TimeUnit.SECONDS);
            assertEquals("0: keyword[FROM] type[a] keyword[AS] class.declaration.definition[x]\n1: keyword[RUN] variable[$A]\n",
                    TokenRendering.render("FROM a AS x\nRUN echo $A\n", toArray(full.getData())));
            int version = s.change(Fixture.URI, 1, 11, 1, 11, " $B");
            s.awaitDiagnostics(Fixture.URI, version);
            var delta = documents.semanticTokensFullDelta(new SemanticTokensDeltaParams(id, full.getResultId()))
                    .get(20, TimeUnit.SECONDS);
            assertEquals("0: keyword[FROM] type[a] keyword[AS] class.declaration.definition[x]\n"
                    + "1: keyword[RUN] variable[$A] variable[$B]\n", TokenRendering.render("FROM a AS x\nRUN echo $A $B\n",
                            toArray(apply(full.getData(), delta.getRight().getEdits()))));
            SemanticTokens range = documents.semanticTokensRange(new SemanticTokensRangeParams(id,
                    new Range(new Position(1, 0), new Position(2, 0)))).get(20, TimeUnit.SECONDS);
            assertEquals(15, range.getData().size());
        }
    }

    private static int[] toArray(List<Integer> data) {
        return data.stream().mapToInt(Integer::intValue).toArray();
    }

    private static DocumentSnapshot snapshot(String text, int version) {
        return new DocumentSnapshot(Fixture.URI, version, text, Settings.defaults());
    }

    private static List<Integer> toList(int[] data) {
        List<Integer> out = new ArrayList<>(data.length);
        for (int d : data) {
            out.add(d);
        }
        return out;
    }

    private static List<Integer> apply(List<Integer> data, List<SemanticTokensEdit> edits) {
        List<Integer> out = new ArrayList<>(data);
        for (int k = edits.size() - 1; k >= 0; k--) {
            SemanticTokensEdit e = edits.get(k);
            for (int i = 0; i < e.getDeleteCount(); i++) {
                out.remove(e.getStart());
            }
            out.addAll(e.getStart(), e.getData() == null ? List.of() : e.getData());
        }
        return out;
    }

}
