package dev.stagesmith.engine.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.stagesmith.engine.build.BuildException;
import dev.stagesmith.engine.build.BuildListener;
import dev.stagesmith.engine.build.BuildRequest;
import dev.stagesmith.engine.build.Cancellation;
import dev.stagesmith.engine.registry.RegistryOptions;
import dev.stagesmith.grammar.stages.Platform;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * How a request becomes a {@code podman build} / {@code buildah build} command line, and what the tools
 * cannot take. BackendIT runs the commands for real; this pins the flags that test does not reach
 * (secrets, ssh, another platform, SOURCE_DATE_EPOCH).
 */
class ContainersBackendTest {

    private static BuildRequest request(Platform platform, Map<String, String> contexts) {
        return new BuildRequest(Path.of("/ctx/Dockerfile"), "FROM busybox AS app\n", Path.of("/ctx"),
                Optional.of("app"), Map.of("V", "1", "A", "x y"), platform, List.of(), Optional.empty(),
                Optional.empty(), Path.of("/cache"), true, true, contexts, OptionalLong.of(1_700_000_000L), false,
                RegistryOptions.defaults(), Map.of("npm", Path.of("/run/npmrc")), Map.of("default", "/agent.sock"));
    }

    @Test
    void everyRequestFieldHasItsFlag() {
        Platform arm = Platform.parse("linux/arm64").orElseThrow();
        Platform other = arm.equals(Platform.host()) ? Platform.parse("linux/amd64").orElseThrow() : arm;
        List<String> argv = new ContainersBackend("buildah", Map.of()).buildCommand("buildah",
                request(other, Map.of("src", "/elsewhere")), Path.of("/ctx/Dockerfile"), Path.of("/w/iid"), true);
        assertEquals(List.of("buildah", "build", "--layers", "-f", "/ctx/Dockerfile", "--target", "app",
                "--build-arg", "A=x y", "--build-arg", "V=1", "--platform", other.toString(),
                "--secret", "id=npm,src=/run/npmrc", "--ssh", "default=/agent.sock",
                "--build-context", "src=/elsewhere", "--no-cache", "--pull=always", "--timestamp", "1700000000",
                "--tls-verify=false", "--iidfile", "/w/iid", "/ctx"), argv);
    }

    @Test
    void thisMachinesPlatformIsLeftToTheTool() {
        List<String> argv = new ContainersBackend("podman", Map.of()).buildCommand("podman",
                request(Platform.host(), Map.of()), Path.of("/ctx/Dockerfile"), Path.of("/w/iid"), false);
        assertEquals(-1, argv.indexOf("--platform"), argv.toString());
    }

    @Test
    void anOciLayoutContextIsRefusedWithWhatToDoInstead() {
        BuildException e = assertThrows(BuildException.class, () -> Backends.named("podman", Optional.empty(),
                Map.of("PATH", "/nonexistent")).build(request(Platform.host(), Map.of("base", "oci-layout:///l:1")),
                BuildListener.NONE, new Cancellation()));
        assertEquals("--build-context base=oci-layout:///l:1: podman cannot take oci-layout:// contexts (it takes"
                + " a directory, a URL or docker-image://REF): push the image to a registry and name it with"
                + " docker-image://, or build with --engine embedded", e.getMessage());
    }
}
