package dev.stagesmith.engine.fs;

import java.util.Map;
import java.util.Objects;

/**
 * One file-system entry of an image or a layer. Paths are relative to the root, '/'-separated, cleaned,
 * with no leading or trailing slash ({@code usr/bin/env}). Whiteouts are entries too: {@link Type#WHITEOUT}
 * deletes the path from lower layers, {@link Type#OPAQUE} hides every lower child of a directory.
 *
 * @param mode permission bits only (with setuid, setgid, sticky), no file-type bits
 * @param mtime seconds since the epoch
 * @param linkTarget a symlink's target as written, or a hard link's root-relative path
 */
public record FileEntry(String path, Type type, int mode, int uid, int gid, long mtime, String linkTarget,
                        int devMajor, int devMinor, Map<String, String> xattrs, Content content) {

    /** Entry kinds. */
    public enum Type { FILE, DIR, SYMLINK, HARDLINK, CHAR, BLOCK, FIFO, WHITEOUT, OPAQUE }

    public FileEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
        if (path.startsWith("/") || path.endsWith("/") && !path.isEmpty()) {
            throw new IllegalArgumentException("entry path must be relative and clean: " + path);
        }
        if (type == Type.FILE && content == null) {
            throw new IllegalArgumentException("regular file without content: " + path);
        }
        xattrs = xattrs == null ? Map.of() : Map.copyOf(xattrs);
        linkTarget = linkTarget == null ? "" : linkTarget;
        mode &= 07777;
    }

    public static FileEntry file(String path, int mode, int uid, int gid, long mtime, Content content) {
        return new FileEntry(path, Type.FILE, mode, uid, gid, mtime, "", 0, 0, Map.of(), content);
    }

    public static FileEntry dir(String path, int mode, int uid, int gid, long mtime) {
        return new FileEntry(path, Type.DIR, mode, uid, gid, mtime, "", 0, 0, Map.of(), null);
    }

    public static FileEntry symlink(String path, String target, int uid, int gid, long mtime) {
        return new FileEntry(path, Type.SYMLINK, 0777, uid, gid, mtime, target, 0, 0, Map.of(), null);
    }

    public static FileEntry whiteout(String path) {
        return new FileEntry(path, Type.WHITEOUT, 0, 0, 0, 0, "", 0, 0, Map.of(), null);
    }

    public static FileEntry opaque(String dir) {
        return new FileEntry(dir, Type.OPAQUE, 0, 0, 0, 0, "", 0, 0, Map.of(), null);
    }

    public long size() {
        return type == Type.FILE ? content.size() : 0;
    }

    public boolean isDirectory() {
        return type == Type.DIR;
    }

    public FileEntry withPath(String newPath) {
        return new FileEntry(newPath, type, mode, uid, gid, mtime, linkTarget, devMajor, devMinor, xattrs, content);
    }

    public FileEntry withOwner(int newUid, int newGid) {
        return new FileEntry(path, type, mode, newUid, newGid, mtime, linkTarget, devMajor, devMinor, xattrs, content);
    }

    public FileEntry withMode(int newMode) {
        return new FileEntry(path, type, newMode, uid, gid, mtime, linkTarget, devMajor, devMinor, xattrs, content);
    }

    public FileEntry withMtime(long newMtime) {
        return new FileEntry(path, type, mode, uid, gid, newMtime, linkTarget, devMajor, devMinor, xattrs, content);
    }

    /** The parent directory's path; "" for a top-level entry and for the root. */
    public static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** The last path element. */
    public static String nameOf(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
