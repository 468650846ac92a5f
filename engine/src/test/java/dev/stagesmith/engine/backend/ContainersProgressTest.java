package dev.stagesmith.engine.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagesmith.engine.build.BuildEvent;
import dev.stagesmith.engine.build.BuildException;
import dev.stagesmith.engine.build.BuildRequest;
import dev.stagesmith.engine.registry.RegistryOptions;
import dev.stagesmith.grammar.stages.Platform;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * podman/buildah output to events. The transcripts are what buildah 1.28.2 and podman 4.3.1 printed for
 * these Dockerfiles on this machine (the heredoc case cut down from a build of examples/static-site);
 * BackendIT runs the tools themselves, these pin the parsing.
 */
class ContainersProgressTest {

    private static final String DOCKERFILE = """
            FROM localhost/busybox:local AS base
            COPY a.txt /a.txt
            RUN echo one && echo two >&2

            FROM scratch AS unused
            COPY a.txt /u

            FROM base AS final
            COPY --from=base /a.txt /b.txt
            RUN echo failing; false
            """;

    private final List<BuildEvent> events = new ArrayList<>();

    private ContainersProgress parse(String dockerfile, String target, String output) throws BuildException {
        StepMap map = StepMap.of(request(dockerfile, target));
        ContainersProgress p = new ContainersProgress(map, events::add, map.target(Optional.of(target)));
        output.lines().forEach(p);
        return p;
    }

    @Test
    void freshBuildThatFailsInItsLastStep() throws Exception {
        ContainersProgress p = parse(DOCKERFILE, "final", """
                [1/3] STEP 1/3: FROM localhost/busybox:local AS base
                [1/3] STEP 2/3: COPY a.txt /a.txt
                --> bdcdfeb1b3d
                [1/3] STEP 3/3: RUN echo one && echo two >&2
                one
                two
                --> 01dc744b60d
                [3/3] STEP 1/3: FROM 01dc744b60d8bdd6717f0fb53546bb7fff38ed81abf529ec44d2a341812f8a11 AS final
                [3/3] STEP 2/3: COPY --from=base /a.txt /b.txt
                --> 1c70b38ff54
                [3/3] STEP 3/3: RUN echo failing; false
                failing
                subprocess exited with status 1
                Error: building at STEP "RUN echo failing; false": exit status 1
                """);
        assertEquals(List.of(
                "StageStarted base",
                "StepStarted [base 2/3] COPY a.txt /a.txt",
                "StepFinished [base 2/3]",
                "StepStarted [base 3/3] RUN echo one && echo two >&2",
                "StepOutput [base 3/3] one",
                "StepOutput [base 3/3] two",
                "StepFinished [base 3/3]",
                "StageFinished base",
                "StageStarted final",
                "StepStarted [final 2/3] COPY --from=base /a.txt /b.txt",
                "StepFinished [final 2/3]",
                "StepStarted [final 3/3] RUN echo failing; false",
                "StepOutput [final 3/3] failing",
                "StepOutput [final 3/3] subprocess exited with status 1"), shown());
        StepMap.Step failed = p.failedStep().orElseThrow();
        assertEquals(10, failed.line());
        assertEquals("final", failed.stage().displayName());
        assertEquals(Optional.of("exit status 1"), p.reason());
    }

    @Test
    void cachedStepsAndTheCommitEndTheStages() throws Exception {
        ContainersProgress p = parse(DOCKERFILE.replace("false", "true"), "final", """
                [1/3] STEP 1/3: FROM localhost/busybox:local AS base
                [1/3] STEP 2/3: COPY a.txt /a.txt
                --> Using cache bdcdfeb1b3de93696e2b579beb66e1b51ba71765cb4dc79a9decfa9d77610d5e
                --> bdcdfeb1b3d
                [1/3] STEP 3/3: RUN echo one && echo two >&2
                --> Using cache 01dc744b60d8bdd6717f0fb53546bb7fff38ed81abf529ec44d2a341812f8a11
                --> 01dc744b60d
                [3/3] STEP 1/3: FROM 01dc744b60d8bdd6717f0fb53546bb7fff38ed81abf529ec44d2a341812f8a11 AS final
                [3/3] STEP 2/3: COPY --from=base /a.txt /b.txt
                --> Using cache 1c70b38ff5453f33d9f8aa3be44a5acdc75c27996d7427581dc0d62ab7159086
                --> 1c70b38ff54
                [3/3] STEP 3/3: RUN echo failing; true
                failing
                [3/3] COMMIT tmp:1
                --> 5dfb10acaa6
                Successfully tagged localhost/tmp:1
                5dfb10acaa65e3d5d5f6a6b62f0bf7113d9ee2f790886280334fb52a05edbc82
                """);
        p.complete();
        List<String> shown = shown();
        assertTrue(shown.contains("StepCached [base 2/3]") && shown.contains("StepCached [final 2/3]"), shown.toString());
        assertTrue(shown.contains("StageFinished base cached"), shown.toString());
        assertTrue(shown.contains("StageFinished final"), "final ran a step: " + shown);
        assertTrue(shown.contains("StepFinished [final 3/3]"), shown.toString());
        assertTrue(p.failedStep().isEmpty());
        assertEquals(List.of("base", "final"), p.timings().stream().map(t -> t.stage()).toList());
    }

