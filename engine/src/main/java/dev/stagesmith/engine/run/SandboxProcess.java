package dev.stagesmith.engine.run;

import dev.stagesmith.engine.build.Cancellation;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Starts a sandbox launcher (bwrap, unshare) and streams its merged output line by line. A cancel kills the
 * launcher and everything below it, so the read loop sees the end of the stream and returns at once.
 */
final class SandboxProcess {

    private SandboxProcess() {}

    static int run(List<String> command, Map<String, String> env, RunSpec spec, Path stdinDir,
            Consumer<String> output, Cancellation cancellation) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(env);
        if (spec.stdin().isPresent()) {
            Path in = Files.createTempFile(stdinDir, "stdin-", "");
            Files.write(in, spec.stdin().get());
            pb.redirectInput(in.toFile());
        } else {
            pb.redirectInput(new File("/dev/null"));
        }
        Process p = pb.start();
        try (Cancellation.Registration stop = cancellation.onCancel(() -> kill(p))) {
            var decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), decoder))) {
                for (String line; (line = r.readLine()) != null; ) {
                    output.accept(line);
                }
            }
            return p.waitFor();
        } catch (InterruptedException | IOException | RuntimeException e) {
            kill(p);
            throw e;
        } finally {
            if (p.isAlive()) {
                kill(p);
                p.waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    /** Kills the launcher's descendants first (the sandbox's pid 1 takes its namespace down), then the launcher. */
    static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }
}
