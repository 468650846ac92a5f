package dev.stagesmith.server.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.stagesmith.server.features.build.BuildCommands;
import dev.stagesmith.server.features.build.BuildDiagnostics;
import dev.stagesmith.server.features.build.BuildService;
import dev.stagesmith.server.features.completion.CompletionService;
import dev.stagesmith.server.features.semantictokens.Legend;
import dev.stagesmith.server.features.stages.StagesRequest;
import dev.stagesmith.server.settings.Settings;
import dev.stagesmith.server.workspace.Documents;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeLensOptions;
import org.eclipse.lsp4j.ExecuteCommandOptions;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.ConfigurationItem;
import org.eclipse.lsp4j.ConfigurationParams;
import org.eclipse.lsp4j.DocumentLinkOptions;
import org.eclipse.lsp4j.ExecuteCommandOptions;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.RenameOptions;
import org.eclipse.lsp4j.SaveOptions;
import org.eclipse.lsp4j.SemanticTokensServerFull;
import org.eclipse.lsp4j.SemanticTokensWithRegistrationOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.WorkDoneProgressCancelParams;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.services.JsonDelegate;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * The language server: lifecycle, capabilities and settings. Document sync and requests live in
 * {@link DocumentService}, which hands each request to its feature service.
 */
public final class StagesmithLanguageServer implements LanguageServer, LanguageClientAware {

    private static final System.Logger LOG = System.getLogger(StagesmithLanguageServer.class.getName());

    private final Documents documents = new Documents();
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final DiagnosticsScheduler diagnostics;
    private final DocumentService documentService;
    private final WorkspaceService workspaceService;
    private final BuildService builds;
    private final StagesEndpoint stages;
    private final IntConsumer exit;
    private volatile List<Path> workspaceFolders = List.of();
    private volatile LanguageClient client;
    private volatile ClientCapabilities clientCapabilities = new ClientCapabilities();
    private volatile boolean shutdown;

    /** A server that ends the process on {@code exit}. */
    public StagesmithLanguageServer() {
        this(System::exit);
    }

