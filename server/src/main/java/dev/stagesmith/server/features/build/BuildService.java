package dev.stagesmith.server.features.build;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.stagesmith.engine.backend.Backends;
import dev.stagesmith.engine.build.BuildCancelledException;
import dev.stagesmith.engine.build.BuildEvent;
import dev.stagesmith.engine.build.BuildException;
import dev.stagesmith.engine.build.BuildRequest;
import dev.stagesmith.engine.build.BuildResult;
import dev.stagesmith.engine.build.Cancellation;
import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.grammar.stages.Platform;
import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.grammar.stages.StageGraph;
import dev.stagesmith.server.features.Positions;
import dev.stagesmith.server.settings.BuildSettings;
import dev.stagesmith.server.workspace.DocumentSnapshot;
import dev.stagesmith.server.workspace.Documents;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * Builds started from the editor: one at a time per (document, target), each on its own background thread
 * with the buffer's current text, reporting through progress, log lines, a diagnostic on the failing
 * instruction and the code lenses. Closing the document leaves a build running (it finishes or is
 * cancelled); {@link #shutdown()} cancels them all.
 *
 * <p>Architecture invariant: nothing here runs on the message thread for longer than a map lookup; the
 * code lens path only reads {@link #status}.
 */
public final class BuildService {

    private static final System.Logger LOG = System.getLogger(BuildService.class.getName());

    /** How the server reaches the client and the rest of the server. */
    public record Wiring(Documents documents, Supplier<LanguageClient> client,
            Supplier<ClientCapabilities> capabilities, Supplier<List<Path>> workspaceFolders,
            BuildDiagnostics diagnostics, Consumer<String> republishDiagnostics, ScheduledExecutorService timer) {}

    private final Wiring wiring;
    private final Clock clock;
    private final ExecutorService pool;
    private final Map<BuildKey, Run> running = new ConcurrentHashMap<>();
    private final Map<BuildKey, BuildStatus> results = new ConcurrentHashMap<>();
    private final AtomicInteger tokens = new AtomicInteger();
    private volatile boolean shutdown;

    public BuildService(Wiring wiring, Clock clock) {
        this.wiring = wiring;
        this.clock = clock;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "stagesmith-build-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** One running build. */
    private record Run(BuildKey key, String label, Cancellation cancellation, Either<String, Integer> token) {}

    /** The lens state of {@code key}: running, a result not yet expired, or empty (idle). */
    Optional<BuildStatus> status(BuildKey key) {
        if (running.containsKey(key)) {
            return Optional.of(new BuildStatus.Running());
        }
        BuildStatus s = results.get(key);
        if (s instanceof BuildStatus.Built b && b.until().isAfter(clock.instant())
                || s instanceof BuildStatus.Failed f && f.until().isAfter(clock.instant())) {
            return Optional.of(s);
        }
        return Optional.empty();
    }

    /**
     * {@code stagesmith.buildToStage}: starts the build and answers when it ends. Cancelling the returned
     * future ({@code $/cancelRequest}) cancels the build.
     */
    CompletableFuture<Object> build(BuildArguments args, Either<String, Integer> workDoneToken) {
        DocumentSnapshot snapshot = wiring.documents().get(args.uri()).orElseThrow(() -> failed(
                args.uri() + " is not open in the editor: open it, then build"));
        Path dockerfile = snapshot.path().orElseThrow(() -> failed(
                args.uri() + " is not a file, so it has no build context: save it to disk, then build"));
        Stage stage = target(snapshot, args.target());
        BuildKey key = new BuildKey(args.uri(), stage.targetName());
        String label = stage.name().orElse("#" + stage.index());
        BuildRequest request = request(snapshot, dockerfile, args, stage);
        String engine = args.engine().orElse(snapshot.settings().build().engine());
        Run run = new Run(key, label, new Cancellation(), workDoneToken);
        if (shutdown) {
            throw failed("the server is shutting down");
        }
        if (running.putIfAbsent(key, run) != null) {
            throw failed("a build of " + label + " is already running; cancel it first");
        }
        results.remove(key);
        refreshLenses();
        CompletableFuture<Object> response = new CompletableFuture<>();
        response.whenComplete((r, e) -> {
            if (response.isCancelled()) {
                run.cancellation().cancel();
            }
        });
        List<Stage> needed = snapshot.graph().stagesFor(stage);
        try {
            pool.execute(() -> run(run, snapshot, request, engine, needed, response));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            running.remove(key, run);
            throw failed("the server is shutting down");
        }
        return response;
    }

    /** {@code stagesmith.cancelBuild}: true when a running build was cancelled. */
    boolean cancel(BuildArguments args) {
        Optional<String> target = wiring.documents().get(args.uri())
                .map(s -> target(s, args.target()).targetName())
                .or(() -> args.target());
        for (Run r : running.values()) {
            if (r.key().uri().equals(args.uri()) && (target.isEmpty() || target.get().equals(r.key().target()))) {
                r.cancellation().cancel();
                return true;
            }
        }
        return false;
    }

    /** {@code window/workDoneProgress/cancel}: cancels the build reporting under {@code token}. */
    public void cancelProgress(Either<String, Integer> token) {
        for (Run r : running.values()) {
            if (token != null && token.equals(r.token())) {
                r.cancellation().cancel();
            }
        }
    }

    /** Cancels every running build and lets no new one start. */
    public void shutdown() {
        shutdown = true;
        running.values().forEach(r -> r.cancellation().cancel());
        pool.shutdown();
    }

    /** Waits for running builds to stop, for {@code exit} after {@link #shutdown()}. */
    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        return pool.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run(Run run, DocumentSnapshot snapshot, BuildRequest request, String engine, List<Stage> needed,
            CompletableFuture<Object> response) {
        LanguageClient client = wiring.client().get();
        Either<String, Integer> token = run.token() != null ? run.token() : createToken(client);
        Run tracked = new Run(run.key(), run.label(), run.cancellation(), token);
        running.replace(run.key(), run, tracked);
        BuildProgress progress = new BuildProgress(client, token, run.key().uri(), run.key().target(),
                buildLogOnly(), needed);
        progress.begin("Building " + run.label());
        try {
            BuildResult result = Backends.named(engine).build(request, progress, run.cancellation());
            BuildStatus.Built built = new BuildStatus.Built(result.elapsed().toMillis() / 1000.0,
                    result.manifestDigest().toString(), clock.instant().plus(BuildStatus.SHOWN_FOR));
            results.put(run.key(), built);
            if (wiring.diagnostics().clear(run.key().uri())) {
                wiring.republishDiagnostics().accept(run.key().uri());
            }
            finish(tracked, progress, "built " + built.digest());
            message(client, MessageType.Info, "Built " + run.label() + " in " + seconds(built.seconds()) + ": "
                    + built.digest() + " → " + String.join(", ", result.outputs()));
            response.complete(resultJson(run.key().target(), result));
        } catch (BuildCancelledException e) {
            finish(tracked, progress, "cancelled");
            message(client, MessageType.Info, "The build of " + run.label() + " was cancelled");
            response.completeExceptionally(new ResponseErrorException(new ResponseError(
                    ResponseErrorCode.RequestCancelled, "the build of " + run.label() + " was cancelled", null)));
        } catch (BuildException | RuntimeException e) {
            String text = e.getMessage() == null ? e.toString() : e.getMessage();
            if (!(e instanceof BuildException)) {
                LOG.log(Level.ERROR, "the build of " + run.label() + " failed unexpectedly", e);
            }
            int line = e instanceof BuildException be ? be.line() : 0;
            results.put(run.key(), new BuildStatus.Failed(line, clock.instant().plus(BuildStatus.SHOWN_FOR)));
            if (e instanceof BuildException be) {
                failureDiagnostic(snapshot, be, progress.failure());
            }
            finish(tracked, progress, "failed");
            message(client, MessageType.Error, text);
            response.completeExceptionally(new ResponseErrorException(
                    new ResponseError(ResponseErrorCode.RequestFailed, text, null)));
        }
    }

    /** Frees the slot before the answer goes out, so a client may start the next build as soon as it hears. */
    private void finish(Run run, BuildProgress progress, String message) {
        running.remove(run.key(), run);
        progress.end(message);
        refreshLenses();
        wiring.timer().schedule(this::refreshLenses, BuildStatus.SHOWN_FOR.toMillis() + 100, TimeUnit.MILLISECONDS);
    }

    private void failureDiagnostic(DocumentSnapshot snapshot, BuildException e, BuildEvent.StepFailed step) {
        Optional<TextRange> range = step != null && step.range() != null ? Optional.of(step.range()) : e.range();
        if (range.isEmpty()) {
            return;
        }
        String message = step != null ? step.message() : e.getMessage();
        Diagnostic d = new Diagnostic(Positions.range(snapshot.parsed(), snapshot.clamp(range.get())), message,
                DiagnosticSeverity.Error, BuildDiagnostics.SOURCE);
        d.setCode("build-failed");
        wiring.diagnostics().set(snapshot.uri(), d);
        wiring.republishDiagnostics().accept(snapshot.uri());
    }

    private Either<String, Integer> createToken(LanguageClient client) {
        var window = wiring.capabilities().get().getWindow();
        if (client == null || window == null || !Boolean.TRUE.equals(window.getWorkDoneProgress())) {
            return null;
        }
        Either<String, Integer> token = Either.forLeft("stagesmith-build-" + tokens.incrementAndGet() + "-"
                + UUID.randomUUID());
        try {
            client.createProgress(new WorkDoneProgressCreateParams(token)).get(10, TimeUnit.SECONDS);
            return token;
        } catch (Exception e) {
            // A client that refuses or does not answer gets no progress, only log lines and the result.
            LOG.log(Level.WARNING, "window/workDoneProgress/create failed: " + e);
            return null;
        }
    }

    private boolean buildLogOnly() {
        Object experimental = wiring.capabilities().get().getExperimental();
        return experimental instanceof JsonElement e && e.isJsonObject()
                && e.getAsJsonObject().has("stagesmithBuildLog")
                && e.getAsJsonObject().get("stagesmithBuildLog").isJsonPrimitive()
                && e.getAsJsonObject().get("stagesmithBuildLog").getAsJsonPrimitive().isBoolean()
                && e.getAsJsonObject().get("stagesmithBuildLog").getAsBoolean();
    }

    private void refreshLenses() {
        LanguageClient c = wiring.client().get();
        var ws = wiring.capabilities().get().getWorkspace();
        if (c != null && ws != null && ws.getCodeLens() != null
                && Boolean.TRUE.equals(ws.getCodeLens().getRefreshSupport())) {
            c.refreshCodeLenses().exceptionally(e -> null);
        }
    }

    private static void message(LanguageClient client, MessageType type, String text) {
        if (client != null) {
            client.showMessage(new MessageParams(type, text));
        }
    }

    /** The stage {@code target} names in this version of the document; the last stage without one. */
    private static Stage target(DocumentSnapshot snapshot, Optional<String> target) {
        StageGraph graph = snapshot.graph();
        if (graph.stages().isEmpty()) {
            throw failed(fileName(snapshot) + " has no FROM instruction, so there is nothing to build");
        }
        if (target.isEmpty()) {
            return graph.defaultTarget().orElseThrow();
        }
        return graph.findTarget(target.get()).orElseThrow(() -> failed(fileName(snapshot) + ": target stage \""
                + target.get() + "\" could not be found; stages: "
                + String.join(", ", graph.stages().stream().map(Stage::targetName).toList())));
    }

    private BuildRequest request(DocumentSnapshot snapshot, Path dockerfile, BuildArguments args, Stage stage) {
        BuildSettings settings = snapshot.settings().build();
        Path dir = dockerfile.toAbsolutePath().getParent();
        Path context = settings.context().isEmpty() ? dir : dir.resolve(settings.context()).normalize();
        Path folder = workspaceFolder(dockerfile).orElse(dir);
        Map<String, String> buildArgs = new LinkedHashMap<>(snapshot.settings().buildArgs());
        buildArgs.putAll(args.buildArgs());
        Platform platform = args.platform().map(p -> Platform.parse(p).orElseThrow(() -> failed(
                "platform " + p + " is not OS/ARCH[/VARIANT], e.g. linux/arm64")))
                .or(() -> snapshot.settings().platform()).orElseGet(Platform::host);
        String output = args.output().orElse(settings.output());
        try {
            return BuildRequests.of(BuildRequests.Spec.of(dockerfile, snapshot.text(), context,
                    Optional.of(stage.targetName()), buildArgs, platform,
                    output.isEmpty() ? List.of() : BuildRequests.outputs(List.of(output), folder),
                    settings.cacheDir().isEmpty() ? Optional.empty() : Optional.of(folder.resolve(settings.cacheDir()))),
                    System::getenv);
        } catch (IllegalArgumentException e) {
            throw failed(e.getMessage());
        }
    }

    /** The innermost workspace folder holding {@code file}. */
    private Optional<Path> workspaceFolder(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return wiring.workspaceFolders().get().stream().filter(abs::startsWith)
                .max(Comparator.comparingInt(Path::getNameCount));
    }

    private static JsonObject resultJson(String target, BuildResult r) {
        JsonObject o = new JsonObject();
        o.addProperty("target", target);
        o.addProperty("digest", r.manifestDigest().toString());
        o.addProperty("configDigest", r.configDigest().toString());
        o.addProperty("output", String.join(", ", r.outputs()));
        o.addProperty("size", r.size());
        o.addProperty("seconds", r.elapsed().toMillis() / 1000.0);
        JsonArray stages = new JsonArray();
        for (BuildResult.StageTiming t : r.stages()) {
            JsonObject s = new JsonObject();
            s.addProperty("name", t.stage());
            s.addProperty("seconds", t.elapsed().toMillis() / 1000.0);
            s.addProperty("cached", t.cached());
            stages.add(s);
        }
        o.add("stages", stages);
        return o;
    }

    static String seconds(double s) {
        return String.format(java.util.Locale.ROOT, "%.1f s", s);
    }

    private static String fileName(DocumentSnapshot s) {
        return s.path().map(p -> String.valueOf(p.getFileName())).orElse("Dockerfile");
    }

    static ResponseErrorException failed(String message) {
        return new ResponseErrorException(new ResponseError(ResponseErrorCode.RequestFailed, message, null));
    }
}
