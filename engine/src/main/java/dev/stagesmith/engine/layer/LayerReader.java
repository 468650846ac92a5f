package dev.stagesmith.engine.layer;

import dev.stagesmith.engine.fs.Content;
import dev.stagesmith.engine.fs.FileEntry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarFile;

/**
 * Reads an uncompressed layer tar into entries whose content points into the tar itself, so a stage's files
 * can be copied without extracting anything. Whiteout files become {@link FileEntry.Type#WHITEOUT} and
 * {@link FileEntry.Type#OPAQUE} entries; a name that would escape the root is an error.
 */
public final class LayerReader {

    private LayerReader() {}

    public static List<FileEntry> read(Path tarFile) throws IOException {
        List<FileEntry> out = new ArrayList<>();
        Map<String, FileEntry> files = new HashMap<>();
        try (TarFile tar = new TarFile(tarFile)) {
            for (TarArchiveEntry t : tar.getEntries()) {
                Optional<String> clean = cleanName(t.getName());
                if (clean.isEmpty()) {
                    throw new IOException("layer " + tarFile.getFileName() + " has an entry outside the root: "
                            + t.getName());
                }
                String path = clean.get();
                if (path.isEmpty()) {
                    continue;
                }
                FileEntry e = toEntry(t, path, tarFile, files);
                if (e != null) {
                    out.add(e);
                    if (e.type() == FileEntry.Type.FILE) {
                        files.put(path, e);
                    }
                }
            }
        }
        return out;
    }

    private static FileEntry toEntry(TarArchiveEntry t, String path, Path tarFile, Map<String, FileEntry> files)
            throws IOException {
        String name = FileEntry.nameOf(path);
        String parent = FileEntry.parentOf(path);
        if (name.equals(".wh..wh..opq")) {
            return FileEntry.opaque(parent);
        }
        if (name.startsWith(".wh.")) {
            String hidden = name.substring(4);
            if (hidden.isEmpty()) {
                throw new IOException("layer " + tarFile.getFileName() + " has an empty whiteout: " + t.getName());
            }
            return FileEntry.whiteout(parent.isEmpty() ? hidden : parent + "/" + hidden);
        }
        Optional<FileEntry.Type> type = TarHeaders.typeOf(t);
        if (type.isEmpty()) {
            return null;
        }
        Content content = null;
        String link = "";
        switch (type.get()) {
            case SYMLINK -> link = t.getLinkName();
            case HARDLINK -> {
                link = cleanName(t.getLinkName()).orElseThrow(() -> new IOException("layer "
                        + tarFile.getFileName() + " has a hard link outside the root: " + t.getLinkName()));
                FileEntry target = files.get(link);
                content = target == null ? null : target.content();
            }
            case FILE -> content = Content.ofSlice(tarFile, t.getDataOffset(), t.getSize());
            default -> { }
        }
        return TarHeaders.entry(t, path, type.get(), link, content);
    }

    /** A tar name made root-relative and clean; empty when {@code ..} would climb out of the root. */
    public static Optional<String> cleanName(String name) {
        List<String> parts = new ArrayList<>();
        for (String p : name.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                if (parts.isEmpty()) {
                    return Optional.empty();
                }
                parts.remove(parts.size() - 1);
                continue;
            }
            parts.add(p);
        }
        return Optional.of(String.join("/", parts));
    }
}
