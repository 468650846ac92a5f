package dev.stagesmith.engine.layer;

import dev.stagesmith.engine.fs.Content;
import dev.stagesmith.engine.fs.FileEntry;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/**
 * What a tar header says about an entry, for every reader of tars (stored layers, ADD's archives): its kind,
 * and its mode, owner, mtime, device numbers and {@code SCHILY.xattr.*} records.
 */
public final class TarHeaders {

    private static final String XATTR = "SCHILY.xattr.";

    private TarHeaders() {}

    /** The entry's kind; empty for kinds an image cannot hold (sparse and other GNU extensions). */
    public static Optional<FileEntry.Type> typeOf(TarArchiveEntry t) {
        if (t.isDirectory()) {
            return Optional.of(FileEntry.Type.DIR);
        } else if (t.isSymbolicLink()) {
            return Optional.of(FileEntry.Type.SYMLINK);
        } else if (t.isLink()) {
            return Optional.of(FileEntry.Type.HARDLINK);
        } else if (t.isCharacterDevice()) {
            return Optional.of(FileEntry.Type.CHAR);
        } else if (t.isBlockDevice()) {
            return Optional.of(FileEntry.Type.BLOCK);
        } else if (t.isFIFO()) {
            return Optional.of(FileEntry.Type.FIFO);
        } else if (t.isFile()) {
            return Optional.of(FileEntry.Type.FILE);
        }
        return Optional.empty();
    }

    /** An entry at {@code path} with the header's metadata and the link target and content the caller chose. */
    public static FileEntry entry(TarArchiveEntry t, String path, FileEntry.Type type, String link, Content content) {
        Map<String, String> xattrs = new HashMap<>();
        t.getExtraPaxHeaders().forEach((k, v) -> {
            if (k.startsWith(XATTR)) {
                xattrs.put(k.substring(XATTR.length()), v);
            }
        });
        return new FileEntry(path, type, t.getMode() & 07777, (int) t.getLongUserId(), (int) t.getLongGroupId(),
                t.getModTime().getTime() / 1000L, link, t.getDevMajor(), t.getDevMinor(), xattrs, content);
    }
}
