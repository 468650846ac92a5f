package dev.stagesmith.engine.context;

import dev.stagesmith.engine.fs.Content;
import dev.stagesmith.engine.fs.FileEntry;
import dev.stagesmith.engine.fs.FileTree;
import dev.stagesmith.engine.oci.Digest;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A build context directory as COPY sees it: every file not left out by {@code .dockerignore}, owned by
 * root, with its mode and mtime from disk. Walking keeps each file's stat so {@link ContentHasher} can skip
 * re-reading files that have not changed.
 */
public final class BuildContext {

    /** What identifies an unchanged file without reading it (never used as a cache key by itself). */
    public record Stat(long size, long mtimeNanos, Object fileKey, long ctimeNanos) {}

    private final Path root;
    private final FileTree tree;
    private final Map<String, Stat> stats;
    private Digest fingerprint;

    private BuildContext(Path root, FileTree tree, Map<String, Stat> stats) {
        this.root = root;
        this.tree = tree;
        this.stats = stats;
    }

    /** Walks {@code root}, leaving out what {@code ignore} excludes (pass an empty DockerIgnore for none). */
    public static BuildContext walk(Path root, DockerIgnore ignore) throws IOException {
        Path abs = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(abs)) {
            throw new NoSuchFileException(abs.toString(), null, "the build context is not a directory");
        }
        List<FileEntry> entries = new ArrayList<>();
        Map<String, Stat> stats = new HashMap<>();
        boolean canSkipDirs = !ignore.hasExclusions();
        Files.walkFileTree(abs, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                String rel = relative(abs, dir);
                if (rel.isEmpty()) {
                    return FileVisitResult.CONTINUE;
                }
                if (ignore.test(rel)) {
                    return canSkipDirs ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }
                entries.add(FileEntry.dir(rel, mode(dir), 0, 0, seconds(attrs.lastModifiedTime())));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String rel = relative(abs, file);
                if (ignore.test(rel)) {
                    return FileVisitResult.CONTINUE;
                }
                long mtime = seconds(attrs.lastModifiedTime());
                if (attrs.isSymbolicLink()) {
                    entries.add(FileEntry.symlink(rel, Files.readSymbolicLink(file).toString(), 0, 0, mtime));
                } else if (attrs.isRegularFile()) {
                    Map<String, Object> unix = unixAttributes(file);
                    int mode = unix.get("mode") instanceof Integer m ? m & 07777 : mode(file);
                    long ctime = unix.get("ctime") instanceof FileTime ft ? nanos(ft) : 0;
                    entries.add(FileEntry.file(rel, mode, 0, 0, mtime, Content.ofFile(file, attrs.size())));
                    stats.put(rel, new Stat(attrs.size(), nanos(attrs.lastModifiedTime()), attrs.fileKey(), ctime));
                }
                // Sockets, FIFOs and devices in a context are skipped, as docker build does.
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
                throw new IOException("cannot read " + file + " in the build context: " + exc.getMessage(), exc);
            }
        });
        return new BuildContext(abs, FileTree.empty().apply(entries), Map.copyOf(stats));
    }

    public Path root() {
        return root;
    }

    public FileTree tree() {
        return tree;
    }

    /**
     * A digest of everything the walk saw: each entry's path, kind, mode and link target, and each regular
     * file's stat (size, mtime, ctime, inode). Equal fingerprints mean an unchanged context as far as stat
     * can tell, the same assumption {@link ContentHasher} makes to skip re-reading a file; a step uses it to
     * find the content key it computed before, never as a key itself.
     */
    public synchronized Digest fingerprint() {
        if (fingerprint == null) {
            StringBuilder sb = new StringBuilder(root.toString()).append('\n');
            for (FileEntry e : tree.entries()) {
                sb.append(e.path()).append(' ').append(e.type()).append(' ').append(e.mode()).append(' ')
                        .append(e.linkTarget());
                Stat st = stats.get(e.path());
                if (st != null) {
                    sb.append(' ').append(st.size()).append(' ').append(st.mtimeNanos()).append(' ')
                            .append(st.ctimeNanos()).append(' ').append(st.fileKey());
                }
                sb.append('\n');
            }
            fingerprint = Digest.of(sb.toString());
        }
        return fingerprint;
    }

    /** The stat taken while walking, for a regular file's context-relative path. */
    public Stat stat(String path) {
        return stats.get(path);
    }

    private static String relative(Path root, Path p) {
        String rel = root.relativize(p).toString();
        return p.getFileSystem().getSeparator().equals("/") ? rel : rel.replace(p.getFileSystem().getSeparator(), "/");
    }

    private static long seconds(FileTime t) {
        return Math.floorDiv(nanos(t), 1_000_000_000L);
    }

    private static long nanos(FileTime t) {
        return t.to(java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /** Mode and ctime in one stat; empty where the platform has no "unix" view. */
    private static Map<String, Object> unixAttributes(Path file) throws IOException {
        try {
            return Files.readAttributes(file, "unix:mode,ctime", LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return Map.of();
        }
    }

    private static int mode(Path p) throws IOException {
        try {
            Object m = Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            return ((Integer) m) & 07777;
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
            int mode = 0;
            for (PosixFilePermission perm : perms) {
                mode |= 1 << (8 - perm.ordinal());
            }
            return mode;
        }
    }
}
