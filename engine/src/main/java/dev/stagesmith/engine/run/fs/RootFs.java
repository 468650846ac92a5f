package dev.stagesmith.engine.run.fs;

import dev.stagesmith.engine.copy.Owner;
import dev.stagesmith.engine.fs.Content;
import dev.stagesmith.engine.fs.FileEntry;
import dev.stagesmith.engine.fs.FileTree;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A stage's root file system as a directory on disk for RUN. It is written from the stage's {@link FileTree}
 * once and then kept in step with it: {@link #sync} writes only the entries that differ (a COPY's layer, say).
 * The tree is also the side table of what the disk cannot hold: owners (the builder may not chown), and
 * device nodes and FIFOs, which are never created here. After a RUN, {@link #diff} compares the disk with the
 * stat snapshot taken when the disk last matched the tree.
 */
public final class RootFs {

    private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};

    private final Path dir;
    private final boolean realOwners;
    private FileTree tree = FileTree.empty();
    private Map<String, DiskStat> stats = new HashMap<>();
    /** Tree entries that are not on disk: device nodes and FIFOs (see the class comment). */
    private final Set<String> absent = new HashSet<>();

    private RootFs(Path dir, boolean realOwners) {
        this.dir = dir;
        this.realOwners = realOwners;
    }

    /** An empty root in {@code dir}, which must be an empty directory the builder owns; owners from the tree. */
    public static RootFs create(Path dir) throws IOException {
        return create(dir, false);
    }

    /**
     * An empty root in {@code dir}. With {@code realOwners} (a root builder whose sandbox switches users) the
     * files get the tree's owners on disk and the diff reads owners back from disk.
     */
    public static RootFs create(Path dir, boolean realOwners) throws IOException {
        Files.setPosixFilePermissions(dir, perms(0755));
        return new RootFs(dir, realOwners);
    }

    public Path dir() {
        return dir;
    }

    /** The tree the disk holds. */
    public FileTree tree() {
        return tree;
    }

    /** Brings the disk to {@code target}, touching only the entries that differ. */
    public void sync(FileTree target) throws IOException {
        if (target == tree) {
            return;
        }
        boolean changed = false;
        Set<String> touchedDirs = new HashSet<>();
        // Removals first, deepest first, so a directory becoming a file finds its path free.
        List<FileEntry> old = new ArrayList<>(tree.entries());
        old.sort(Comparator.comparing(FileEntry::path).reversed());
        for (FileEntry e : old) {
            FileEntry t = target.get(e.path()).orElse(null);
            if (t == null || !(t.isDirectory() && e.isDirectory()) && !t.equals(e)) {
                absent.remove(e.path());
                Path p = dir.resolve(e.path());
                if (Files.exists(p, NOFOLLOW) && safeParent(e.path())) {
                    writable(p.getParent(), touchedDirs);
                    deleteTree(p);
                }
                changed = true;
            }
        }
        List<FileEntry> links = new ArrayList<>();
        for (FileEntry e : target.entries()) {
            FileEntry was = tree.get(e.path()).orElse(null);
            if (e.equals(was) && !absent.contains(e.path()) || was != null && was.isDirectory() && e.isDirectory()
                    && was.mode() == e.mode() && was.mtime() == e.mtime()) {
                continue;
            }
            changed = true;
            if (e.type() == FileEntry.Type.HARDLINK) {
                links.add(e);
            } else {
                write(e, touchedDirs);
            }
        }
        for (FileEntry e : links) {
            Path p = dir.resolve(e.path());
            Path to = dir.resolve(e.linkTarget());
            if (safeParent(e.path()) && safeParent(e.linkTarget()) && Files.isRegularFile(to, NOFOLLOW)) {
                ensureParent(e.path(), touchedDirs);
                Files.deleteIfExists(p);
                Files.createLink(p, to);
            } else {
                absent.add(e.path());
            }
        }
        // Directory modes and times last: writing a child moves the parent's mtime, and a 0555 parent would
        // refuse the child.
        List<String> dirs = new ArrayList<>(touchedDirs);
        for (FileEntry e : target.entries()) {
            if (e.isDirectory()) {
                dirs.add(e.path());
            }
        }
        dirs.sort(Comparator.reverseOrder());
        for (String d : new java.util.LinkedHashSet<>(dirs)) {
            Path p = d.isEmpty() ? dir : dir.resolve(d);
            FileEntry e = target.get(d).orElse(null);
            if (!Files.isDirectory(p, NOFOLLOW)) {
                continue;
            }
            if (e != null) {
                chown(p, e);
            }
            Files.setPosixFilePermissions(p, perms(e == null ? 0755 : e.mode() | (realOwners ? 0 : 0700)));
            if (e != null) {
                Files.setLastModifiedTime(p, FileTime.fromMillis(e.mtime() * 1000L));
            }
        }
        tree = target;
        if (changed) {
            stats = scan(Set.of());
        }
    }

    /**
     * Says the disk now holds {@code newTree} (what a RUN's layer made of the old one) and takes a fresh stat
     * snapshot for the next RUN's diff.
     */
    public void adopt(FileTree newTree) throws IOException {
        tree = newTree;
        stats = scan(Set.of());
        absent.clear();
        for (FileEntry e : newTree.entries()) {
            if (!stats.containsKey(e.path())) {
                absent.add(e.path());
            }
        }
    }

    /**
     * What changed on disk since the last {@link #sync} or {@link #adopt}, as layer entries: new and changed
     * entries (owners from the side table for files changed in place, else {@code newOwner}), whiteouts for
     * deleted paths, an opaque marker for a directory that was replaced by a new one, the parent directories
     * of all of them, and hard links grouped by inode. Paths under {@code excluded} (mount targets) are left
     * out, in both directions.
     */
    public List<FileEntry> diff(Set<String> excluded, Owner newOwner, long mtime) throws IOException {
        Map<String, DiskStat> now = scan(excluded);
        Map<String, FileEntry> out = new TreeMap<>();
        Set<String> opaque = new HashSet<>();
        Map<Long, List<String>> byInode = new HashMap<>();
        for (Map.Entry<String, DiskStat> m : now.entrySet()) {
            String p = m.getKey();
            DiskStat st = m.getValue();
            FileEntry old = tree.get(p).orElse(null);
            DiskStat before = stats.get(p);
            if (st.entryType() == null) {
                continue;
            }
            if (old != null && !absent.contains(p) && st.sameAs(before) && sameType(old, st)) {
                continue;
            }
            if (old == null && st.isDirectory() && st.sameAs(before) && tree.isDirectory(p)) {
                continue; // a parent a layer left implicit, made on disk for its children
            }
            boolean inPlace = old != null && before != null && before.inode() == st.inode();
            Owner owner = realOwners ? new Owner(st.uid(), st.gid())
                    : inPlace ? new Owner(old.uid(), old.gid()) : newOwner;
            if (old != null && old.isDirectory() && st.isDirectory() && !inPlace) {
                opaque.add(p);
            }
            out.put(p, fromDisk(p, st, owner, mtime));
            if (st.entryType() == FileEntry.Type.FILE && st.nlink() > 1) {
                byInode.computeIfAbsent(st.inode(), k -> new ArrayList<>()).add(p);
            }
        }
        // A directory whose old children are all gone was emptied or replaced (a new directory often gets the
        // old inode back, so the inode cannot tell): one opaque marker says the same as a whiteout per child.
        Map<String, Boolean> emptied = new HashMap<>();
        for (FileEntry e : tree.entries()) {
            String parent = FileEntry.parentOf(e.path());
            if (!parent.isEmpty() && now.containsKey(parent) && now.get(parent).isDirectory()
                    && tree.get(parent).filter(FileEntry::isDirectory).isPresent() && !isExcluded(e.path(), excluded)) {
                emptied.merge(parent, !now.containsKey(e.path()) && !absent.contains(e.path()), Boolean::logicalAnd);
            }
        }
        emptied.forEach((d, gone) -> {
            if (gone) {
                opaque.add(d);
                if (!out.containsKey(d)) {
                    FileEntry old = tree.get(d).orElseThrow();
                    DiskStat st = now.get(d);
                    DiskStat before = stats.get(d);
                    out.put(d, before != null && st.mode() == before.mode() ? old
                            : FileEntry.dir(d, st.mode(), old.uid(), old.gid(), mtime));
                }
            }
        });
        for (FileEntry e : tree.entries()) {
            String p = e.path();
            if (now.containsKey(p) || absent.contains(p) || isExcluded(p, excluded)) {
                continue;
            }
            String parent = FileEntry.parentOf(p);
            boolean covered = !parent.isEmpty() && (!now.containsKey(parent) || opaque.contains(parent)
                    || !now.get(parent).isDirectory());
            if (!covered) {
                out.put(p, FileEntry.whiteout(p));
            }
        }
        for (List<String> group : byInode.values()) {
            group.sort(null);
            for (String p : group.subList(1, group.size())) {
                FileEntry f = out.get(p);
                out.put(p, new FileEntry(p, FileEntry.Type.HARDLINK, f.mode(), f.uid(), f.gid(), f.mtime(),
                        group.get(0), 0, 0, Map.of(), null));
            }
        }
        List<FileEntry> entries = new ArrayList<>(out.values());
        Set<String> have = new HashSet<>(out.keySet());
        for (FileEntry e : List.copyOf(entries)) {
            for (String parent = FileEntry.parentOf(e.path()); !parent.isEmpty(); parent = FileEntry.parentOf(parent)) {
                if (!have.add(parent)) {
                    break;
                }
                FileEntry old = tree.get(parent).filter(FileEntry::isDirectory).orElse(null);
                DiskStat st = now.get(parent);
                DiskStat before = stats.get(parent);
                // Java cannot set setuid, setgid or sticky bits, so the disk's mode is compared with the disk's.
                entries.add(old != null && st != null && before != null && st.mode() == before.mode() ? old
                        : FileEntry.dir(parent, st == null ? 0755 : st.mode(),
                                old == null ? newOwner.uid() : old.uid(), old == null ? newOwner.gid() : old.gid(), mtime));
            }
        }
        for (String p : opaque) {
            entries.add(FileEntry.opaque(p));
        }
        return entries;
    }

    private static boolean sameType(FileEntry old, DiskStat st) {
        FileEntry.Type t = old.type() == FileEntry.Type.HARDLINK ? FileEntry.Type.FILE : old.type();
        return t == st.entryType();
    }

    private FileEntry fromDisk(String p, DiskStat st, Owner owner, long mtime) throws IOException {
        Path path = dir.resolve(p);
        return switch (st.entryType()) {
            case DIR -> FileEntry.dir(p, st.mode(), owner.uid(), owner.gid(), mtime);
            case FILE -> FileEntry.file(p, st.mode(), owner.uid(), owner.gid(), mtime, Content.ofFile(path, st.size()));
            case SYMLINK -> FileEntry.symlink(p, Files.readSymbolicLink(path).toString(), owner.uid(), owner.gid(),
                    mtime);
            default -> new FileEntry(p, st.entryType(), st.mode(), owner.uid(), owner.gid(), mtime, "",
                    st.devMajor(), st.devMinor(), Map.of(), null);
        };
    }

    private static boolean isExcluded(String p, Set<String> excluded) {
        for (String x = p; !x.isEmpty(); x = FileEntry.parentOf(x)) {
            if (excluded.contains(x)) {
                return true;
            }
        }
        return false;
    }

    /** Every path under the root with its stat, leaving out excluded subtrees. */
    Map<String, DiskStat> scan(Set<String> excluded) throws IOException {
        Map<String, DiskStat> out = new TreeMap<>();
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                if (d.equals(dir)) {
                    return FileVisitResult.CONTINUE;
                }
                String rel = rel(d);
                if (excluded.contains(rel)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                out.put(rel, DiskStat.of(d));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                String rel = rel(f);
                if (!excluded.contains(rel)) {
                    out.put(rel, DiskStat.of(f));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path f, IOException e) throws IOException {
                // A directory the RUN made unreadable (chmod 000) is still a directory in the layer.
                out.put(rel(f), DiskStat.of(f));
                return FileVisitResult.CONTINUE;
            }
        });
        return out;
    }

    private String rel(Path p) {
        return dir.relativize(p).toString();
    }

    // ---- writing entries ----

    private void write(FileEntry e, Set<String> touchedDirs) throws IOException {
        if (!ensureParent(e.path(), touchedDirs)) {
            absent.add(e.path());
            return;
        }
        Path p = dir.resolve(e.path());
        absent.remove(e.path());
        switch (e.type()) {
            case DIR -> {
                if (!Files.isDirectory(p, NOFOLLOW)) {
                    Files.deleteIfExists(p);
                    Files.createDirectory(p);
                }
                Files.setPosixFilePermissions(p, perms(e.mode() | 0700));
                touchedDirs.add(e.path());
            }
            case FILE -> {
                if (Files.isDirectory(p, NOFOLLOW)) {
                    deleteTree(p);
                }
                try (InputStream in = e.content().open()) {
                    Files.copy(in, p, StandardCopyOption.REPLACE_EXISTING);
                }
                chown(p, e);
                Files.setPosixFilePermissions(p, perms(e.mode()));
                Files.setLastModifiedTime(p, FileTime.fromMillis(e.mtime() * 1000L));
            }
            case SYMLINK -> {
                if (Files.isDirectory(p, NOFOLLOW)) {
                    deleteTree(p);
                } else {
                    Files.deleteIfExists(p);
                }
                Files.createSymbolicLink(p, Path.of(e.linkTarget()));
                chown(p, e);
            }
            default -> absent.add(e.path()); // devices and FIFOs: kept in the tree, never made on disk
        }
    }

    private void chown(Path p, FileEntry e) throws IOException {
        if (realOwners) {
            Files.setAttribute(p, "unix:uid", e.uid(), NOFOLLOW);
            Files.setAttribute(p, "unix:gid", e.gid(), NOFOLLOW);
        }
    }

    /**
     * Creates the parents of {@code path} as real directories; false when one of them is a symlink or a
     * file, which a malformed layer could make and which must never lead a write out of the root.
     */
    private boolean ensureParent(String path, Set<String> touchedDirs) throws IOException {
        String parent = FileEntry.parentOf(path);
        Path d = dir;
        for (String part : parent.isEmpty() ? new String[0] : parent.split("/")) {
            d = d.resolve(part);
            if (Files.isSymbolicLink(d)) {
                return false;
            }
            if (!Files.exists(d, NOFOLLOW)) {
                Files.createDirectory(d);
                touchedDirs.add(dir.relativize(d).toString());
            } else if (!Files.isDirectory(d, NOFOLLOW)) {
                return false;
            }
        }
        writable(d, touchedDirs);
        return true;
    }

    private boolean safeParent(String path) {
        Path d = dir;
        String parent = FileEntry.parentOf(path);
        for (String part : parent.isEmpty() ? new String[0] : parent.split("/")) {
            d = d.resolve(part);
            if (!Files.isDirectory(d, NOFOLLOW)) {
                return false;
            }
        }
        return true;
    }

    private void writable(Path d, Set<String> touchedDirs) throws IOException {
        if (!Files.isWritable(d) || !Files.isExecutable(d)) {
            Set<PosixFilePermission> p = EnumSet.copyOf(Files.getPosixFilePermissions(d, NOFOLLOW));
            p.addAll(List.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                    PosixFilePermission.OWNER_EXECUTE));
            Files.setPosixFilePermissions(d, p);
            if (!d.equals(dir)) {
                touchedDirs.add(dir.relativize(d).toString());
            }
        }
    }

    /** Deletes a file or a whole tree, making directories writable on the way (a RUN may leave 0555 ones). */
    public static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p, NOFOLLOW)) {
            return;
        }
        Files.walkFileTree(p, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                Files.setPosixFilePermissions(d, perms(0700));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                Files.delete(f);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static Set<PosixFilePermission> perms(int mode) {
        Set<PosixFilePermission> s = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int i = 0; i < order.length; i++) {
            if ((mode & (1 << i)) != 0) {
                s.add(order[i]);
            }
        }
        return s;
    }
}
