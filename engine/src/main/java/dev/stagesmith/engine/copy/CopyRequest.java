package dev.stagesmith.engine.copy;

import dev.stagesmith.engine.fs.FileTree;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one COPY or ADD needs, already expanded and resolved by the caller.
 *
 * @param sources local sources as written after variable expansion (no URLs, no heredocs)
 * @param destination the destination as written; a trailing '/' is significant
 * @param workdir the stage's absolute working directory, for a relative destination
 * @param source the tree the sources are read from: the build context or a stage
 * @param sourceIsContext whether {@code source} is the build context (escapes are errors, owners become 0:0)
 * @param dest the destination stage's current tree (ignored when {@code link})
 * @param chown the resolved {@code --chown}, see {@link UserDb}
 * @param link {@code --link}: build on an empty tree, never look at or through {@code dest}
 * @param parents {@code --parents}
 * @param excludes {@code --exclude} patterns, in order
 * @param add ADD semantics: local tar archives from the context are extracted
 * @param mtime seconds since the epoch for the directories the copy creates
 * @param scratchDir where ADD writes the files it extracts from compressed archives
 */
public record CopyRequest(List<String> sources, String destination, String workdir, FileTree source,
                          boolean sourceIsContext, FileTree dest, Optional<Owner> chown, Optional<Chmod> chmod,
                          boolean link, boolean parents, List<String> excludes, boolean add, long mtime,
                          Path scratchDir) {

    public CopyRequest {
        sources = List.copyOf(sources);
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(dest, "dest");
        workdir = workdir == null || workdir.isEmpty() ? "/" : workdir;
        chown = chown == null ? Optional.empty() : chown;
        chmod = chmod == null ? Optional.empty() : chmod;
        excludes = excludes == null ? List.of() : List.copyOf(excludes);
    }

    /** A COPY from the context with every option at its default; change fields with the {@code with} methods. */
    public static CopyRequest of(List<String> sources, String destination, FileTree context, FileTree dest) {
        return new CopyRequest(sources, destination, "/", context, true, dest, Optional.empty(), Optional.empty(),
                false, false, List.of(), false, 0, null);
    }

    public CopyRequest withWorkdir(String dir) {
        return new CopyRequest(sources, destination, dir, source, sourceIsContext, dest, chown, chmod, link,
                parents, excludes, add, mtime, scratchDir);
    }

    /** Reads from a stage instead of the context. */
    public CopyRequest fromStage(FileTree stage) {
        return new CopyRequest(sources, destination, workdir, stage, false, dest, chown, chmod, link, parents,
                excludes, add, mtime, scratchDir);
    }

    public CopyRequest withChown(Owner owner) {
        return new CopyRequest(sources, destination, workdir, source, sourceIsContext, dest, Optional.of(owner),
                chmod, link, parents, excludes, add, mtime, scratchDir);
    }

    public CopyRequest withChmod(Chmod mode) {
        return new CopyRequest(sources, destination, workdir, source, sourceIsContext, dest, chown,
                Optional.of(mode), link, parents, excludes, add, mtime, scratchDir);
    }

    public CopyRequest withLink(boolean on) {
        return new CopyRequest(sources, destination, workdir, source, sourceIsContext, dest, chown, chmod, on,
                parents, excludes, add, mtime, scratchDir);
    }

    public CopyRequest withParents(boolean on) {
        return new CopyRequest(sources, destination, workdir, source, sourceIsContext, dest, chown, chmod, link,
                on, excludes, add, mtime, scratchDir);
    }

    public CopyRequest withExcludes(List<String> patterns) {
        return new CopyRequest(sources, destination, workdir, source, sourceIsContext, dest, chown, chmod, link,
                parents, patterns, add, mtime, scratchDir);
    }

    /** ADD semantics, extracting archives into files under {@code scratch}. */
    public CopyRequest asAdd(Path scratch) {
        return new CopyRequest(sources, destination, workdir, source, sourceIsContext, dest, chown, chmod, link,
                parents, excludes, true, mtime, scratch);
    }

    public CopyRequest withMtime(long seconds) {
        return new CopyRequest(sources, destination, workdir, source, sourceIsContext, dest, chown, chmod, link,
                parents, excludes, add, seconds, scratchDir);
    }

    /** "COPY" or "ADD", for messages. */
    String command() {
        return add ? "ADD" : "COPY";
    }
}
