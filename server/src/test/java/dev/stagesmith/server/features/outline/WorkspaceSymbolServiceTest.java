package dev.stagesmith.server.features.outline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stagesmith.server.lsp.LspSession;
import dev.stagesmith.server.settings.Settings;
import dev.stagesmith.server.workspace.DocumentSnapshot;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.junit.jupiter.api.Test;

class WorkspaceSymbolServiceTest {

    private static final List<DocumentSnapshot> WORKSPACE = List.of(
            new DocumentSnapshot("file:///p/api/Dockerfile", 1,
                    "FROM golang AS build\nFROM build AS test\nFROM alpine AS runtime\n", Settings.defaults()),
            new DocumentSnapshot("file:///p/web/Dockerfile.dev", 1,
                    "FROM node AS Builder\nFROM nginx\n", Settings.defaults()));

    /** Matches as {@code name@file:line}, best first. */
    private static List<String> search(String query) {
        return WorkspaceSymbolService.symbols(WORKSPACE, query).stream().map(WorkspaceSymbolServiceTest::render).toList();
    }

    private static String render(SymbolInformation s) {
        return s.getName() + "@" + s.getContainerName() + ":" + s.getLocation().getRange().getStart().getLine();
    }

    @Test
    void stagesOfEveryOpenDockerfileMatchFuzzilyIgnoringCase() {
        assertEquals(List.of("build@Dockerfile:0", "Builder@Dockerfile.dev:0"), search("build"));
        assertEquals(List.of("runtime@Dockerfile:2"), search("RNTM"));
        assertEquals(List.of("test@Dockerfile:1"), search("est"));
        assertEquals(List.of(), search("xyz"));
    }

    @Test
    void exactThenPrefixThenSubstringThenScattered() {
        assertEquals(List.of("test@Dockerfile:1", "runtime@Dockerfile:2", "stage-1@Dockerfile.dev:1"), search("t"));
        assertEquals(5, search("").size());
    }

    @Test
    void throughTheProtocol() throws Exception {
        try (LspSession s = new LspSession().initialize()) {
            assertEquals(Boolean.TRUE, s.initialized.getCapabilities().getWorkspaceSymbolProvider().getLeft());
            s.open("file:///p/a/Dockerfile", "FROM golang AS build\n");
            s.open("file:///p/b/Dockerfile", "FROM node AS bundle\n");
            var result = s.server().getWorkspaceService().symbol(new WorkspaceSymbolParams("bu"))
                    .get(20, TimeUnit.SECONDS);
            // The JSON of a SymbolInformation also reads as a WorkspaceSymbol; lsp4j's client picks either side.
            List<String> names = result.isLeft() ? result.getLeft().stream().map(SymbolInformation::getName).toList()
                    : result.getRight().stream().map(w -> w.getName()).toList();
            assertEquals(List.of("build", "bundle"), names);
        }
    }
}
