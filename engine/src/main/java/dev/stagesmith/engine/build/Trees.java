package dev.stagesmith.engine.build;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Deleting directory trees we made (temp dirs, replaced outputs). */
final class Trees {

    private Trees() {}

    static void deleteQuietly(Path dir) {
        try {
            delete(dir);
        } catch (IOException e) {
            // Leftover temp files are harmless; the next prune removes them.
        }
    }

    /** Also removes what a RUN left read-only (a 0555 directory would stop a plain delete). */
    static void delete(Path dir) throws IOException {
        dev.stagesmith.engine.run.fs.RootFs.deleteTree(dir);
    }
}
