package dev.stagesmith.engine.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stagesmith.engine.build.BuildRequest;
import dev.stagesmith.engine.build.Output;
import dev.stagesmith.engine.registry.RegistryOptions;
import dev.stagesmith.grammar.stages.Platform;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * How a request becomes a {@code docker buildx build} command line. No Docker daemon runs on the test
 * machines, so the command is checked as text; podman and buildah are run for real in BackendIT.
 */
class DockerBackendTest {

    private static final String DOCKERFILE = "FROM busybox AS build\nRUN make\nFROM scratch AS app\nCOPY --from=build /a /a\n";

    @Test
    void everyRequestFieldHasItsFlag() throws Exception {
        BuildRequest req = new BuildRequest(Path.of("/ctx/Dockerfile"), DOCKERFILE, Path.of("/ctx"),
                Optional.of("app"), new TreeMap<>(Map.of("A", "1", "B", "two words")),
                Platform.parse("linux/arm64").orElseThrow(),
                List.of(new Output.OciLayout(Path.of("/out/layout")), new Output.Archive(Path.of("/out/d.tar"),
                        Output.Archive.Kind.DOCKER), new Output.Archive(Path.of("/out/o.tar"), Output.Archive.Kind.OCI)),
                Optional.of("example.test/app:1.2"), Optional.of("127.0.0.1:5000/app:1"), Path.of("/cache"), true, true,
                Map.of("src", "docker-image://example.test/src:1"), OptionalLong.of(1_700_000_000L), true,
                RegistryOptions.defaults(), Map.of("token", Path.of("/run/token")), Map.of("default", "/tmp/agent.sock"));
        DockerBackend docker = new DockerBackend(Optional.of("remote-builder"), Map.of());
        StepMap map = StepMap.of(req);
        List<String> argv = docker.command("docker", req, map.target(req.target()), Path.of("/ctx/Dockerfile"),
                Path.of("/tmp/w/metadata.json"), Path.of("/tmp/w/layout"));
        List<String> expected = List.of("docker", "buildx", "build", "--progress", "plain",
                "--builder", "remote-builder",
                "-f", "/ctx/Dockerfile",
                "--target", "app",
                "--build-arg", "A=1", "--build-arg", "B=two words",
                "--build-arg", "SOURCE_DATE_EPOCH=1700000000",
                "--platform", "linux/arm64",
                "--secret", "id=token,src=/run/token",
                "--ssh", "default=/tmp/agent.sock",
                "--build-context", "src=docker-image://example.test/src:1",
                "--no-cache", "--pull",
                "--metadata-file", "/tmp/w/metadata.json",
                "--output", "type=oci,dest=/out/layout,tar=false,name=example.test/app:1.2,compression=gzip",
                "--output", "type=docker,dest=/out/d.tar,name=example.test/app:1.2,compression=gzip",
                "--output", "type=oci,dest=/out/o.tar,name=example.test/app:1.2,compression=gzip",
                "--output", "type=image,name=127.0.0.1:5000/app:1,push=true,registry.insecure=true",
                "-t", "example.test/app:1.2",
                "/ctx");
        assertEquals(expected, argv);
    }

    @Test
    void withoutOutputsTheDefaultLayoutIsNamedAfterTheTarget() throws Exception {
        BuildRequest req = ContainersProgressTest.request(DOCKERFILE, null);
        DockerBackend docker = new DockerBackend(Optional.empty(), Map.of());
        StepMap map = StepMap.of(req);
        List<String> argv = docker.command("/usr/bin/docker", req, map.target(req.target()),
                Path.of("/ctx/Dockerfile"), Path.of("/m.json"), Path.of("/tmp/w/layout"));
        assertEquals(List.of("/usr/bin/docker", "buildx", "build", "--progress", "plain", "-f", "/ctx/Dockerfile",
                "--platform", "linux/amd64", "--metadata-file", "/m.json",
                "--output", "type=oci,dest=/tmp/w/layout,tar=false,name=localhost/app:app,compression=uncompressed",
                "/ctx"), argv);
    }
}
