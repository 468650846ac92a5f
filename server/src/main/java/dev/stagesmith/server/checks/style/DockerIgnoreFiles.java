package dev.stagesmith.server.checks.style;

import dev.stagesmith.engine.context.DockerIgnore;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Finds the {@code .dockerignore} a build of a Dockerfile uses, as BuildKit chooses it: a
 * {@code <Dockerfile name>.dockerignore} next to the Dockerfile first, else {@code .dockerignore} at the
 * root of the build context.
 */
public final class DockerIgnoreFiles {

    private static final System.Logger LOG = System.getLogger(DockerIgnoreFiles.class.getName());

    private DockerIgnoreFiles() {}

    /** The ignore file that applies, if there is one. */
    public static Optional<Path> locate(Path dockerfile, Path contextDir) {
        Path specific = dockerfile.resolveSibling(dockerfile.getFileName() + ".dockerignore");
        if (Files.isRegularFile(specific)) {
            return Optional.of(specific);
        }
        Path shared = contextDir.resolve(".dockerignore");
        return Files.isRegularFile(shared) ? Optional.of(shared) : Optional.empty();
    }

    /**
     * Which context paths the build leaves out, for {@link dev.stagesmith.server.checks.CheckInput}. Empty
     * when there is no ignore file, when it has no patterns (BuildKit then checks nothing), or when it
     * cannot be read or has a pattern moby rejects (the build itself fails on that; logged).
     */
    public static Optional<Predicate<String>> forBuild(Path dockerfile, Path contextDir) {
        Optional<Path> file = locate(dockerfile, contextDir);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try {
            DockerIgnore ignore = DockerIgnore.parse(read(file.get()));
            return ignore.isEmpty() ? Optional.empty() : Optional.of(ignore);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot read " + file.get() + ": " + e.getMessage());
        } catch (DockerIgnore.InvalidPatternException e) {
            LOG.log(Level.WARNING, file.get() + ": " + e.getMessage());
        }
        return Optional.empty();
    }

    private static String read(Path file) throws IOException {
        // Invalid UTF-8 is replaced rather than fatal: Go reads the bytes as they are.
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                .toString();
    }
}
