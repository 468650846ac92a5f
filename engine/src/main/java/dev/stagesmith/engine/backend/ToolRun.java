package dev.stagesmith.engine.backend;

import dev.stagesmith.engine.build.BuildCancelledException;
import dev.stagesmith.engine.build.Cancellation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs an external build tool with stdout and stderr merged, handing each line to a parser as it comes and
 * keeping the last lines for the error message. A cancel kills the tool and everything it started.
 */
final class ToolRun {

    /** How many of the tool's last lines an error message carries. */
    static final int TAIL = 30;

    /** The tool's exit code and its last {@link #TAIL} lines. */
    record Result(int exit, List<String> tail) {}

    private ToolRun() {}

    static Result run(List<String> argv, Map<String, String> env, Path dir, Consumer<String> lines,
            Cancellation cancellation) throws IOException, BuildCancelledException {
        cancellation.check();
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true).directory(dir.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        ArrayDeque<String> tail = new ArrayDeque<>();
        try (Cancellation.Registration stop = cancellation.onCancel(() -> killTree(p));
             BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (tail.size() == TAIL) {
                    tail.removeFirst();
                }
                tail.addLast(line);
                lines.accept(line);
            }
            int exit = p.waitFor();
            cancellation.check();
            return new Result(exit, List.copyOf(tail));
        } catch (InterruptedException e) {
            killTree(p);
            Thread.currentThread().interrupt();
            throw new BuildCancelledException();
        } catch (IOException e) {
            if (cancellation.isCancelled()) {
                awaitExit(p);
            }
            cancellation.check();
            throw e;
        }
    }

    /** After a cancel the caller cleans up after the tool, which it can only do once the tool is gone. */
    private static void awaitExit(Process p) {
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs a short command (push, tag, rmi, --version) and returns its exit code and output. */
    static Result quiet(List<String> argv, Map<String, String> env, Path dir, Cancellation cancellation)
            throws IOException, BuildCancelledException {
        return run(argv, env, dir, line -> { }, cancellation);
    }

    /**
     * SIGTERM first so buildah and podman can release their storage locks and remove their working
     * containers; whatever is still alive after a few seconds is killed outright, children first.
     */
    static void killTree(Process p) {
        List<ProcessHandle> children = p.descendants().toList();
        p.destroy();
        Thread reaper = new Thread(() -> {
            try {
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
            }
            children.forEach(ProcessHandle::destroyForcibly);
        }, "stagesmith-tool-reaper");
        reaper.setDaemon(true);
        reaper.start();
    }
}