    @Test
    void oneStageFileHasNoStagePrefix() throws Exception {
        ContainersProgress p = parse("FROM busybox\nARG F=x.txt\nCOPY $F /x\n", "0", """
                STEP 1/3: FROM busybox
                STEP 2/3: ARG F=x.txt
                --> 1111aaaa
                STEP 3/3: COPY x.txt /x
                Error: building at STEP "COPY x.txt /x": checking on sources under "/ctx": copier: stat: "/x.txt": no such file or directory
                """);
        StepMap.Step failed = p.failedStep().orElseThrow();
        assertEquals(3, failed.line(), "the step is found by position though ARG expanded its text");
        assertTrue(p.reason().orElseThrow().contains("no such file"), p.reason().toString());
    }

    @Test
    void aHeredocBuildahCannotReadFailsOnItsLine() throws Exception {
        String dockerfile = "FROM scratch AS pages\nCOPY site/ /www/\n\nFROM scratch AS config\n"
                + "COPY <<EOF /etc/passwd\nroot:x:0:0:root:/root:/bin/sh\nEOF\nCOPY a /a\n";
        ContainersProgress p = parse(dockerfile, "config", """
                [1/2] STEP 1/2: FROM scratch AS pages
                [1/2] STEP 2/2: COPY site/ /www/
                [2/2] STEP 1/5: FROM scratch AS config
                [2/2] STEP 2/5: COPY <<EOF /etc/passwd
                Error: building at STEP "COPY <<EOF /etc/passwd": checking on sources under "/tmp/ss": copier: stat: "/<<EOF": no such file or directory
                """);
        StepMap.Step failed = p.failedStep().orElseThrow();
        assertEquals(5, failed.line());
        assertEquals("COPY <<EOF /etc/passwd ...", failed.text());
        assertEquals(Optional.of("checking on sources under \"/tmp/ss\": copier: stat: \"/<<EOF\": no such file"
                + " or directory"), p.reason());
    }

    @Test
    void errorOutsideAnyStepKeepsTheToolsWords() throws Exception {
        ContainersProgress p = parse(DOCKERFILE, "final", """
                [1/3] STEP 1/3: FROM localhost/busybox:local AS base
                Error: creating build container: initializing source docker://localhost/busybox:local: pinging container registry localhost: connection refused
                """);
        assertTrue(p.failedStep().isEmpty());
        assertTrue(p.reason().orElseThrow().startsWith("creating build container"), p.reason().toString());
        ToolRun.Result r = new ToolRun.Result(125, List.of("Error: creating build container: ..."));
        BuildException e = ExternalTool.failure("buildah", StepMap.of(request(DOCKERFILE, "final")), p, r,
                events::add);
        assertTrue(e.getMessage().startsWith("buildah failed with exit code 125: creating build container"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("\nError: creating build container: ..."), e.getMessage());
        assertEquals(0, e.line());
    }

    private List<String> shown() {
        List<String> out = new ArrayList<>();
        for (BuildEvent e : events) {
            if (e instanceof BuildEvent.StageStarted s) {
                out.add("StageStarted " + s.stage());
            } else if (e instanceof BuildEvent.StageFinished s) {
                out.add("StageFinished " + s.stage() + (s.cached() ? " cached" : ""));
            } else if (e instanceof BuildEvent.StepStarted s) {
                out.add("StepStarted " + s.id() + " " + s.text());
            } else if (e instanceof BuildEvent.StepFinished s) {
                out.add("StepFinished " + s.id());
            } else if (e instanceof BuildEvent.StepCached s) {
                out.add("StepCached " + s.id());
            } else if (e instanceof BuildEvent.StepOutput s) {
                out.add("StepOutput " + s.id() + " " + s.line());
            }
        }
        return out;
    }

    static BuildRequest request(String dockerfile, String target) {
        return new BuildRequest(Path.of("/ctx/Dockerfile"), dockerfile, Path.of("/ctx"), Optional.ofNullable(target),
                Map.of(), Platform.parse("linux/amd64").orElseThrow(), List.of(), Optional.empty(), Optional.empty(),
                Path.of("/cache"), false, false, Map.of(), OptionalLong.empty(), false, RegistryOptions.defaults());
    }
}
