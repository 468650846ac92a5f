package dev.stagesmith.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Finds {@code ../shared} (BuildKit's conformance files, the real-world corpus), read in place by tests. */
public final class SharedData {

    private SharedData() {}

    public static Path root() {
        String configured = System.getProperty("stagesmith.shared");
        Path p = configured != null && !configured.isBlank() ? Path.of(configured) : Path.of("../../shared");
        assertTrue(Files.isDirectory(p.resolve("corpus/real")),
                "shared data not found at " + p.toAbsolutePath() + "; set -Dstagesmith.shared=DIR");
        return p.toAbsolutePath().normalize();
    }

    /** The Dockerfiles of the real-world corpus (every file but the sources table), sorted. */
    public static List<Path> corpusFiles() {
        try (Stream<Path> s = Files.list(root().resolve("corpus/real"))) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".tsv"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
