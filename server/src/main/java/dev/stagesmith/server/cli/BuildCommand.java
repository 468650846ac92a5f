package dev.stagesmith.server.cli;

import dev.stagesmith.engine.build.BuildException;
import dev.stagesmith.engine.build.BuildRequest;
import dev.stagesmith.engine.build.BuildResult;
import dev.stagesmith.engine.build.Builder;
import dev.stagesmith.engine.build.Cancellation;
import dev.stagesmith.engine.build.Output;
import dev.stagesmith.grammar.stages.Platform;
import dev.stagesmith.server.cli.build.ProgressView;
import dev.stagesmith.server.features.build.BuildRequests;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stagesmith build}: build a target stage with the embedded engine, no daemon, into OCI images. */
@Command(
        name = "build",
        mixinStandardHelpOptions = true,
        description = {
            "Build a stage of a Dockerfile with the embedded engine (no Docker daemon) and write an OCI image.",
            "Only the stages the target needs are built, independent ones in parallel; unchanged steps come",
            "from the cache. Default output: an OCI layout in CONTEXT/.stagesmith/out/<target>."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:built", "1:the build failed (the message names the Dockerfile line and stage)",
                        "2:usage error", "3:internal error"})
final class BuildCommand implements Callable<Integer> {

    /** How progress is shown. */
    enum Progress { auto, plain, json }

    /** Layer compression for local outputs. */
    enum Compression { none, gzip }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-f", "--file"}, paramLabel = "DOCKERFILE",
            description = "The Dockerfile (default: CONTEXT/Dockerfile).")
    Path file;

    @Option(names = "--target", paramLabel = "STAGE", description = "The stage to build (default: the last one).")
    String target;

    @Option(names = "--build-arg", paramLabel = "NAME[=VALUE]",
            description = "A build argument (NAME alone reads it from the environment).")
    List<String> buildArgs = new ArrayList<>();

    @Option(names = "--platform", paramLabel = "OS/ARCH[/VARIANT]",
            description = "The platform to build for (default: this machine's).")
    String platform;

    @Option(names = {"-t", "--tag"}, paramLabel = "NAME[:TAG]",
            description = "Name the image; it is also kept in the local image store so FROM NAME works offline.")
    String tag;

    @Option(names = {"-o", "--output"}, paramLabel = "TYPE:DEST",
            description = "oci:DIR, oci-archive:FILE or docker-archive:FILE (repeatable).")
    List<String> outputs = new ArrayList<>();

    @Option(names = "--push", paramLabel = "REF", description = "Push the image to a registry, e.g. 127.0.0.1:5000/app:1.")
    String push;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "The cache (default: $XDG_CACHE_HOME/stagesmith or ~/.cache/stagesmith).")
    Path cacheDir;

    @Option(names = "--no-cache", description = "Do every step again (results still go into the cache).")
    boolean noCache;

    @Option(names = "--pull", description = "Look base images up in the registry even if the local store has them.")
    boolean pull;

    @Option(names = "--build-context", paramLabel = "NAME=SRC",
            description = "A named context for FROM NAME / COPY --from=NAME: DIR, oci-layout://DIR[:TAG] or "
                    + "docker-image://REF (repeatable).")
    List<String> buildContexts = new ArrayList<>();

    @Option(names = "--insecure-registry", paramLabel = "HOST[:PORT]",
            description = "Allow plain HTTP to this registry (loopback registries always may). Repeatable.")
    List<String> insecure = new ArrayList<>();

    @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto",
            description = "auto (live view on a terminal, plain lines otherwise), plain or json (one event per line).")
    Progress progress;

    @Option(names = "--compression", paramLabel = "TYPE", defaultValue = "none",
            description = "Layer compression in local outputs: none (fastest, as docker save) or gzip. "
                    + "Pushed layers are always gzip.")
    Compression compression;

    @Parameters(paramLabel = "CONTEXT", arity = "0..1", defaultValue = ".",
            description = "The build context directory (default: .).")
    Path context;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(context)) {
            throw UserError.usage("the build context " + context + " is not a directory");
        }
        Path dockerfile = file != null ? file : context.resolve("Dockerfile");
        String text;
        try {
            text = Files.readString(dockerfile);
        } catch (IOException e) {
            throw UserError.usage("cannot read " + dockerfile + ": " + e.getMessage()
                    + (file == null ? " (name another Dockerfile with -f)" : ""));
        }
        Map<String, String> args = BuildArgs.parse(buildArgs, System::getenv);
        Platform target = platform == null ? Platform.host() : Platform.parse(platform).orElseThrow(
                () -> UserError.usage("--platform " + platform + " is not OS/ARCH[/VARIANT], e.g. linux/arm64"));
        List<Output> outs;
        BuildRequest request;
        try {
            outs = BuildRequests.outputs(outputs, Path.of(""));
            request = BuildRequests.of(new BuildRequests.Spec(dockerfile, text, context,
                    Optional.ofNullable(this.target), args, target, outs, Optional.ofNullable(tag),
                    Optional.ofNullable(push), Optional.ofNullable(cacheDir), noCache, pull, contexts(),
                    compression == Compression.gzip, new LinkedHashSet<>(insecure)), System::getenv);
        } catch (IllegalArgumentException e) {
            throw UserError.usage(e.getMessage());
        }
        ProgressView view = ProgressView.create(progress.name(), out, err, System.console() != null);
        // Ctrl-C: cancel the build so sandboxed RUN processes die and nothing half-written reaches the cache,
        // and give it a moment to stop before the JVM exits.
        Cancellation cancellation = new Cancellation();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread onInterrupt = new Thread(() -> {
            cancellation.cancel();
            try {
                stopped.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "stagesmith-cancel");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try {
            BuildResult result = Builder.build(request, view, cancellation);
            view.summary(result);
            return ExitCodes.OK;
        } catch (BuildException e) {
            view.failed(e);
            err.println("stagesmith: " + e.getMessage());
            if (System.getenv("STAGESMITH_DEBUG") != null && e.getCause() != null) {
                e.getCause().printStackTrace(err);
            }
            return ExitCodes.PROBLEMS;
        } finally {
            stopped.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException exiting) {
                // The JVM is already shutting down (Ctrl-C): the hook is running.
            }
            view.close();
        }
    }

    private Map<String, String> contexts() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String c : buildContexts) {
            int eq = c.indexOf('=');
            if (eq <= 0 || eq == c.length() - 1) {
                throw UserError.usage("--build-context " + c + " is not NAME=SOURCE");
            }
            out.put(c.substring(0, eq), c.substring(eq + 1));
        }
        return out;
    }
}
