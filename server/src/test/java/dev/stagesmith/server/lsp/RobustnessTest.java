package dev.stagesmith.server.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.junit.jupiter.api.Test;

/** Inputs that must never crash or hang the server: huge files, binary junk, broken JSON-RPC, odd edits. */
class RobustnessTest {

    @Test
    void aFiveMegabyteFileIsCheckedAndTheServerStaysResponsive() throws Exception {
        StringBuilder big = new StringBuilder();
        int stage = 0;
        while (big.length() < 5_000_000) {
            big.append("FROM alpine AS s").append(stage).append('\n');
            for (int i = 0; i < 40; i++) {
                big.append("RUN echo step ").append(i).append(" && make -j4 target-").append(i).append(" \\\n")
                        .append("    && rm -rf /tmp/build-").append(i).append('\n');
            }
            stage++;
        }
        try (LspSession s = new LspSession().initialize()) {
            s.open("file:///big/Dockerfile", big.toString());
            PublishDiagnosticsParams p = s.awaitDiagnostics("file:///big/Dockerfile", 1);
            assertNotNull(p.getDiagnostics());
            s.server().shutdown().get(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void binaryJunkIsJustABadDockerfile() throws Exception {
        Random random = new Random(7);
        StringBuilder junk = new StringBuilder();
        for (int i = 0; i < 200_000; i++) {
            junk.append((char) random.nextInt(0x10000));
        }
        try (LspSession s = new LspSession().initialize()) {
            s.open("file:///junk/Dockerfile", junk.toString());
            assertNotNull(s.awaitDiagnostics("file:///junk/Dockerfile", 1));
            s.server().shutdown().get(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void malformedJsonRpcDoesNotStopTheServer() throws Exception {
        try (LspSession s = new LspSession().initialize()) {
            String garbage = "{\"jsonrpc\":\"2.0\",\"id\":99,\"method\":";
            s.sendRaw("Content-Length: " + garbage.length() + "\r\n\r\n" + garbage);
            String notJson = "this is not json";
            s.sendRaw("Content-Length: " + notJson.length() + "\r\n\r\n" + notJson);
            s.open("file:///after/Dockerfile", "FROM alpine\nENV ONLYKEY\n");
            assertEquals(1, s.awaitDiagnostics("file:///after/Dockerfile", 1).getDiagnostics().size());
        }
    }

    @Test
    void editsOutsideTheTextAndChangesToUnopenedDocumentsAreClamped() throws Exception {
        String uri = "file:///odd/Dockerfile";
        try (LspSession s = new LspSession().initialize()) {
            s.open(uri, "FROM alpine\n");
            s.awaitDiagnostics(uri, 1);
            s.change(uri, 500, 3, 900, 0, "RUN echo appended\n");
            int v = s.change(uri, 0, 9999, 0, 9999, " AS base");
            s.awaitDiagnostics(uri, v);
            assertEquals("FROM alpine AS base\nRUN echo appended\n",
                    s.implementation().documents().get(uri).orElseThrow().text());
            int other = s.change("file:///never/opened", 0, 0, 0, 0, "FROM scratch\n");
            assertTrue(s.awaitDiagnostics("file:///never/opened", other).getDiagnostics().isEmpty());
        }
    }
}
