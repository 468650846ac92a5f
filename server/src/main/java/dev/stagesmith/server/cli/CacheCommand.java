package dev.stagesmith.server.cli;

import dev.stagesmith.engine.store.BuildCache;
import dev.stagesmith.server.cli.build.ProgressView;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stagesmith cache ls|prune}: what the build cache holds, and freeing it. */
@Command(
        name = "cache",
        mixinStandardHelpOptions = true,
        description = "Show or prune the build cache (layers, step records, the local image store).",
        subcommands = {CacheCommand.Ls.class, CacheCommand.Prune.class})
final class CacheCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand (ls or prune)");
    }

    static BuildCache open(Path dir) {
        Path root = dir != null ? dir : BuildCache.defaultRoot();
        try {
            return new BuildCache(root);
        } catch (IOException e) {
            throw new UserError("cannot open the cache " + root + ": " + e.getMessage(), ExitCodes.PROBLEMS);
        }
    }

    @Command(name = "ls", mixinStandardHelpOptions = true, description = "List local images and the cache's size.")
    static final class Ls implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--cache-dir", paramLabel = "DIR", description = "The cache (default: ~/.cache/stagesmith).")
        Path cacheDir;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            BuildCache cache = open(cacheDir);
            try {
                BuildCache.Usage u = cache.usage();
                out.println("Cache " + cache.root() + ": " + ProgressView.bytes(u.bytes()) + " in " + u.blobs()
                        + " blobs, " + u.steps() + " cached steps");
                if (u.images().isEmpty()) {
                    out.println("No images in the local store (build with --tag NAME, or FROM an image, to add one).");
                }
                for (BuildCache.LocalImage img : u.images()) {
                    out.println("  " + img.name() + "  " + img.platform() + "  " + img.manifest().toString()
                            .substring(0, 19) + "  " + img.layers().size() + " layers");
                }
                out.flush();
            } catch (IOException e) {
                throw new UserError("cannot read the cache " + cache.root() + ": " + e.getMessage(), ExitCodes.PROBLEMS);
            }
        }
    }

    @Command(name = "prune", mixinStandardHelpOptions = true,
            description = {"Remove cached steps and every blob no local image needs.",
                "With --all, remove the local images too. Waits for running builds."})
    static final class Prune implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--cache-dir", paramLabel = "DIR", description = "The cache (default: ~/.cache/stagesmith).")
        Path cacheDir;

        @Option(names = "--all", description = "Also remove the local image store.")
        boolean all;

        @Override
        public void run() {
            BuildCache cache = open(cacheDir);
            try {
                long freed = cache.prune(all);
                spec.commandLine().getOut().println("Freed " + ProgressView.bytes(freed) + " from " + cache.root());
                spec.commandLine().getOut().flush();
            } catch (IOException e) {
                throw new UserError("cannot prune " + cache.root() + ": " + e.getMessage(), ExitCodes.PROBLEMS);
            }
        }
    }
}