    /** A server that calls {@code exit} with the exit code on {@code exit} (tests pass their own). */
    public StagesmithLanguageServer(IntConsumer exit) {
        this.exit = exit;
        this.workers = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()),
                daemons("stagesmith-request"));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemons("stagesmith-diagnostics"));
        BuildDiagnostics buildDiagnostics = new BuildDiagnostics();
        this.diagnostics = new DiagnosticsScheduler(timer, documents, () -> client, buildDiagnostics::of);
        Requests requests = new Requests(workers, documents);
        this.builds = new BuildService(new BuildService.Wiring(documents,
                new ClientBuildReporter(() -> client, () -> clientCapabilities), () -> workspaceFolders,
                buildDiagnostics, diagnostics::now, timer), Clock.systemUTC());
        this.documentService = new DocumentService(documents, diagnostics, requests, () -> clientCapabilities,
                builds, buildDiagnostics);
        this.workspaceService = new WorkspaceService(this::reloadSettings, requests, documents,
                new BuildCommandHandler(builds));
        this.stages = new StagesEndpoint(requests, documents);
    }

    @Override
    public void connect(LanguageClient client) {
        this.client = client;
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        if (params.getCapabilities() != null) {
            clientCapabilities = params.getCapabilities();
        }
        Integer parent = params.getProcessId();
        if (parent != null) {
            // Exit when the editor dies without saying goodbye, so no server is left behind.
            ProcessHandle.of(parent).ifPresent(p -> p.onExit().thenRun(() -> exit.accept(1)));
        }
        workspaceFolders = WorkspaceFolders.of(params);
        settingsFrom(params.getInitializationOptions());
        ServerInfo info = new ServerInfo("stagesmith", version());
        return CompletableFuture.completedFuture(new InitializeResult(capabilities(), info));
    }

    ServerCapabilities capabilities() {
        ServerCapabilities caps = new ServerCapabilities();
        TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
        sync.setOpenClose(true);
        sync.setChange(TextDocumentSyncKind.Incremental);
        sync.setSave(new SaveOptions(false));
        caps.setTextDocumentSync(sync);
        caps.setDocumentSymbolProvider(true);
        caps.setWorkspaceSymbolProvider(true);
        caps.setFoldingRangeProvider(true);
        caps.setSemanticTokensProvider(new SemanticTokensWithRegistrationOptions(Legend.legend(),
                new SemanticTokensServerFull(true), true));
        caps.setDocumentLinkProvider(new DocumentLinkOptions(false));
        caps.setInlayHintProvider(true);
        caps.setCodeActionProvider(CodeActionResults.provider(clientCapabilities));
        caps.setDocumentFormattingProvider(true);
        caps.setDocumentRangeFormattingProvider(true);
        caps.setCompletionProvider(new CompletionOptions(false, CompletionService.TRIGGER_CHARACTERS));
        caps.setHoverProvider(true);
        caps.setDefinitionProvider(true);
        caps.setReferencesProvider(true);
        caps.setDocumentHighlightProvider(true);
        caps.setRenameProvider(renameOptions());
        caps.setCodeLensProvider(new CodeLensOptions(true));
        List<String> commands = new ArrayList<>(BuildCommands.NAMES);
        commands.add(StagesRequest.COMMAND);
        caps.setExecuteCommandProvider(new ExecuteCommandOptions(commands));
        return caps;
    }

    /** RenameOptions (with prepareProvider) only for clients that said they support prepareRename. */
    private Either<Boolean, RenameOptions> renameOptions() {
        var td = clientCapabilities.getTextDocument();
        boolean prepare = td != null && td.getRename() != null
                && Boolean.TRUE.equals(td.getRename().getPrepareSupport());
        return prepare ? Either.forRight(new RenameOptions(true)) : Either.forLeft(true);
    }

    @Override
    public void initialized(InitializedParams params) {
        reloadSettings();
    }

    /** Asks the client for the {@code stagesmith} section; clients without configuration support keep defaults. */
    private void reloadSettings() {
        LanguageClient c = client;
        var workspace = clientCapabilities.getWorkspace();
        if (c == null || workspace == null || !Boolean.TRUE.equals(workspace.getConfiguration())) {
            return;
        }
        ConfigurationItem item = new ConfigurationItem();
        item.setSection("stagesmith");
        c.configuration(new ConfigurationParams(List.of(item))).thenAccept(values -> {
            if (values != null && !values.isEmpty()) {
                applySettings(values.get(0));
            }
        }).exceptionally(e -> {
            LOG.log(Level.WARNING, "workspace/configuration failed", e);
            return null;
        });
    }

    private void settingsFrom(Object options) {
        if (options != null) {
            applySettings(options);
        }
    }

    private void applySettings(Object value) {
        JsonElement json = value instanceof JsonElement e ? e : JsonParser.parseString(String.valueOf(value));
        if (json.isJsonObject() && json.getAsJsonObject().has("stagesmith")) {
            json = json.getAsJsonObject().get("stagesmith");
        }
        List<String> warnings = new ArrayList<>();
        Settings settings = Settings.parse(json, warnings);
        if (!settings.equals(documents.settings())) {
            documents.settings(settings);
            diagnostics.all();
        }
        LanguageClient c = client;
        for (String w : warnings) {
            LOG.log(Level.WARNING, w);
            if (c != null) {
                c.logMessage(new MessageParams(MessageType.Warning, "Stagesmith settings: " + w));
            }
        }
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        shutdown = true;
        builds.shutdown();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void cancelProgress(WorkDoneProgressCancelParams params) {
        builds.cancelProgress(Tokens.value(params.getToken()));
    }

    @Override
    public void exit() {
        builds.shutdown();
        try {
            // A cancelled build stops within a second; give it that, so no half-written output is left.
            builds.awaitStopped(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.shutdownNow();
        timer.shutdownNow();
        exit.accept(shutdown ? 0 : 1);
    }

    @Override
    public DocumentService getTextDocumentService() {
        return documentService;
    }

    @Override
    public WorkspaceService getWorkspaceService() {
        return workspaceService;
    }

    /** The {@code stagesmith/stages} request (docs/lsp-extensions.md). */
    @JsonDelegate
    public StagesService stagesmith() {
        return stages;
    }

    Documents documents() {
        return documents;
    }

    private static String version() {
        String v = StagesmithLanguageServer.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    private static ThreadFactory daemons(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
