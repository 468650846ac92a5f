package dev.stagesmith.server.checks.style;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerIgnoreFilesTest {

    @TempDir
    Path dir;

    @Test
    void aDockerfileSpecificIgnoreFileWinsOverTheContextOne() throws Exception {
        Path context = Files.createDirectories(dir.resolve("ctx"));
        Path dockerfile = Files.writeString(Files.createDirectories(dir.resolve("build")).resolve("app.Dockerfile"),
                "FROM scratch\n");
        Files.writeString(context.resolve(".dockerignore"), "from-context\n");
        assertTrue(DockerIgnoreFiles.forBuild(dockerfile, context).orElseThrow().test("from-context"));

        Files.writeString(dir.resolve("build/app.Dockerfile.dockerignore"), "\uFEFF# specific\nfrom-dockerfile\n");
        var ignored = DockerIgnoreFiles.forBuild(dockerfile, context).orElseThrow();
        assertTrue(ignored.test("from-dockerfile"));
        assertFalse(ignored.test("from-context"));
    }

    @Test
    void nothingWhenThereIsNoUsableIgnoreFile() throws Exception {
        Path dockerfile = Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\n");
        assertEquals(Optional.empty(), DockerIgnoreFiles.forBuild(dockerfile, dir));
        Files.writeString(dir.resolve(".dockerignore"), "# only a comment\n\n");
        assertEquals(Optional.empty(), DockerIgnoreFiles.forBuild(dockerfile, dir));
        Files.writeString(dir.resolve(".dockerignore"), "!\n");
        assertEquals(Optional.empty(), DockerIgnoreFiles.forBuild(dockerfile, dir));
    }
}
