package dev.stagesmith.server.features.hover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagesmith.server.features.Fixture;
import dev.stagesmith.server.lsp.LspSession;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverCapabilities;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.junit.jupiter.api.Test;

class HoverServiceTest {

    private static Hover hover(String marked, ClientCapabilities client) {
        Fixture f = Fixture.of(marked);
        return HoverService.hover(f.snapshot(), f.position(), client);
    }

    /** The Markdown hover at the cursor contains every fragment, in order. */
    private static void check(String marked, String... fragments) {
        Hover h = hover(marked, new ClientCapabilities());
        assertTrue(h != null, "no hover for " + marked);
        String text = h.getContents().getRight().getValue();
        int from = 0;
        for (String fragment : fragments) {
            int at = text.indexOf(fragment, from);
            assertTrue(at >= 0, "expected '" + fragment + "' after offset " + from + " in:\n" + text);
            from = at + fragment.length();
        }
    }

    private static void none(String marked) {
        assertNull(hover(marked, new ClientCapabilities()), marked);
    }

    @Test
    void instructionDocsLinkToTheReference() {
        check("CO<|>PY --from=x /a /b", "**COPY**: Copies files", "```dockerfile\nCOPY [--from=",
                "(https://docs.docker.com/reference/dockerfile/#copy)");
        check("maint<|>ainer me", "**MAINTAINER**", "#maintainer-deprecated)");
        check("FROM alpine\nONBUILD R<|>UN make", "**RUN**");
        none("FR<|>OB alpine");
    }

    @Test
    void flagDocs() {
        check("FROM alpine\nCOPY --fr<|>om=build /a /b", "**--from** (COPY): Copies from a build stage",
                "Takes a value, once: `--from=<value>`", "#copy)");
        check("FROM alpine\nCOPY --li<|>nk /a /b", "**--link** (COPY)", "On or off: `--link` or `--link=false`");
        check("FROM alpine\nRUN --mo<|>unt=type=cache,target=/c make", "may be given more than once");
        check("FROM alpine\nCOPY --fro<|>mm=build /a /b", "`--fromm` is not a flag of COPY", "accepts `--from`",
                "and `--exclude`.");
        check("FROM alpine\nWORKDIR --fo<|>o=1 /x", "WORKDIR takes no flags.");
    }

    @Test
    void stagesShowTheirBaseChainSourcesAndDependents() {
        String file = "FROM golang:1.22 AS deps\n"
                + "FROM deps AS bu<|>ild\n"
                + "COPY --from=tools /t /t\n"
                + "RUN --mount=from=deps,target=/d make\n"
                + "FROM alpine AS tools\n"
                + "FROM build AS final\n"
                + "COPY --from=build /app /app\n";
        check(file, "**Stage** `build`: stage 2 of 4, line 2", "Base: `build ← deps ← golang:1.22`",
                "Copies from:\n- `tools`, COPY --from, line 3\n- `deps`, RUN --mount from=, line 4",
                "Used by:\n- `final`, FROM, line 6\n- `final`, COPY --from, line 7");
        check("FROM alpine AS build\nFROM scratch\nCOPY --from=bu<|>ild /a /b",
                "**Stage** `build`: stage 1 of 2, line 1", "Base: `build ← alpine`", "Used by:\n- `stage-1`");
        check("FROM alpine\nFROM scratch\nCOPY --from=<|>0 /a /b", "Refers to stage 0 by its index.",
                "**Stage 0** (`stage-0`, no name)");
        check("FROM alpine AS a\nCOPY --from=<|>b /x /y\nFROM alpine AS b", "BuildKit rejects this: stage `b` is"
                + " defined later (line 3)");
        check("FROM alpine AS a\nCOPY --from=<|>a /x /y", "Refers to its own stage");
        check("FROM alpine AS l<|>ast", "the default target", "No stage uses it.");
        check("FROM alpine AS tools\nFROM alpine AS base\nONBUILD COPY --from=to<|>ols /t /t\nFROM base AS app",
                "In an ONBUILD trigger: resolved when stage `app` is built on this one.", "**Stage** `tools`",
                "Used by:\n- `app`, ONBUILD COPY --from, line 3");
        check("FROM alpine AS f<|>irst\nFROM alpine", "No stage uses it; it is built only as a --target.");
        check("FROM alpine AS base\nFROM scratch AS s\nFROM s AS t<|>op", "Base: `top ← s ← scratch`");
    }

    @Test
    void imagesAreSplitIntoTheirParts() {
        check("FROM gol<|>ang:1.22", "**Image** `golang:1.22`", "- Registry: `docker.io` (Docker Hub, the default)",
                "- Repository: `library/golang`", "- Tag: `1.22`");
        check("FROM ghcr.io/org/t<|>ool@sha256:" + "a".repeat(64), "- Registry: `ghcr.io`",
                "- Repository: `org/tool`", "- Tag: none (pinned by digest)", "- Digest: `sha256:aaaa");
        check("ARG V=1.22\nFROM go<|>lang:${V}", "**Image** `golang:1.22` (written `golang:${V}`)");
        check("ARG V\nFROM go<|>lang:${V}", "ARGs without a value leave this incomplete: `V`", "- Tag: (empty)");
        check("FROM alp<|>ine", "- Tag: `latest` (no tag given)");
        check("FROM alpine AS build\nFROM Bu<|>ild", "Not stage `build` (line 1): FROM matches stage names"
                + " case-sensitively", "not a valid image reference");
        check("FROM alpine\nCOPY --from=ngi<|>nx:1 /a /b", "No stage is named `nginx:1`, so BuildKit uses it as an"
                + " image.");
        check("FROM scr<|>atch", "**scratch**: an empty filesystem");
    }

