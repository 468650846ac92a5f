package dev.stagesmith.server.features.inlayhints;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stagesmith.grammar.stages.Platform;
import dev.stagesmith.server.features.Fixture;
import dev.stagesmith.server.features.Positions;
import dev.stagesmith.server.lsp.LspSession;
import dev.stagesmith.server.settings.Settings;
import dev.stagesmith.server.workspace.DocumentSnapshot;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;

class InlayHintServiceTest {

    private static final Settings ARM = new Settings(Map.of(), Map.of(), Platform.parse("linux/arm64/v8"), true, true);

    /** The text with each hint written in where the editor shows it, as {@code ⟨label⟩}. */
    private static String render(DocumentSnapshot s, List<InlayHint> hints) {
        StringBuilder out = new StringBuilder(s.text());
        hints.stream().sorted(Comparator.comparingInt((InlayHint h) -> offset(s, h.getPosition())).reversed())
                .forEach(h -> out.insert(offset(s, h.getPosition()), "⟨" + h.getLabel().getLeft() + "⟩"));
        return out.toString();
    }

    private static int offset(DocumentSnapshot s, Position p) {
        return Positions.offset(s.parsed(), p);
    }

    private static void check(String text, Settings settings, String expected) {
        DocumentSnapshot s = new DocumentSnapshot(Fixture.URI, 1, text, settings);
        assertEquals(expected, render(s, InlayHintService.hints(s, null)));
    }

    @Test
    void theResolvedBaseFollowsTheBaseWord() {
        check("ARG GO=1.22\nFROM golang:${GO}-alpine AS build\nFROM alpine\n", ARM,
                "ARG GO=1.22\nFROM golang:${GO}-alpine⟨= golang:1.22-alpine⟩ AS build\nFROM alpine\n");
    }

    @Test
    void theResolvedPlatformFollowsTheFlag() {
        check("FROM --platform=$TARGETPLATFORM golang AS build\nFROM --platform=${TARGETOS}/amd64 alpine\n", ARM,
                "FROM --platform=$TARGETPLATFORM⟨= linux/arm64/v8⟩ golang AS build\n"
                        + "FROM --platform=${TARGETOS}/amd64⟨= linux/amd64⟩ alpine\n");
    }

    @Test
    void buildArgsFromTheSettingsWin() {
        Settings settings = new Settings(Map.of(), Map.of("GO", "1.23"), Optional.empty(), true, true);
        check("ARG GO=1.22\nFROM golang:$GO\n", settings, "ARG GO=1.22\nFROM golang:$GO⟨= golang:1.23⟩\n");
    }

    @Test
    void unsetVariablesShowWhatBuildKitWouldUse() {
        DocumentSnapshot s = new DocumentSnapshot(Fixture.URI, 1, "FROM ${IMAGE}\nFROM app:${TAG}\n", ARM);
        List<InlayHint> hints = InlayHintService.hints(s, null);
        assertEquals("FROM ${IMAGE}⟨= \"\"⟩\nFROM app:${TAG}⟨= app:⟩\n", render(s, hints));
        assertEquals(true, hints.get(1).getTooltip().getLeft().contains("not set: TAG"));
    }

    @Test
    void linesWithoutVariablesAndOtherInstructionsGetNone() {
        check("ARG A=1\nFROM alpine\nRUN echo $A\nENV B=$A\n", ARM, "ARG A=1\nFROM alpine\nRUN echo $A\nENV B=$A\n");
    }

    @Test
    void onlyTheRequestedRange() {
        DocumentSnapshot s = new DocumentSnapshot(Fixture.URI, 1, "ARG V=1\nFROM a:$V\nFROM b:$V\nFROM c:$V\n", ARM);
        List<InlayHint> hints = InlayHintService.hints(s, new Range(new Position(2, 0), new Position(2, 9)));
        assertEquals("ARG V=1\nFROM a:$V\nFROM b:$V⟨= b:1⟩\nFROM c:$V\n", render(s, hints));
        assertEquals(List.of(), InlayHintService.hints(s, new Range(new Position(40, 0), new Position(50, 0))));
    }

    @Test
    void badInputGivesNoHints() {
        check("", ARM, "");
        check("FROM ${\n", ARM, "FROM ${\n");
        check("FROM --platform= $\u0000\n", ARM, "FROM --platform= $\u0000\n");
    }

    @Test
    void throughTheProtocol() throws Exception {
        try (LspSession s = new LspSession()) {
            s.configuration("{\"build\": {\"args\": {\"V\": \"3.20\"}}}");
            s.initialize();
            assertEquals(Boolean.TRUE, s.initialized.getCapabilities().getInlayHintProvider().getLeft());
            s.open(Fixture.URI, "ARG V=3.19\nFROM alpine:$V\n");
            s.awaitDiagnostics(Fixture.URI, null);
            List<InlayHint> hints = s.server().getTextDocumentService().inlayHint(new InlayHintParams(
                    new TextDocumentIdentifier(Fixture.URI), new Range(new Position(0, 0), new Position(2, 0))))
                    .get(20, TimeUnit.SECONDS);
            assertEquals(List.of("= alpine:3.20"), hints.stream().map(h -> h.getLabel().getLeft()).toList());
        }
    }
}
