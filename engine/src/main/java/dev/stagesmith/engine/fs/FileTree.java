package dev.stagesmith.engine.fs;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An image's root file system as the merge of its layers, kept as entries (content stays in the layer
 * blobs). Immutable: {@link #apply} returns a new tree. Paths follow {@link FileEntry}'s rules.
 */
public final class FileTree {

    private static final int MAX_SYMLINKS = 255;
    private static final FileTree EMPTY = new FileTree(new TreeMap<>());

    private final NavigableMap<String, FileEntry> entries;

    private FileTree(NavigableMap<String, FileEntry> entries) {
        this.entries = entries;
    }

    public static FileTree empty() {
        return EMPTY;
    }

    /** Applies a layer: opaque markers first, then whiteouts and entries, as the OCI layer spec orders them. */
    public FileTree apply(Collection<FileEntry> layer) {
        TreeMap<String, FileEntry> next = new TreeMap<>(entries);
        for (FileEntry e : layer) {
            if (e.type() == FileEntry.Type.OPAQUE) {
                next.subMap(e.path() + "/", e.path() + "0").clear();
            }
        }
        for (FileEntry e : layer) {
            switch (e.type()) {
                case OPAQUE -> { }
                case WHITEOUT -> {
                    next.remove(e.path());
                    next.subMap(e.path() + "/", e.path() + "0").clear();
                }
                case HARDLINK -> {
                    FileEntry target = next.get(e.linkTarget());
                    Content c = target == null ? e.content() : target.content();
                    next.put(e.path(), new FileEntry(e.path(), e.type(), e.mode(), e.uid(), e.gid(), e.mtime(),
                            e.linkTarget(), 0, 0, e.xattrs(), c));
                }
                default -> {
                    FileEntry old = next.get(e.path());
                    if (old != null && old.isDirectory() && !e.isDirectory()) {
                        next.subMap(e.path() + "/", e.path() + "0").clear();
                    }
                    next.put(e.path(), e);
                }
            }
        }
        return new FileTree(next);
    }

    public Optional<FileEntry> get(String path) {
        return Optional.ofNullable(entries.get(path));
    }

    /** Whether the path exists as a directory; the root always does. */
    public boolean isDirectory(String path) {
        if (path.isEmpty()) {
            return true;
        }
        FileEntry e = entries.get(path);
        return e != null && e.isDirectory() || e == null && !children(path).isEmpty();
    }

    /** Every entry strictly below a directory, in path order ("" for the whole tree). */
    public Collection<FileEntry> children(String dir) {
        if (dir.isEmpty()) {
            return Collections.unmodifiableCollection(entries.values());
        }
        return Collections.unmodifiableCollection(entries.subMap(dir + "/", dir + "0").values());
    }

    public Collection<FileEntry> entries() {
        return Collections.unmodifiableCollection(entries.values());
    }

    public int size() {
        return entries.size();
    }

    /**
     * Resolves symlinks inside the root: an absolute link target restarts at the root and {@code ..} never
     * climbs above it, as a container sees it. Returns the clean path (which may not exist), or empty when
     * the links loop.
     */
    public Optional<String> resolve(String path, boolean followLast) {
        List<String> pending = new ArrayList<>(split(path));
        List<String> done = new ArrayList<>();
        int hops = 0;
        while (!pending.isEmpty()) {
            String part = pending.remove(0);
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!done.isEmpty()) {
                    done.remove(done.size() - 1);
                }
                continue;
            }
            done.add(part);
            boolean last = pending.isEmpty();
            FileEntry e = entries.get(String.join("/", done));
            if (e != null && e.type() == FileEntry.Type.SYMLINK && (!last || followLast)) {
                if (++hops > MAX_SYMLINKS) {
                    return Optional.empty();
                }
                done.remove(done.size() - 1);
                String target = e.linkTarget();
                if (target.startsWith("/")) {
                    done.clear();
                }
                pending.addAll(0, split(target));
            }
        }
        return Optional.of(String.join("/", done));
    }

    private static List<String> split(String path) {
        List<String> out = new ArrayList<>();
        for (String p : path.split("/")) {
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return out;
    }
}