    @Test
    void variablesShowTheirValueAndWhereItWasSet() {
        check("FROM alpine\nENV GOOS=linux\nRUN echo $GO<|>OS", "**$GOOS** = `linux`", "Set by ENV on line 2.");
        check("FROM alpine AS base\nENV A=1\nFROM base\nENV B=${A}2\nWORKDIR /$<|>B", "**$B** = `12`",
                "Set by ENV on line 4.");
        check("FROM alpine AS base\nENV A=1\nFROM base\nWORKDIR /$<|>A", "**$A** = `1`",
                "Set by ENV on line 2 in stage base (inherited through FROM).");
        check("ARG V=1.22\nFROM alpine\nARG V\nRUN echo $<|>V", "**$V** = `1.22`", "Declared by ARG on line 3,"
                + " which takes the value of the global ARG on line 1, default `1.22`",
                "a `--build-arg V=…` overrides it.");
        check("FROM alpine\nARG V=2\nRUN echo $<|>V", "**$V** = `2`", "Declared by ARG on line 2, default `2`");
        check("ARG V=1.22\nFROM golang:$<|>V", "**$V** = `1.22`", "Global ARG on line 1, default `1.22`");
        check("FROM --platform=$BUILD<|>PLATFORM alpine", "**$BUILDPLATFORM** = `linux/",
                "Automatic platform ARG set by BuildKit");
        check("FROM alpine\nRUN echo $<|>HOME", "**$HOME** is not set here",
                "it may come from the base image `alpine`. The script may also set it itself.");
        check("FROM scratch\nWORKDIR /$<|>HOME", "**$HOME** is not set here", "Not set: it expands to an empty"
                + " string.");
        check("ARG V=1\nFROM alpine\nRUN echo $<|>V", "The global ARG `V` is not visible in a stage until the"
                + " stage redeclares it: add `ARG V` after FROM.");
        check("FROM alpine\nRUN echo $TARGET<|>ARCH", "The automatic platform ARG `TARGETARCH`");
        check("FROM alpine\nARG X\nRUN echo $<|>X", "**$X** is declared without a value (unset)");
        check("FROM alpine\nENV A=1\nWORKDIR /${A<|>:-x}/${B:-y}", "`${A:-x}` expands to `1`");
        check("FROM alpine\nWORKDIR /${B<|>:+y}z", "`${B:+y}` expands to (empty)");
        check("FROM alpine\nARG A=1\nCMD echo $<|>A", "**$A** is not in the container's environment",
                "ARG values are gone");
        check("FROM alpine\nENV A=1\nCMD echo $<|>A", "**$A** = `1`");
        check("FROM scratch\nWORKDIR $P<|>ATH", "Set by BuildKit for images built FROM scratch.");
    }

    @Test
    void declarationsShowTheirValue() {
        check("FROM alpine\nENV GO<|>OS=linux", "**ENV GOOS** = `linux`", "Set by ENV on line 2.");
        check("ARG V<|>=1\nFROM alpine", "**ARG V** = `1`", "Global ARG on line 1, default `1`",
                "FROM lines see it; a stage sees it only after `ARG V` in that stage.");
        check("ARG V=1\nFROM alpine\nARG <|>V", "**ARG V** = `1`", "takes the value of the global ARG on line 1");
        check("FROM alpine\nARG <|>V", "**ARG V** (no value)",
                "it has a value only when `--build-arg V=…` is given.");
    }

    @Test
    void plainTextForClientsWithoutMarkdown() {
        ClientCapabilities client = new ClientCapabilities();
        TextDocumentClientCapabilities td = new TextDocumentClientCapabilities();
        td.setHover(new HoverCapabilities(List.of(MarkupKind.PLAINTEXT), false));
        client.setTextDocument(td);
        Hover h = hover("FROM alpine\nENV GOOS=linux\nRUN echo $GO<|>OS", client);
        assertEquals(MarkupKind.PLAINTEXT, h.getContents().getRight().getKind());
        assertEquals("$GOOS = linux\n\nSet by ENV on line 2.", h.getContents().getRight().getValue());
    }

    @Test
    void rangeCoversTheWholeReference() {
        Hover h = hover("FROM alpine\nWORKDIR /${A<|>:-x}", new ClientCapabilities());
        assertEquals(1, h.getRange().getStart().getLine());
        assertEquals(9, h.getRange().getStart().getCharacter());
        assertEquals(16, h.getRange().getEnd().getCharacter());
    }

    @Test
    void overTheProtocol() throws Exception {
        String uri = "file:///project/Dockerfile";
        try (LspSession s = new LspSession().initialize()) {
            assertTrue(s.initialized.getCapabilities().getHoverProvider().getLeft());
            s.open(uri, "ARG V=3.20\nFROM alpine:$V\n");
            Hover h = s.server().getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri),
                    new Position(1, 13))).get(10, TimeUnit.SECONDS);
            assertEquals(MarkupKind.MARKDOWN, h.getContents().getRight().getKind());
            assertTrue(h.getContents().getRight().getValue().startsWith("**$V** = `3.20`"), h.toString());
            assertNull(s.server().getTextDocumentService().hover(new HoverParams(
                    new TextDocumentIdentifier("file:///not/open"), new Position(0, 0))).get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void nothingWhereThereIsNothingToSay() {
        none("# a comm<|>ent\nFROM alpine");
        none("<|>");
        none("FROM alpine\nRUN echo hel<|>lo");
        none("FROM alpine\nRUN echo ${<|>");
    }
}
