package dev.stagesmith.server.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stagesmith/stages} and the command {@code stagesmith.stages}, over a real JSON-RPC connection. */
class StagesProtocolTest {

    private static final String URI = "file:///project/Dockerfile";

    private static final String DOCKERFILE = """
            FROM golang:1.22 AS build
            RUN go build -o /out/app
            FROM alpine:3.20
            RUN --mount=type=cache,from=build,target=/c true
            FROM scratch AS app
            COPY --from=build /out/app /app
            COPY --from=1 /etc/ssl /etc/ssl
            FROM app AS debug
            """;

    private static JsonObject request(LspSession s, Object params) throws Exception {
        return s.stages(params).get(20, TimeUnit.SECONDS).getAsJsonObject();
    }

    private static ResponseError refusal(LspSession s, Object params) {
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> s.stages(params).get(20, TimeUnit.SECONDS));
        return assertInstanceOf(ResponseErrorException.class, e.getCause()).getResponseError();
    }

    @Test
    void theCommandIsAdvertised() throws Exception {
        try (LspSession s = new LspSession().initialize()) {
            assertTrue(s.initialized.getCapabilities().getExecuteCommandProvider().getCommands()
                    .contains("stagesmith.stages"));
        }
    }

    @Test
    void stagesCarryLabelBaseFromLineAndRange() throws Exception {
        try (LspSession s = new LspSession().initialize()) {
            s.open(URI, DOCKERFILE);
            JsonObject r = request(s, Map.of("uri", URI));
            assertEquals(URI, r.get("uri").getAsString());
            assertFalse(r.has("rendered"), "no picture unless a format is asked for");
            JsonArray stages = r.getAsJsonArray("stages");
            assertEquals(4, stages.size());
            JsonObject unnamed = stages.get(1).getAsJsonObject();
            assertEquals(1, unnamed.get("index").getAsInt());
            assertTrue(unnamed.has("name") && unnamed.get("name").isJsonNull(), "name: null, " + unnamed);
            assertEquals("#1", unnamed.get("label").getAsString());
            assertEquals(obj("{kind: 'image', text: 'alpine:3.20'}"), unnamed.get("base"));
            assertEquals(2, unnamed.get("line").getAsInt());
            assertEquals(obj("{start: {line: 2, character: 0}, end: {line: 2, character: 16}}"),
                    unnamed.get("range"));
            assertEquals(obj("{kind: 'scratch', text: 'scratch'}"), stages.get(2).getAsJsonObject().get("base"));
            JsonObject debug = stages.get(3).getAsJsonObject();
            assertEquals("debug", debug.get("name").getAsString());
            assertEquals(obj("{kind: 'stage', text: 'app'}"), debug.get("base"));
            for (JsonElement st : stages) {
                assertFalse(st.getAsJsonObject().get("needed").getAsBoolean(), "nothing is needed without a target");
            }
        }
    }

    @Test
    void edgesHaveKindLineAndTheReferencesRange() throws Exception {
        try (LspSession s = new LspSession().initialize()) {
            s.open(URI, DOCKERFILE);
            JsonArray edges = request(s, Map.of("uri", URI)).getAsJsonArray("edges");
            assertEquals(List.of("0->1 mount @3", "0->2 COPY @5", "1->2 COPY @6", "2->3 FROM @7"),
                    edges.asList().stream().map(JsonElement::getAsJsonObject).map(e -> e.get("from").getAsInt()
                            + "->" + e.get("to").getAsInt() + " " + e.get("kind").getAsString() + " @"
                            + e.get("line").getAsInt()).toList());
            assertEquals(obj("{start: {line: 5, character: 12}, end: {line: 5, character: 17}}"),
                    edges.get(1).getAsJsonObject().get("range"), "the range of 'build' in COPY --from=build");
        }
    }

    @Test
    void aTargetMarksExactlyTheStagesItNeedsAndTheSvgShowsThem() throws Exception {
        try (LspSession s = new LspSession().initialize()) {
            s.open(URI, DOCKERFILE);
            JsonObject r = request(s, Map.of("uri", URI, "target", "APP", "format", "svg"));
            assertEquals(List.of(true, true, true, false), r.getAsJsonArray("stages").asList().stream()
                    .map(st -> st.getAsJsonObject().get("needed").getAsBoolean()).toList());
            String svg = r.get("rendered").getAsString();
            assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), svg);
            assertTrue(svg.contains("<g class=\"stage\" data-stage=\"2\" data-line=\"4\" data-needed=\"true\""
                    + " data-target=\"true\">"), svg);
            assertTrue(svg.contains("<g class=\"stage\" data-stage=\"3\" data-line=\"7\" data-needed=\"false\">"), svg);
        }
    }

    @Test
    void anUnnamedStageIsTargetedByItsIndex() throws Exception {
        try (LspSession s = new LspSession().initialize()) {
            s.open(URI, DOCKERFILE);
            JsonObject r = request(s, Map.of("uri", URI, "target", "1", "format", "dot"));
            assertEquals(List.of(true, true, false, false), r.getAsJsonArray("stages").asList().stream()
                    .map(st -> st.getAsJsonObject().get("needed").getAsBoolean()).toList());
            assertTrue(r.get("rendered").getAsString().startsWith("digraph stages {"));
            assertTrue(request(s, Map.of("uri", URI, "format", "mermaid")).get("rendered").getAsString()
                    .startsWith("flowchart LR\n"));
        }
    }

    @Test
    void theCommandAnswersExactlyAsTheRequest() throws Exception {
        try (LspSession s = new LspSession().initialize()) {
            s.open(URI, DOCKERFILE);
            Map<String, String> params = Map.of("uri", URI, "target", "debug", "format", "mermaid");
            Object viaCommand = s.server().getWorkspaceService().executeCommand(
                    new ExecuteCommandParams("stagesmith.stages", List.of(params))).get(20, TimeUnit.SECONDS);
            assertEquals(request(s, params), new GsonBuilder().serializeNulls().create().toJsonTree(viaCommand));
        }
    }

    @Test
    void badRequestsFailWithAOneLineReason() throws Exception {
        try (LspSession s = new LspSession().initialize()) {
            s.open(URI, DOCKERFILE);
            ResponseError target = refusal(s, Map.of("uri", URI, "target", "ap"));
            assertEquals(-32803, target.getCode());
            assertEquals("target stage \"ap\" is not defined in Dockerfile; did you mean \"app\"?", target.getMessage());
            ResponseError format = refusal(s, Map.of("uri", URI, "format", "png"));
            assertEquals(-32803, format.getCode());
            assertTrue(format.getMessage().startsWith("format \"png\" is not one of dot, mermaid, svg"),
                    format.getMessage());
            ResponseError missing = refusal(s, Map.of("uri", "untitled:Untitled-1"));
            assertEquals("untitled:Untitled-1 is not open; open it in the editor first", missing.getMessage());
            ExecutionException noArgument = assertThrows(ExecutionException.class, () -> s.server()
                    .getWorkspaceService().executeCommand(new ExecuteCommandParams("stagesmith.stages", List.of()))
                    .get(20, TimeUnit.SECONDS));
            assertTrue(noArgument.getCause().getMessage().contains("takes one argument"), noArgument.getMessage());
            // The server is still answering.
            assertEquals(4, request(s, Map.of("uri", URI)).getAsJsonArray("stages").size());
        }
    }

    @Test
    void aSavedDockerfileThatIsNotOpenIsReadFromDisk(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("Dockerfile");
        Files.writeString(file, "FROM alpine AS base\nONBUILD COPY --from=base /a /b\nFROM base\n");
        try (LspSession s = new LspSession().initialize()) {
            JsonObject r = request(s, Map.of("uri", file.toUri().toString()));
            assertEquals(2, r.getAsJsonArray("stages").size());
            JsonObject inherited = r.getAsJsonArray("edges").get(1).getAsJsonObject();
            assertEquals("COPY", inherited.get("kind").getAsString(), "an ONBUILD COPY --from counts as a COPY");
            assertEquals(1, inherited.get("line").getAsInt(), "written in the parent's ONBUILD");
        }
    }

    private static JsonElement obj(String json) {
        return JsonParser.parseString(json);
    }
}
