package dev.stagesmith.engine.layer;

import dev.stagesmith.engine.fs.FileEntry;
import dev.stagesmith.engine.oci.Digest;
import dev.stagesmith.engine.oci.DigestingOutputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes a reproducible, uncompressed layer tar: entries sorted by path, PAX headers only for long names and
 * big numbers, empty user and group names, no atime or ctime, mtimes clamped to the epoch when one is given.
 * Returns the diff ID (the digest of exactly the bytes written).
 */
public final class LayerWriter {

    /** A written layer: its diff ID and uncompressed size. */
    public record Result(Digest diffId, long size) {}

    private static final Comparator<FileEntry> BY_PATH = Comparator.comparing(FileEntry::path);

    private LayerWriter() {}

    public static Result write(Collection<FileEntry> entries, OutputStream target, OptionalLong clampEpoch)
            throws IOException {
        List<FileEntry> sorted = new ArrayList<>(entries);
        sorted.sort(BY_PATH);
        DigestingOutputStream counted = new DigestingOutputStream(target);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(new BufferedOutputStream(counted, 128 * 1024));
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        tar.setAddPaxHeadersForNonAsciiNames(true);
        byte[] buf = new byte[128 * 1024];
        for (FileEntry e : sorted) {
            TarArchiveEntry t = header(e, clampEpoch);
            tar.putArchiveEntry(t);
            if (e.type() == FileEntry.Type.FILE) {
                long expected = e.size();
                long copied = 0;
                try (InputStream in = e.content().open()) {
                    for (int n; copied < expected && (n = in.read(buf, 0, (int) Math.min(buf.length, expected - copied))) > 0; ) {
                        tar.write(buf, 0, n);
                        copied += n;
                    }
                }
                if (copied != expected) {
                    throw new IOException(e.path() + " changed size while it was being copied (expected "
                            + expected + " bytes, read " + copied + ")");
                }
            }
            tar.closeArchiveEntry();
        }
        tar.finish();
        tar.close();
        return new Result(counted.digest(), counted.count());
    }

    /** The tar name of an entry: directories end with '/', whiteouts become {@code .wh.} files. */
    static String tarName(FileEntry e) {
        return switch (e.type()) {
            case DIR -> e.path() + "/";
            case WHITEOUT -> join(FileEntry.parentOf(e.path()), ".wh." + FileEntry.nameOf(e.path()));
            case OPAQUE -> join(e.path(), ".wh..wh..opq");
            default -> e.path();
        };
    }

    private static String join(String dir, String name) {
        return dir.isEmpty() ? name : dir + "/" + name;
    }

    private static TarArchiveEntry header(FileEntry e, OptionalLong clampEpoch) {
        String name = tarName(e);
        TarArchiveEntry t = switch (e.type()) {
            case SYMLINK -> new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
            case HARDLINK -> new TarArchiveEntry(name, TarConstants.LF_LINK);
            case CHAR -> new TarArchiveEntry(name, TarConstants.LF_CHR);
            case BLOCK -> new TarArchiveEntry(name, TarConstants.LF_BLK);
            case FIFO -> new TarArchiveEntry(name, TarConstants.LF_FIFO);
            default -> new TarArchiveEntry(name);
        };
        int typeBits = switch (e.type()) {
            case DIR -> 0040000;
            case SYMLINK -> 0120000;
            case CHAR -> 0020000;
            case BLOCK -> 0060000;
            case FIFO -> 0010000;
            default -> 0100000;
        };
        boolean whiteout = e.type() == FileEntry.Type.WHITEOUT || e.type() == FileEntry.Type.OPAQUE;
        t.setMode(typeBits | (whiteout ? 0 : e.mode()));
        t.setUserId(e.uid());
        t.setGroupId(e.gid());
        t.setUserName("");
        t.setGroupName("");
        long mtime = e.mtime();
        if (clampEpoch.isPresent() && mtime > clampEpoch.getAsLong()) {
            mtime = clampEpoch.getAsLong();
        }
        t.setModTime(mtime * 1000L);
        if (e.type() == FileEntry.Type.SYMLINK || e.type() == FileEntry.Type.HARDLINK) {
            t.setLinkName(e.linkTarget());
        }
        if (e.type() == FileEntry.Type.CHAR || e.type() == FileEntry.Type.BLOCK) {
            t.setDevMajor(e.devMajor());
            t.setDevMinor(e.devMinor());
        }
        t.setSize(e.type() == FileEntry.Type.FILE ? e.size() : 0);
        e.xattrs().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(x -> t.addPaxHeader("SCHILY.xattr." + x.getKey(), x.getValue()));
        return t;
    }
}
