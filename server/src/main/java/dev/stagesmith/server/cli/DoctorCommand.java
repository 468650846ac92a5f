package dev.stagesmith.server.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.stagesmith.engine.backend.Backends;
import dev.stagesmith.engine.run.RunExecutor;
import dev.stagesmith.engine.run.Sandboxes;
import dev.stagesmith.engine.store.BuildCache;
import dev.stagesmith.server.cli.build.ProgressView;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code stagesmith doctor}: what this machine can build with, so a user learns why RUN or an engine is not
 * available before a build fails. It only looks; it always exits 0.
 */
@Command(
        name = "doctor",
        mixinStandardHelpOptions = true,
        description = {"Show what this machine can build with: the RUN sandbox, each build engine and its version,",
            "the cache and its size, and Java."})
final class DoctorCommand implements Callable<Integer> {

    /** Output format. */
    enum Format { text, json }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json.")
    Format format;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "The cache (default: $XDG_CACHE_HOME/stagesmith or ~/.cache/stagesmith).")
    Path cacheDir;

    /** The cache as doctor sees it; {@code error} says why its size is unknown. */
    record CacheInfo(Path root, boolean exists, long bytes, long blobs, long steps, int images, String error) {}

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Optional<RunExecutor> sandbox = detectSandbox();
        List<Backends.Availability> engines = Backends.probe(System.getenv());
        CacheInfo cache = cache(cacheDir != null ? cacheDir : BuildCache.defaultRoot());
        String java = System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
                + System.getProperty("os.arch") + ")";
        if (format == Format.json) {
            out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create()
                    .toJson(json(sandbox, engines, cache, java)));
        } else {
            out.println("RUN sandbox  " + sandbox.map(RunExecutor::name).orElse("none: " + advice()));
            out.println("Engines");
            for (Backends.Availability a : engines) {
                out.printf("  %-9s %s %s%n", a.name(), a.available() ? "yes" : "no ", a.detail());
            }
            out.println("Cache        " + cache.root() + ": " + cacheLine(cache));
            out.println("Java         " + java);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static JsonObject json(Optional<RunExecutor> sandbox, List<Backends.Availability> engines,
            CacheInfo cache, String java) {
        JsonObject root = new JsonObject();
        JsonObject run = new JsonObject();
        run.addProperty("available", sandbox.isPresent());
        sandbox.ifPresentOrElse(s -> run.addProperty("sandbox", s.name()), () -> run.addProperty("advice", advice()));
        root.add("run", run);
        JsonArray list = new JsonArray();
        for (Backends.Availability a : engines) {
            JsonObject e = new JsonObject();
            e.addProperty("name", a.name());
            e.addProperty("available", a.available());
            e.addProperty("detail", a.detail());
            list.add(e);
        }
        root.add("engines", list);
        JsonObject c = new JsonObject();
        c.addProperty("path", cache.root().toString());
        c.addProperty("exists", cache.exists());
        c.addProperty("bytes", cache.bytes());
        c.addProperty("blobs", cache.blobs());
        c.addProperty("steps", cache.steps());
        c.addProperty("images", cache.images());
        if (cache.error() != null) {
            c.addProperty("error", cache.error());
        }
        root.add("cache", c);
        root.addProperty("java", java);
        return root;
    }

    /** The sandbox, or empty; a probe that throws is reported as no sandbox rather than ending doctor. */
    private static Optional<RunExecutor> detectSandbox() {
        try {
            return Sandboxes.detect();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String advice() {
        return Sandboxes.missingAdvice();
    }

    /** Reads the cache's size without creating it: doctor never writes. */
    static CacheInfo cache(Path root) {
        if (!Files.isDirectory(root)) {
            return new CacheInfo(root, false, 0, 0, 0, 0, null);
        }
        try {
            BuildCache.Usage u = new BuildCache(root).usage();
            return new CacheInfo(root, true, u.bytes(), u.blobs(), u.steps(), u.images().size(), null);
        } catch (IOException | RuntimeException e) {
            return new CacheInfo(root, true, 0, 0, 0, 0, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private static String cacheLine(CacheInfo c) {
        if (!c.exists()) {
            return "empty (not created yet)";
        }
        if (c.error() != null) {
            return "size unknown: " + c.error();
        }
        return ProgressView.bytes(c.bytes()) + " in " + c.blobs() + " blobs, " + c.steps() + " cached steps, "
                + c.images() + " local images";
    }
}
