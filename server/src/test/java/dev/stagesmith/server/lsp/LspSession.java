package dev.stagesmith.server.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import dev.stagesmith.server.features.build.BuildLogParams;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.ConfigurationParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * A real JSON-RPC session with the server in this JVM: a test client on one end of a pipe, the server
 * on the other. Notifications are waited on as events, never with sleeps.
 */
public final class LspSession implements AutoCloseable {

    /** What the test client received, queued in arrival order. */
    public final BlockingQueue<PublishDiagnosticsParams> diagnostics = new LinkedBlockingQueue<>();
    public final BlockingQueue<MessageParams> logs = new LinkedBlockingQueue<>();
    public final BlockingQueue<Integer> exits = new LinkedBlockingQueue<>();
    /** {@code $/progress}, {@code window/workDoneProgress/create} tokens, build log lines, showMessage. */
    public final BlockingQueue<ProgressParams> progress = new LinkedBlockingQueue<>();
    public final BlockingQueue<Either<String, Integer>> progressTokens = new LinkedBlockingQueue<>();
    public final BlockingQueue<BuildLogParams> buildLogs = new LinkedBlockingQueue<>();
    public final BlockingQueue<MessageParams> shown = new LinkedBlockingQueue<>();
    public final AtomicInteger lensRefreshes = new AtomicInteger();

    private final Extended server;
    private final StagesmithLanguageServer implementation;
    private final OutputStream toServer;
    private final OutputStream toClient;
    private volatile JsonElement configuration = JsonParser.parseString("{}");
    private final AtomicInteger versions = new AtomicInteger(1);
    public InitializeResult initialized;

    public LspSession() throws IOException {
        // NIO pipes, not java.io's PipedInputStream: that one reports "write end dead" once the last thread
        // that wrote has ended, and the server writes from build threads that end with their build.
        Pipe toServerPipe = Pipe.open();
        InputStream serverIn = Channels.newInputStream(toServerPipe.source());
        toServer = Channels.newOutputStream(toServerPipe.sink());
        Pipe toClientPipe = Pipe.open();
        InputStream clientIn = Channels.newInputStream(toClientPipe.source());
        toClient = Channels.newOutputStream(toClientPipe.sink());
        implementation = new StagesmithLanguageServer(exits::add);
        Launcher<StagesmithClient> serverSide = new Launcher.Builder<StagesmithClient>().setLocalService(implementation)
                .setRemoteInterface(StagesmithClient.class).setInput(serverIn).setOutput(toClient).create();
        implementation.connect(serverSide.getRemoteProxy());
        serverSide.startListening();
        Launcher<Extended> clientSide = new Launcher.Builder<Extended>().setLocalService(new Client())
                .setRemoteInterface(Extended.class).setInput(clientIn).setOutput(toServer).create();
        clientSide.startListening();
        server = clientSide.getRemoteProxy();
    }

    /** Initializes with configuration support, so settings travel through {@code workspace/configuration}. */
    public LspSession initialize() throws Exception {
        return initialize(p -> { });
    }

    /** Initializes with configuration support and whatever else {@code customize} sets. */
    public LspSession initialize(java.util.function.Consumer<InitializeParams> customize) throws Exception {
        InitializeParams params = new InitializeParams();
        ClientCapabilities caps = new ClientCapabilities();
        WorkspaceClientCapabilities ws = new WorkspaceClientCapabilities();
        ws.setConfiguration(true);
        caps.setWorkspace(ws);
        params.setCapabilities(caps);
        customize.accept(params);
        initialized = server.initialize(params).get(10, TimeUnit.SECONDS);
        server.initialized(new InitializedParams());
        return this;
    }

    public LanguageServer server() {
        return server;
    }

    /** The server as a client sees it: the LSP, plus Stagesmith's requests answered as raw JSON. */
    public interface Extended extends LanguageServer {
        @JsonRequest("stagesmith/stages")
        CompletableFuture<JsonElement> stages(Object params);
    }

    /** {@code stagesmith/stages}, its result as it came over the wire. */
    public CompletableFuture<JsonElement> stages(Object params) {
        return server.stages(params);
    }

    /** The {@code stagesmith} section the client answers {@code workspace/configuration} with. */
    public void configuration(String json) {
        configuration = JsonParser.parseString(json);
    }

    public void open(String uri, String text) {
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                new TextDocumentItem(uri, "dockerfile", versions.get(), text)));
    }

    /** Replaces {@code [startLine:startCol, endLine:endCol)} with {@code text}; returns the new version. */
    public int change(String uri, int startLine, int startColumn, int endLine, int endColumn, String text) {
        int version = versions.incrementAndGet();
        TextDocumentContentChangeEvent e = new TextDocumentContentChangeEvent(
                new Range(new Position(startLine, startColumn), new Position(endLine, endColumn)), text);
        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri, version), List.of(e)));
        return version;
    }

    public void close(String uri) {
        server.getTextDocumentService().didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(uri)));
    }

    /** Waits for the diagnostics of {@code uri} (skipping ones for other documents or older versions). */
    public PublishDiagnosticsParams awaitDiagnostics(String uri, Integer version) throws InterruptedException {
        while (true) {
            PublishDiagnosticsParams p = diagnostics.poll(20, TimeUnit.SECONDS);
            if (p == null) {
                throw new AssertionError("no diagnostics for " + uri + " version " + version + " within 20 s");
            }
            if (p.getUri().equals(uri) && (version == null || version.equals(p.getVersion()))) {
                return p;
            }
        }
    }

    /** Writes raw bytes to the server's input, as a broken client might. */
    public void sendRaw(String bytes) throws IOException {
        synchronized (toServer) {
            toServer.write(bytes.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            toServer.flush();
        }
    }

    public StagesmithLanguageServer implementation() {
        return implementation;
    }

    @Override
    public void close() throws IOException {
        toServer.close();
        toClient.close();
    }

    private final class Client implements StagesmithClient {
        @Override
        public void buildLog(BuildLogParams params) {
            buildLogs.add(params);
        }

        @Override
        public CompletableFuture<Void> createProgress(WorkDoneProgressCreateParams params) {
            progressTokens.add(params.getToken());
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void notifyProgress(ProgressParams params) {
            progress.add(params);
        }

        @Override
        public CompletableFuture<Void> refreshCodeLenses() {
            lensRefreshes.incrementAndGet();
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void telemetryEvent(Object object) {
        }

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
            LspSession.this.diagnostics.add(diagnostics);
        }

        @Override
        public void showMessage(MessageParams messageParams) {
            shown.add(messageParams);
            logs.add(messageParams);
        }

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void logMessage(MessageParams message) {
            logs.add(message);
        }

        @Override
        public CompletableFuture<List<Object>> configuration(ConfigurationParams params) {
            List<Object> out = new ArrayList<>();
            params.getItems().forEach(i -> out.add(configuration));
            return CompletableFuture.completedFuture(out);
        }
    }

    static void assertCodes(List<String> expected, PublishDiagnosticsParams p) {
        assertEquals(expected, p.getDiagnostics().stream().map(d -> d.getCode().getLeft()).sorted().toList());
    }
}
