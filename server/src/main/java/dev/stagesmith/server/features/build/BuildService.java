package dev.stagesmith.server.features.build;

import dev.stagesmith.engine.backend.Backends;
import dev.stagesmith.engine.build.BuildCancelledException;
import dev.stagesmith.engine.build.BuildEvent;
import dev.stagesmith.engine.build.BuildException;
import dev.stagesmith.engine.build.BuildRequest;
import dev.stagesmith.engine.build.BuildResult;
import dev.stagesmith.engine.build.Cancellation;
import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.server.features.Positions;
import dev.stagesmith.server.workspace.DocumentSnapshot;
import dev.stagesmith.server.workspace.Documents;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.MessageType;

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
    public record Wiring(Documents documents, BuildReporter reporter, Supplier<List<Path>> workspaceFolders,
            BuildDiagnostics diagnostics, Consumer<String> republishDiagnostics, ScheduledExecutorService timer) {}

    private final Wiring wiring;
    private final Clock clock;
    private final ExecutorService pool;
    private final ExecutorService sender;
    private final Map<BuildKey, Run> running = new ConcurrentHashMap<>();
    private final Map<BuildKey, BuildStatus> results = new ConcurrentHashMap<>();
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
        this.sender = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "stagesmith-build-messages");
            t.setDaemon(true);
            return t;
        });
    }

    /** One running build. */
    private record Run(BuildKey key, String label, Cancellation cancellation, Object token) {}

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
        if (s != null) {
            results.remove(key, s);
        }
        return Optional.empty();
    }

    /**
     * {@code stagesmith.buildToStage}: starts the build and answers when it ends, or fails with a
     * {@link BuildRefusedException}. Cancelling the returned future ({@code $/cancelRequest}) cancels the build.
     *
     * @param workDoneToken the request's progress token ({@code String} or {@code Integer}), or null
     * @throws BuildRefusedException when the build cannot start
     */
    public CompletableFuture<Object> build(BuildArguments args, Object workDoneToken) {
        DocumentSnapshot snapshot = wiring.documents().get(args.uri()).orElseThrow(() -> failed(
                args.uri() + " is not open in the editor: open it, then build"));
        Path dockerfile = snapshot.path().orElseThrow(() -> failed(
                args.uri() + " is not a file, so it has no build context: save it to disk, then build"));
        Stage stage = EditorBuilds.target(snapshot, args.target());
        BuildKey key = new BuildKey(args.uri(), stage.targetName());
        String label = stage.name().orElse("#" + stage.index());
        BuildRequest request = EditorBuilds.request(snapshot, dockerfile, args, stage, wiring.workspaceFolders().get());
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
    public boolean cancel(BuildArguments args) {
        Optional<String> target = wiring.documents().get(args.uri())
                .map(s -> EditorBuilds.target(s, args.target()).targetName())
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
    public void cancelProgress(Object token) {
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
        boolean stopped = pool.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
        sender.shutdown();
        return stopped;
    }

    private void run(Run run, DocumentSnapshot snapshot, BuildRequest request, String engine, List<Stage> needed,
            CompletableFuture<Object> response) {
        BuildReporter reporter = wiring.reporter();
        Object token = run.token() != null ? run.token() : createToken(reporter);
        Run tracked = new Run(run.key(), run.label(), run.cancellation(), token);
        running.replace(run.key(), run, tracked);
        BuildProgress progress = new BuildProgress(reporter, sender, token, run.key().uri(), run.key().target(),
                needed);
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
            reporter.show(MessageType.Info, "Built " + run.label() + " in " + seconds(built.seconds()) + ": "
                    + built.digest() + " → " + String.join(", ", result.outputs()));
            response.complete(EditorBuilds.resultJson(run.key().target(), result));
        } catch (BuildCancelledException e) {
            finish(tracked, progress, "cancelled");
            reporter.show(MessageType.Info, "The build of " + run.label() + " was cancelled");
            response.completeExceptionally(new BuildRefusedException("the build of " + run.label() + " was cancelled",
                    true));
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
            reporter.show(MessageType.Error, text);
            response.completeExceptionally(new BuildRefusedException(text));
        }
    }

    /**
     * Frees the slot before the answer goes out, so a client may start the next build as soon as it hears, and
     * lets the log and progress already queued go out first.
     */
    private void finish(Run run, BuildProgress progress, String message) {
        running.remove(run.key(), run);
        progress.end(message);
        try {
            sender.submit(() -> { }).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException
                | java.util.concurrent.RejectedExecutionException e) {
            LOG.log(Level.WARNING, "build messages were not all sent: " + e);
        }
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

    private static Object createToken(BuildReporter reporter) {
        try {
            return reporter.createProgress().orElse(null);
        } catch (RuntimeException e) {
            // A client that refuses or does not answer gets no progress, only log lines and the result.
            LOG.log(Level.WARNING, "window/workDoneProgress/create failed: " + e);
            return null;
        }
    }

    private void refreshLenses() {
        wiring.reporter().refreshLenses();
    }

    static String seconds(double s) {
        return String.format(java.util.Locale.ROOT, "%.1f s", s);
    }

    static BuildRefusedException failed(String message) {
        return new BuildRefusedException(message);
    }
}
