package dev.stagesmith.engine.run.fs;

import dev.stagesmith.engine.fs.FileEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the diff compares of a path on disk: the inode and ctime (any write, chmod, chown or rename moves the
 * ctime, so content changes are caught even when a tool restores the mtime), plus type, mode and size.
 */
record DiskStat(long inode, long ctimeNanos, int type, int mode, long size, int nlink, long rdev, int uid, int gid) {

    static final int S_IFMT = 0170000;
    static final int S_IFDIR = 0040000;
    static final int S_IFREG = 0100000;
    static final int S_IFLNK = 0120000;
    static final int S_IFCHR = 0020000;
    static final int S_IFBLK = 0060000;
    static final int S_IFIFO = 0010000;

    static DiskStat of(Path p) throws IOException {
        Map<String, Object> a = Files.readAttributes(p, "unix:ino,ctime,mode,size,nlink,rdev,uid,gid", LinkOption.NOFOLLOW_LINKS);
        int mode = (Integer) a.get("mode");
        FileTime ctime = (FileTime) a.get("ctime");
        return new DiskStat((Long) a.get("ino"), ctime.to(TimeUnit.NANOSECONDS), mode & S_IFMT, mode & 07777,
                (Long) a.get("size"), (Integer) a.get("nlink"), (Long) a.get("rdev"),
                (Integer) a.get("uid"), (Integer) a.get("gid"));
    }

    /** The entry type this is, or null for a socket (never part of a layer). */
    FileEntry.Type entryType() {
        return switch (type) {
            case S_IFDIR -> FileEntry.Type.DIR;
            case S_IFREG -> FileEntry.Type.FILE;
            case S_IFLNK -> FileEntry.Type.SYMLINK;
            case S_IFCHR -> FileEntry.Type.CHAR;
            case S_IFBLK -> FileEntry.Type.BLOCK;
            case S_IFIFO -> FileEntry.Type.FIFO;
            default -> null;
        };
    }

    boolean isDirectory() {
        return type == S_IFDIR;
    }

    /** Unchanged for the diff: for a directory only what it is (its ctime moves when a child changes). */
    boolean sameAs(DiskStat before) {
        if (before == null || inode != before.inode || type != before.type || mode != before.mode
                || uid != before.uid || gid != before.gid) {
            return false;
        }
        return isDirectory() || ctimeNanos == before.ctimeNanos && size == before.size;
    }

    int devMajor() {
        return (int) (((rdev >>> 8) & 0xfff) | ((rdev >>> 32) & ~0xfffL));
    }

    int devMinor() {
        return (int) ((rdev & 0xff) | ((rdev >>> 12) & ~0xffL));
    }
}
