package dev.stagesmith.grammar;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Locates {@code ../shared} (conformance files and the real-world corpus) and reads files from it in place. */
public final class SharedData {

    private SharedData() {}

    public static Path root() {
        String configured = System.getProperty("stagesmith.shared");
        Path p = configured != null && !configured.isBlank() ? Path.of(configured) : Path.of("../../shared");
        if (!Files.isDirectory(p)) {
            p = Path.of("../shared");
        }
        assertTrue(Files.isDirectory(p.resolve("conformance")),
                "shared data not found at " + p.toAbsolutePath() + "; set -Dstagesmith.shared=DIR");
        return p.toAbsolutePath().normalize();
    }

    public static Path conformance() {
        return root().resolve("conformance/buildkit-parser");
    }

    public static Path corpus() {
        return root().resolve("corpus/real");
    }

    public static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sub-directories of {@code dir}, sorted by name. */
    public static List<Path> dirs(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Dockerfiles of the real-world corpus (every file but the sources table). */
    public static List<Path> corpusFiles() {
        try (Stream<Path> s = Files.list(corpus())) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".tsv"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
