package dev.stagesmith.engine.context;

import dev.stagesmith.engine.fs.Content;
import dev.stagesmith.engine.fs.FileEntry;
import dev.stagesmith.engine.fs.FileTree;
import dev.stagesmith.engine.oci.Digest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.TimeUnit;

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

    /**
     * Walks {@code root}, leaving out what {@code ignore} excludes (pass an empty DockerIgnore for none).
     * Directories are read in parallel and each entry is stat'ed once: on a large context the walk is most
     * of an unchanged rebuild, and it is all system calls.
     */
    public static BuildContext walk(Path root, DockerIgnore ignore) throws IOException {
        Path abs = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(abs)) {
            throw new NoSuchFileException(abs.toString(), null, "the build context is not a directory");
        }
        Walk walk = new Walk(ignore);
        ForkJoinPool pool = new ForkJoinPool(Math.max(2, Runtime.getRuntime().availableProcessors()));
        try {
            pool.invoke(walk.directory(abs, ""));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            pool.shutdown();
        }
        return new BuildContext(abs, FileTree.empty().apply(walk.entries), Map.copyOf(walk.stats));
    }

    /** One walk's shared state; each directory is a task that stats its children and forks its subdirectories. */
    private static final class Walk {
        private static final int S_IFMT = 0170000;
        private static final int S_IFDIR = 0040000;
        private static final int S_IFREG = 0100000;
        private static final int S_IFLNK = 0120000;

        private final DockerIgnore ignore;
        private final boolean canSkipDirs;
        private final Queue<FileEntry> entries = new ConcurrentLinkedQueue<>();
        private final Map<String, Stat> stats = new ConcurrentHashMap<>();

        Walk(DockerIgnore ignore) {
            this.ignore = ignore;
            this.canSkipDirs = !ignore.hasExclusions();
        }

        RecursiveAction directory(Path dir, String rel) {
            return new RecursiveAction() {
                @Override
                protected void compute() {
                    List<RecursiveAction> subdirs = new ArrayList<>();
                    try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
                        for (Path child : children) {
                            String name = child.getFileName().toString();
                            RecursiveAction sub = visit(child, rel.isEmpty() ? name : rel + "/" + name);
                            if (sub != null) {
                                subdirs.add(sub);
                            }
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(new IOException("cannot read " + dir + " in the build context: "
                                + e.getMessage(), e));
                    }
                    invokeAll(subdirs);
                }
            };
        }

        /** Adds one entry; returns the task for a directory to descend into. */
        private RecursiveAction visit(Path p, String rel) throws IOException {
            Map<String, Object> a = Files.readAttributes(p, "unix:mode,ctime,size,lastModifiedTime,dev,ino",
                    LinkOption.NOFOLLOW_LINKS);
            int mode = (Integer) a.get("mode");
            FileTime mtime = (FileTime) a.get("lastModifiedTime");
            boolean ignored = ignore.test(rel);
            switch (mode & S_IFMT) {
                case S_IFDIR -> {
                    if (ignored && canSkipDirs) {
                        return null;
                    }
                    if (!ignored) {
                        entries.add(FileEntry.dir(rel, mode & 07777, 0, 0, seconds(mtime)));
                    }
                    return directory(p, rel);
                }
                case S_IFREG -> {
                    if (!ignored) {
                        long size = (Long) a.get("size");
                        entries.add(FileEntry.file(rel, mode & 07777, 0, 0, seconds(mtime), Content.ofFile(p, size)));
                        stats.put(rel, new Stat(size, nanos(mtime), a.get("dev") + ":" + a.get("ino"),
                                nanos((FileTime) a.get("ctime"))));
                    }
                }
                case S_IFLNK -> {
                    if (!ignored) {
                        entries.add(FileEntry.symlink(rel, Files.readSymbolicLink(p).toString(), 0, 0, seconds(mtime)));
                    }
                }
                default -> { } // Sockets, FIFOs and devices in a context are skipped, as docker build does.
            }
            return null;
        }
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

    private static long seconds(FileTime t) {
        return Math.floorDiv(nanos(t), 1_000_000_000L);
    }

    private static long nanos(FileTime t) {
        return t.to(TimeUnit.NANOSECONDS);
    }
}
