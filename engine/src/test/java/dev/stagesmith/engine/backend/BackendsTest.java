package dev.stagesmith.engine.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagesmith.engine.build.BuildException;
import dev.stagesmith.engine.build.BuildListener;
import dev.stagesmith.engine.build.BuildRequest;
import dev.stagesmith.engine.build.Cancellation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Choosing a backend, and what the user reads when its tool is missing. */
class BackendsTest {

    /** An environment whose PATH holds no tools at all. */
    private static final Map<String, String> NO_TOOLS = Map.of("PATH", "/nonexistent");

    @ParameterizedTest
    @ValueSource(strings = {"podman", "buildah", "docker"})
    void aMissingToolIsOneLineSayingWhatToInstall(String name) throws Exception {
        BuildException e = assertThrows(BuildException.class, () -> Backends.named(name, Optional.empty(), NO_TOOLS)
                .build(ContainersProgressTest.request("FROM scratch\n", null), BuildListener.NONE, new Cancellation()));
        String tool = name.equals("docker") ? "docker" : name;
        assertTrue(e.getMessage().startsWith(tool + " is not installed"), e.getMessage());
        assertTrue(e.getMessage().contains(": install ") && e.getMessage().endsWith(", or build with --engine embedded"),
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"podman", "buildah", "docker"})
    void aBadTagIsRefusedBeforeAnyToolRuns(String name) {
        BuildRequest base = ContainersProgressTest.request("FROM scratch\n", null);
        BuildRequest request = new BuildRequest(base.dockerfile(), base.dockerfileText(), base.context(),
                base.target(), base.buildArgs(), base.platform(), base.outputs(), Optional.of("Not A Name"),
                base.push(), base.cacheDir(), false, false, Map.of(), base.sourceDateEpoch(), false, base.registry());
        BuildException e = assertThrows(BuildException.class, () -> Backends.named(name, Optional.empty(), NO_TOOLS)
                .build(request, BuildListener.NONE, new Cancellation()));
        assertTrue(e.getMessage().startsWith("--tag Not A Name: "), e.getMessage());
    }

    @Test
    void unknownEngineAndMisplacedBuilderAreRefused() {
        BuildException unknown = assertThrows(BuildException.class, () -> Backends.named("kaniko"));
        assertEquals("unknown build engine 'kaniko': choose one of embedded, podman, buildah, docker",
                unknown.getMessage());
        BuildException builder = assertThrows(BuildException.class,
                () -> Backends.named("podman", Optional.of("remote")));
        assertTrue(builder.getMessage().contains("only --engine docker uses"), builder.getMessage());
    }

    @Test
    void probeReportsEachBackendAndWhyItIsMissing() {
        List<Backends.Availability> found = Backends.probe(NO_TOOLS);
        assertEquals(Backends.names(), found.stream().map(Backends.Availability::name).toList());
        assertTrue(found.get(0).available());
        for (Backends.Availability a : found.subList(1, found.size())) {
            assertFalse(a.available(), a.toString());
            assertTrue(a.detail().contains("not installed"), a.toString());
        }
    }
}
