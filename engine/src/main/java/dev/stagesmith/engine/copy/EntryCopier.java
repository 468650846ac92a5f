package dev.stagesmith.engine.copy;

import dev.stagesmith.engine.fs.FileEntry;
import java.util.Optional;

/**
 * Gives a source entry its new path, owner and mode. Context files become 0:0 and stage files keep their
 * owner, unless {@code --chown} overrides both (symlinks included, as fsutil uses lchown). {@code --chmod}
 * applies to files and directories, never to symlinks (fsutil skips chmod on links).
 */
final class EntryCopier {

    private final boolean fromContext;
    private final Optional<Owner> chown;
    private final Optional<Chmod> chmod;

    EntryCopier(boolean fromContext, Optional<Owner> chown, Optional<Chmod> chmod) {
        this.fromContext = fromContext;
        this.chown = chown;
        this.chmod = chmod;
    }

    /** The copy of {@code e} at {@code path}; a hard link whose partner is not copied becomes a regular file. */
    FileEntry copy(FileEntry e, String path) {
        FileEntry.Type type = e.type() == FileEntry.Type.HARDLINK ? FileEntry.Type.FILE : e.type();
        int mode = e.mode();
        if (chmod.isPresent() && type != FileEntry.Type.SYMLINK) {
            mode = chmod.get().apply(mode, type == FileEntry.Type.DIR);
        }
        Owner owner = chown.orElse(fromContext ? Owner.ROOT : new Owner(e.uid(), e.gid()));
        String link = type == FileEntry.Type.SYMLINK ? e.linkTarget() : "";
        return new FileEntry(path, type, mode, owner.uid(), owner.gid(), e.mtime(), link, e.devMajor(),
                e.devMinor(), e.xattrs(), e.content());
    }

    /** A hard link to an already copied file, keeping the link inside the layer. */
    FileEntry hardLink(FileEntry e, String path, String copiedTarget) {
        FileEntry file = copy(e, path);
        return new FileEntry(path, FileEntry.Type.HARDLINK, file.mode(), file.uid(), file.gid(), file.mtime(),
                copiedTarget, 0, 0, file.xattrs(), file.content());
    }

    /** Extracted archive entries keep their own mode; only the owner is overridden (BuildKit's untar ChownOpts). */
    FileEntry chownOnly(FileEntry e) {
        return chown.map(o -> e.withOwner(o.uid(), o.gid())).orElse(e);
    }
}
