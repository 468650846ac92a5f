package dev.stagesmith.engine.copy;

import dev.stagesmith.engine.fs.FileEntry;
import dev.stagesmith.engine.fs.FileTree;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The entries of the layer a COPY is building, seen on top of the destination tree, so that later sources of
 * the same instruction see what earlier ones wrote (BuildKit chains one copy action per source). Missing parent
 * directories are created as 0755 directories owned by the {@code --chown} owner or root (fsutil's
 * {@code MkdirAll} with the copy's chown: {@code testCopyChownCreateDest}).
 */
final class LayerDraft {

    private final FileTree below;
    private final Owner createdOwner;
    private final long mtime;
    private final Map<String, FileEntry> entries = new LinkedHashMap<>();

    LayerDraft(FileTree below, Owner createdOwner, long mtime) {
        this.below = below;
        this.createdOwner = createdOwner;
        this.mtime = mtime;
    }

    Optional<FileEntry> get(String path) {
        FileEntry mine = entries.get(path);
        return mine != null ? Optional.of(mine) : below.get(path);
    }

    boolean isDirectory(String path) {
        FileEntry mine = entries.get(path);
        return mine != null ? mine.isDirectory() : below.isDirectory(path);
    }

    boolean isDirectoryOrAbsent(String path) {
        return isDirectory(path) || get(path).isEmpty();
    }

    /** Creates {@code path} and its missing parents; fails where a parent is something other than a directory. */
    void ensureDirectory(String path) throws CopyException {
        if (path.isEmpty() || isDirectory(path)) {
            return;
        }
        ensureDirectory(FileEntry.parentOf(path));
        if (get(path).isPresent()) {
            throw new CopyException("cannot create directory " + CopyPaths.display(path)
                    + ": a file or symlink is in the way");
        }
        entries.put(path, FileEntry.dir(path, 0755, createdOwner.uid(), createdOwner.gid(), mtime));
    }

    /**
     * Adds an entry, replacing a non-directory at its path. A directory over a non-directory, or a file over a
     * directory, is an error as in fsutil ({@code copyDirectoryOnly}, {@code ensureEmptyFileTarget}).
     */
    void put(FileEntry e) throws CopyException {
        ensureDirectory(FileEntry.parentOf(e.path()));
        boolean existingDir = isDirectory(e.path());
        if (e.isDirectory() && !existingDir && get(e.path()).isPresent()) {
            throw new CopyException("cannot copy a directory onto " + CopyPaths.display(e.path())
                    + ", which is not a directory");
        }
        if (!e.isDirectory() && existingDir) {
            throw new CopyException("cannot replace the directory " + CopyPaths.display(e.path()) + " with a file");
        }
        entries.put(e.path(), e);
    }

    List<FileEntry> entries() {
        return new ArrayList<>(entries.values());
    }
}
