package dev.stagesmith.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagesmith.engine.testing.RequiredTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stagesmith build} from the built jar with a RUN on a busybox base: its output streams with the step
 * prefix, and Ctrl-C (SIGINT) stops the build and the sandboxed process at once.
 */
class BuildInterruptIT {

    @TempDir
    Path work;

    @Test
    void ctrlCStopsARunningRunAndTheNextBuildWorks() throws Exception {
        RequiredTool.find("bwrap", "bubblewrap");
        Path busybox = RequiredTool.find("busybox", "busybox-static");
        Path jar = Path.of("target", "stagesmith.jar").toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "build the jar first (mvn package): " + jar);

        // A busybox base image, built by stagesmith itself from a directory.
        Path base = Files.createDirectories(work.resolve("base/rootfs/bin"));
        Files.copy(busybox, base.resolve("busybox"));
        for (String applet : List.of("sh", "echo", "sleep")) {
            Files.createSymbolicLink(base.resolve(applet), Path.of("busybox"));
        }
        Files.writeString(work.resolve("base/Dockerfile"), "FROM scratch\nCOPY rootfs/ /\nENV PATH=/bin\n");
        Path cache = work.resolve("cache");
        Path layout = work.resolve("base-out");
        Process b = stagesmith(jar, "build", "--progress", "plain", "--cache-dir", cache.toString(), "-o",
                "oci:" + layout, work.resolve("base").toString());
        assertEquals(0, b.waitFor(), () -> read(work.resolve("log.txt")));

        Path app = Files.createDirectories(work.resolve("app"));
        Files.writeString(app.resolve("Dockerfile"), "FROM base\nRUN echo started && sleep 60\n");
        Process p = stagesmith(jar, "build", "--progress", "plain", "--cache-dir", cache.toString(),
                "--build-context", "base=oci-layout://" + layout + ":0", app.toString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!read(work.resolve("log.txt")).contains("#[stage-0 2/2] started")) {
            assertTrue(p.isAlive() && System.nanoTime() < deadline, () -> "no output: " + read(work.resolve("log.txt")));
            p.waitFor(50, TimeUnit.MILLISECONDS); // polls the log, and returns at once if the build ends
        }
        long t0 = System.nanoTime();
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS), "the build stopped on SIGINT");
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertTrue(ms < 3000, "stopped in " + ms + " ms");
        assertTrue(read(work.resolve("log.txt")).contains("build cancelled"), read(work.resolve("log.txt")));
        List<ProcessHandle> left = ProcessHandle.allProcesses()
                .filter(h -> h.info().commandLine().orElse("").contains("echo started && sleep 60")).toList();
        assertEquals(List.of(), left, "no sandboxed process survives");

        Files.writeString(app.resolve("Dockerfile"), "FROM base\nRUN echo started && sleep 0\n");
        Process again = stagesmith(jar, "build", "--progress", "plain", "--cache-dir", cache.toString(),
                "--build-context", "base=oci-layout://" + layout + ":0", app.toString());
        assertEquals(0, again.waitFor(), () -> read(work.resolve("log.txt")));
        assertTrue(read(work.resolve("log.txt")).contains("#[stage-0 2/2] started"), read(work.resolve("log.txt")));
    }

    private Process stagesmith(Path jar, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve("log.txt").toFile()).start();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
