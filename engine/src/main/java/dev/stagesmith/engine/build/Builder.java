package dev.stagesmith.engine.build;

import com.google.gson.JsonObject;
import dev.stagesmith.engine.oci.Digest;
import dev.stagesmith.engine.registry.RegistryClient;
import dev.stagesmith.engine.store.BuildCache;
import dev.stagesmith.grammar.Dockerfiles;
import dev.stagesmith.grammar.ParsedDockerfile;
import dev.stagesmith.grammar.SyntaxError;
import dev.stagesmith.grammar.stages.ModelOptions;
import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.grammar.stages.StageGraph;
import dev.stagesmith.grammar.syntax.Instruction;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Builds a Dockerfile to a target: exactly the stages the target needs (BuildKit's pruning), each as soon
 * as the stages it builds on or copies from are done, independent ones in parallel; then writes the
 * target image to the outputs. The one entry point of the engine.
 */
public final class Builder {

    private Builder() {}

    public static BuildResult build(BuildRequest request, BuildListener listener) throws BuildException {
        return build(request, listener, new Cancellation());
    }

    /**
     * Builds, stopping with {@link BuildCancelledException} soon after {@code cancellation} is pressed: between
     * steps, and at once for anything that registered a cancel hook (sandboxed processes, transfers).
     */
    public static BuildResult build(BuildRequest request, BuildListener listener, Cancellation cancellation)
            throws BuildException {
        cancellation.check();
        long start = System.nanoTime();
        ParsedDockerfile file = Dockerfiles.parse(request.dockerfileText());
        String name = request.dockerfile().getFileName() == null ? "Dockerfile"
                : request.dockerfile().getFileName().toString();
        if (file.hasErrors()) {
            SyntaxError e = file.errors().get(0);
            throw new BuildException(name + ":" + file.lineNumber(e.range().start()) + ": " + e.message()
                    + (file.errors().size() > 1 ? " (and " + (file.errors().size() - 1) + " more errors)" : ""));
        }
        ModelOptions options = ModelOptions.defaults().withBuildArgs(request.buildArgs())
                .withTargetPlatform(request.platform());
        StageGraph graph = StageGraph.of(file, request.target().map(options::withTarget).orElse(options));
        if (graph.stages().isEmpty()) {
            throw new BuildException(name + " has no FROM instruction, so there is nothing to build");
        }
        Stage target = request.target().isPresent()
                ? graph.findTarget(request.target().get()).orElseThrow(() -> unknownTarget(graph, request, name))
                : graph.defaultTarget().orElseThrow();
        List<Stage> needed = graph.stagesFor(target);
        for (List<Integer> cycle : graph.cycles()) {
            if (needed.stream().anyMatch(s -> cycle.contains(s.index()))) {
                throw new BuildException(name + ": circular dependency detected on stage: "
                        + graph.stage(cycle.get(0)).displayName());
            }
        }
        BuildCache cache;
        try {
            cache = new BuildCache(request.cacheDir());
        } catch (IOException e) {
            throw new BuildException("cannot use the cache directory " + request.cacheDir() + ": " + e.getMessage()
                    + " (choose another with --cache-dir)", e);
        }
        BuildSession session = new BuildSession(request, file, graph, cache, listener, cancellation);
        session.images(new BaseImages(session, () -> new RegistryClient(request.registry())));
        try (AutoCloseable lock = cache.lock(false)) {
            Map<Integer, BuildResult.StageTiming> timings = new ConcurrentHashMap<>();
            ImageState result = runStages(session, needed, target, timings);
            cancellation.check();
            List<BuildResult.StageTiming> ordered = new ArrayList<>();
            for (Stage s : needed) {
                ordered.add(timings.get(s.index()));
            }
            return Exporter.export(session, target, result, ordered, Duration.ofNanos(System.nanoTime() - start));
        } catch (BuildException e) {
            throw e;
        } catch (Exception e) {
            if (cancellation.isCancelled()) {
                throw new BuildCancelledException();
            }
            throw new BuildException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
        } finally {
            session.close();
        }
    }

    private static BuildException unknownTarget(StageGraph graph, BuildRequest request, String name) {
        String t = request.target().orElse("");
        String hint = graph.closestName(t).map(n -> " (did you mean " + n + "?)").orElse("");
        List<String> names = graph.stages().stream().map(Stage::targetName).toList();
        return new BuildException(name + ": target stage \"" + t + "\" could not be found" + hint
                + "; stages: " + String.join(", ", names));
    }

    private static ImageState runStages(BuildSession session, List<Stage> needed, Stage target,
            Map<Integer, BuildResult.StageTiming> timings) throws BuildException {
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, needed.size())), r -> {
            Thread t = new Thread(r, "stagesmith-stage");
            t.setDaemon(true);
            return t;
        });
        try (Cancellation.Registration stop = session.cancellation().onCancel(pool::shutdownNow)) {
            for (Stage s : needed) {
                List<CompletableFuture<ImageState>> deps = new ArrayList<>();
                // A later stage named here has no future yet: the step that names it fails with BuildKit's message.
                for (Stage d : session.graph().directDependencies(s)) {
                    CompletableFuture<ImageState> f = session.stages.get(d.index());
                    if (f != null) {
                        deps.add(f);
                    }
                }
                CompletableFuture<ImageState> f = CompletableFuture.allOf(deps.toArray(CompletableFuture[]::new))
                        .thenApplyAsync(v -> {
                            try {
                                return buildStage(session, s, timings);
                            } catch (BuildException e) {
                                throw new CompletionException(e);
                            }
                        }, pool);
                session.stages.put(s.index(), f);
            }
            return session.stages.get(target.index()).join();
        } catch (CompletionException e) {
            Throwable c = e;
            while (c instanceof CompletionException && c.getCause() != null) {
                c = c.getCause();
            }
            if (c instanceof BuildException be) {
                throw be;
            }
            if (session.cancellation().isCancelled()) {
                throw new BuildCancelledException();
            }
            throw new BuildException(c.getMessage() == null ? c.toString() : c.getMessage(), c);
        } finally {
            pool.shutdownNow();
        }
    }

    private static ImageState buildStage(BuildSession session, Stage s, Map<Integer, BuildResult.StageTiming> timings)
            throws BuildException {
        long start = System.nanoTime();
        session.emit(new BuildEvent.StageStarted(s.displayName(), s.index()));
        ImageState base;
        try {
            base = baseOf(session, s);
        } catch (StepFailure e) {
            throw session.failure(e.getMessage(), s, s.from(), e.getCause());
        }
        List<Instruction> triggers;
        try {
            List<String> texts = ImageConfig.strings(ImageConfig.inner(base.config).get("OnBuild"));
            triggers = StageBuilder.parseTriggers(texts, s.from().base().map(w -> w.value()).orElse("the base"));
            for (int i = 0; i < triggers.size(); i++) {
                session.registerTrigger(triggers.get(i), texts.get(i));
            }
        } catch (StepFailure e) {
            throw session.failure(e.getMessage(), s, s.from(), null);
        }
        JsonObject inherited = ImageConfig.inherit(base.config);
        ImageState start0 = base.next(inherited, null, base.key, base.env);
        StageBuilder builder = new StageBuilder(session, s, start0, triggers);
        ImageState out = builder.build();
        timings.put(s.index(), new BuildResult.StageTiming(s.displayName(),
                Duration.ofNanos(System.nanoTime() - start), builder.allCached(), builder.stepCount()));
        session.emit(new BuildEvent.StageFinished(s.displayName(), s.index(),
                Duration.ofNanos(System.nanoTime() - start), builder.allCached()));
        session.lastCreated.put(s.index(), builder.lastCreated());
        return out;
    }

    private static ImageState baseOf(BuildSession session, Stage s) throws StepFailure {
        if (s.base() instanceof Stage.StageBase b) {
            return session.stageState(b.index());
        }
        if (s.base() instanceof Stage.ImageBase img) {
            if (!img.unresolved().isEmpty()) {
                throw new StepFailure("the base image '" + img.reference() + "' uses " + img.unresolved()
                        + ", which have no value: declare them with ARG before the first FROM or pass --build-arg");
            }
            return session.images().forFrom(img.reference());
        }
        return scratch(session);
    }

    static ImageState scratch(BuildSession session) {
        JsonObject c = ImageConfig.scratch(session.request().platform());
        return new ImageState(c, List.of(), Digest.of("scratch\n" + session.request().platform()),
                ImageConfig.env(c), null, session.cache().blobs(), dev.stagesmith.engine.fs.FileTree.empty());
    }
}
