package dev.stagesmith.engine.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagesmith.engine.build.BuildEvent;
import dev.stagesmith.engine.build.BuildException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * BuildKit plain progress to events. There is no Docker daemon on the test machines, so the transcripts
 * here are written by hand in the format {@code docker buildx build --progress plain} prints (vertex
 * numbers, {@code [stage k/n]} names, DONE/CACHED/ERROR, time-stamped log lines, the closing
 * {@code > [stage k/n] ...:} block): this is the one place the tests use a stand-in for a real tool.
 */
class BuildkitProgressTest {

    private static final String DOCKERFILE = """
            FROM busybox AS build
            WORKDIR /src
            COPY . .
            RUN make

            FROM busybox
            COPY --from=build /src/app /app
            RUN /app --selftest
            """;

    private final List<BuildEvent> events = new ArrayList<>();

    private BuildkitProgress parse(String output) throws BuildException {
        BuildkitProgress p = new BuildkitProgress(
                StepMap.of(ContainersProgressTest.request(DOCKERFILE, null)), events::add);
        output.lines().forEach(p);
        return p;
    }

    @Test
    void parallelVerticesBecomeStepsOfTheirStages() throws Exception {
        BuildkitProgress p = parse("""
                #0 building with "default" instance using docker driver

                #1 [internal] load build definition from Dockerfile
                #1 transferring dockerfile: 160B done
                #1 DONE 0.0s

                #2 [internal] load metadata for docker.io/library/busybox:latest
                #2 DONE 0.9s

                #3 [build 1/4] FROM docker.io/library/busybox@sha256:aaaa
                #3 CACHED

                #4 [build 2/4] WORKDIR /src
                #4 CACHED

                #5 [internal] load build context
                #5 transferring context: 2.10kB done
                #5 DONE 0.0s

                #6 [build 3/4] COPY . .
                #6 DONE 0.1s

                #7 [build 4/4] RUN make
                #7 0.312 cc -o app main.c
                #7 1.020 done building
                #7 DONE 1.2s

                #8 [stage-1 2/3] COPY --from=build /src/app /app
                #8 DONE 0.0s

                #9 [stage-1 3/3] RUN /app --selftest
                #9 0.101 ok
                #9 DONE 0.3s
                """);
        p.complete();
        List<String> kinds = new ArrayList<>();
        for (BuildEvent e : events) {
            if (e instanceof BuildEvent.StepStarted s) {
                kinds.add("start " + s.id() + " " + s.text());
            } else if (e instanceof BuildEvent.StepCached s) {
                kinds.add("cached " + s.id());
            } else if (e instanceof BuildEvent.StepFinished s) {
                kinds.add("done " + s.id() + " " + s.elapsed().toMillis());
            } else if (e instanceof BuildEvent.StepOutput s) {
                kinds.add("out " + s.id() + " " + s.line());
            } else if (e instanceof BuildEvent.StageFinished s) {
                kinds.add("stage " + s.stage());
            }
        }
        assertEquals(List.of(
                "start [build 2/4] WORKDIR /src", "cached [build 2/4]",
                "start [build 3/4] COPY . .", "done [build 3/4] 100",
                "start [build 4/4] RUN make", "out [build 4/4] cc -o app main.c", "out [build 4/4] done building",
                "done [build 4/4] 1200", "stage build",
                "start [stage-1 2/3] COPY --from=build /src/app /app", "done [stage-1 2/3] 0",
                "start [stage-1 3/3] RUN /app --selftest", "out [stage-1 3/3] ok", "done [stage-1 3/3] 300",
                "stage stage-1"), kinds);
        assertTrue(p.failedStep().isEmpty());
    }

    @Test
    void anErrorVertexIsTheFailingLine() throws Exception {
        BuildkitProgress p = parse("""
                #7 [build 4/4] RUN make
                #7 0.210 main.c:3: error: expected ';'
                #7 ERROR: process "/bin/sh -c make" did not complete successfully: exit code: 2
                ------
                 > [build 4/4] RUN make:
                0.210 main.c:3: error: expected ';'
                ------
                Dockerfile:4
                --------------------
                   2 |     WORKDIR /src
                   3 |     COPY . .
                   4 | >>> RUN make
                --------------------
                ERROR: failed to solve: process "/bin/sh -c make" did not complete successfully: exit code: 2
                """);
        StepMap.Step s = p.failedStep().orElseThrow();
        assertEquals(4, s.line());
        assertEquals("build", s.stage().displayName());
        assertEquals(Optional.of("process \"/bin/sh -c make\" did not complete successfully: exit code: 2"),
                p.reason());
        BuildException e = ExternalTool.failure("docker buildx", StepMap.of(ContainersProgressTest.request(
                DOCKERFILE, null)), p, new ToolRun.Result(1, List.of("ERROR: failed to solve")), events::add);
        assertTrue(e.getMessage().startsWith("Dockerfile:4: stage build: RUN make: process \"/bin/sh -c make\" did"
                + " not complete successfully: exit code: 2 (docker buildx exited with code 1)\n"), e.getMessage());
        assertEquals(4, e.line());
    }

    @Test
    void theSummaryBlockNamesTheStepWhenNoVertexDid() throws Exception {
        BuildkitProgress p = parse("""
                ------
                 > [stage-1 3/3] RUN /app --selftest:
                ------
                ERROR: failed to solve: process "/bin/sh -c /app --selftest" did not complete successfully: exit code: 1
                """);
        assertEquals(8, p.failedStep().orElseThrow().line());
        assertTrue(p.reason().orElseThrow().startsWith("failed to solve"));
        assertTrue(p.timings().isEmpty(), "no stage was seen running: " + p.timings());
    }
}
