package dev.stagesmith.server.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a command's output file through a temporary file and a rename, so a reader never sees half of it. */
final class OutputFiles {

    private OutputFiles() {}

    static void write(Path file, String text) {
        Path absolute = file.toAbsolutePath();
        Path dir = absolute.getParent();
        Path tmp = null;
        try {
            if (Files.isDirectory(absolute)) {
                throw UserError.usage("cannot write " + file + ": it is a directory; name a file");
            }
            tmp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (NoSuchFileException e) {
            throw UserError.usage(
                    "cannot write " + file + ": the directory " + dir + " does not exist; create it first");
        } catch (AccessDeniedException e) {
            throw UserError.usage("cannot write " + file + ": permission denied");
        } catch (IOException e) {
            throw UserError.usage("cannot write " + file + ": " + e.getMessage());
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // The rename failed and so may this; the message above is what matters.
                }
            }
        }
    }
}
