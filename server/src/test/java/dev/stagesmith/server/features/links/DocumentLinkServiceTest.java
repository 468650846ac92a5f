package dev.stagesmith.server.features.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagesmith.server.SharedData;
import dev.stagesmith.server.features.Fixture;
import dev.stagesmith.server.features.Positions;
import dev.stagesmith.server.lsp.LspSession;
import dev.stagesmith.server.settings.Settings;
import dev.stagesmith.server.workspace.DocumentSnapshot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.DocumentLink;
import org.eclipse.lsp4j.DocumentLinkParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;

class DocumentLinkServiceTest {

    /** Links as {@code linked text -> target}. */
    private static List<String> links(DocumentSnapshot s) {
        return DocumentLinkService.links(s).stream().map(l -> render(s, l)).toList();
    }

    private static String render(DocumentSnapshot s, DocumentLink l) {
        return Positions.textRange(s.parsed(), l.getRange()).of(s.text()) + " -> " + l.getTarget();
    }

    private static void check(String text, String... expected) {
        assertEquals(List.of(expected), links(Fixture.document(text)));
    }

    @Test
    void dockerHubOfficialAndUserImages() {
        check("FROM alpine:3.19\nFROM library/debian\nFROM docker.io/grafana/grafana@sha256:0123456789abcdef0123456789abcdef\n",
                "alpine:3.19 -> https://hub.docker.com/_/alpine",
                "library/debian -> https://hub.docker.com/_/debian",
                "docker.io/grafana/grafana@sha256:0123456789abcdef0123456789abcdef -> https://hub.docker.com/r/grafana/grafana");
    }

    @Test
    void otherRegistriesWithKnownPages() {
        check("FROM ghcr.io/owner/tool:1\nFROM quay.io/prometheus/node-exporter\nFROM mcr.microsoft.com/dotnet/sdk:8.0\n"
                + "FROM registry.example.com/team/app\nFROM localhost:5000/app\n",
                "ghcr.io/owner/tool:1 -> https://ghcr.io/owner/tool",
                "quay.io/prometheus/node-exporter -> https://quay.io/repository/prometheus/node-exporter",
                "mcr.microsoft.com/dotnet/sdk:8.0 -> https://mcr.microsoft.com/en-us/artifact/mar/dotnet/sdk");
    }

    @Test
    void stagesScratchAndInvalidReferencesAreNotLinked() {
        check("FROM alpine AS base\nFROM base\nFROM scratch\nFROM Upper/Case\nCOPY --from=base /a /b\n",
                "alpine -> https://hub.docker.com/_/alpine");
    }

    @Test
    void variablesAreResolvedFirstAndUnsettledOnesAreSkipped() {
        check("ARG V=3.19\nFROM alpine:${V}\nFROM node:${NODE}\nFROM nginx:${TAG:-latest}\nFROM ${IMAGE}\n",
                "alpine:${V} -> https://hub.docker.com/_/alpine",
                "nginx:${TAG:-latest} -> https://hub.docker.com/_/nginx");
    }

    @Test
    void buildArgsFromTheSettingsCount() {
        Settings settings = new Settings(Map.of(), Map.of("IMAGE", "quay.io/a/b"), Optional.empty(), true, true);
        assertEquals(List.of("${IMAGE} -> https://quay.io/repository/a/b"),
                links(Fixture.of("ARG IMAGE\nFROM <|>${IMAGE}\n", settings).snapshot()));
    }

    @Test
    void imagesCopiedOrMountedFrom() {
        check("FROM a AS x\nCOPY --from=nginx:1 /a /b\nRUN --mount=from=quay.io/x/y,target=/m true\nCOPY --from=x /a /b\n",
                "a -> https://hub.docker.com/_/a",
                "nginx:1 -> https://hub.docker.com/_/nginx",
                "quay.io/x/y -> https://quay.io/repository/x/y");
    }

    @Test
    void badInputGivesNoLinksOrValidOnes() {
        check("");
        check("FROM\n");
        check("FROM @@@\n");
        check("\u0000FROM \uD800\n");
    }

    @Test
    void everyCorpusLinkCoversItsReference() throws Exception {
        int count = 0;
        for (Path p : SharedData.corpusFiles()) {
            DocumentSnapshot s = Fixture.document(Files.readString(p, StandardCharsets.UTF_8));
            for (DocumentLink l : DocumentLinkService.links(s)) {
                String text = Positions.textRange(s.parsed(), l.getRange()).of(s.text());
                assertTrue(!text.isEmpty() && l.getTarget().startsWith("https://"), p.getFileName() + ": " + text);
                count++;
            }
        }
        assertTrue(count > 100, "links in the corpus: " + count);
    }

    @Test
    void throughTheProtocol() throws Exception {
        try (LspSession s = new LspSession().initialize()) {
            assertEquals(Boolean.FALSE, s.initialized.getCapabilities().getDocumentLinkProvider().getResolveProvider());
            s.open(Fixture.URI, "FROM golang:1.22 AS build\nFROM build\n");
            List<DocumentLink> links = s.server().getTextDocumentService()
                    .documentLink(new DocumentLinkParams(new TextDocumentIdentifier(Fixture.URI)))
                    .get(20, TimeUnit.SECONDS);
            assertEquals(List.of("https://hub.docker.com/_/golang"), links.stream().map(DocumentLink::getTarget).toList());
        }
    }
}
