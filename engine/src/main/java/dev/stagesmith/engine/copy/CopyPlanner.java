package dev.stagesmith.engine.copy;

import dev.stagesmith.engine.context.DockerIgnore;
import dev.stagesmith.engine.fs.FileEntry;
import dev.stagesmith.engine.fs.FileTree;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * COPY and ADD as a pure function: from the source tree and the destination stage's tree to the entries of
 * the new layer (parents it creates included, in no particular order). Follows BuildKit's file op with the
 * options the Dockerfile frontend sets: follow symlinks, copy directory contents only, create the destination
 * path, allow empty wildcards.
 */
public final class CopyPlanner {

    private final CopyRequest req;
    private final SourceResolver sources;
    private final LayerDraft draft;
    private final EntryCopier copier;
    private final DockerIgnore excludes;
    private final Destination dest;

    /** The destination: where it points after symlinks, and whether it was written as a directory. */
    private record Destination(String path, boolean dirSyntax) {}

    private CopyPlanner(CopyRequest req) throws CopyException {
        this.req = req;
        FileTree below = req.link() ? FileTree.empty() : req.dest();
        this.sources = new SourceResolver(req.source(), req.sourceIsContext(), req.command());
        this.draft = new LayerDraft(below, req.chown().orElse(Owner.ROOT), req.mtime());
        this.copier = new EntryCopier(req.sourceIsContext(), req.chown(), req.chmod());
        this.excludes = compileExcludes(req.excludes());
        this.dest = destination(req, below);
    }

    public static List<FileEntry> plan(CopyRequest req) throws CopyException {
        CopyPlanner p = new CopyPlanner(req);
        if (req.parents()) {
            for (String s : req.sources()) {
                p.copyWithParents(s);
            }
        } else {
            p.copyAll();
        }
        return p.draft.entries();
    }

    private static DockerIgnore compileExcludes(List<String> patterns) throws CopyException {
        try {
            return DockerIgnore.of(patterns);
        } catch (DockerIgnore.InvalidPatternException e) {
            throw new CopyException("invalid --exclude pattern \"" + e.pattern() + "\"");
        }
    }

    /** Absolute or relative to WORKDIR; {@code ..} stops at the root; symlinks resolve in the stage unless --link. */
    private static Destination destination(CopyRequest req, FileTree below) throws CopyException {
        String raw = req.destination();
        boolean dirSyntax = raw.isEmpty() || raw.endsWith("/") || raw.equals(".") || raw.endsWith("/.");
        String abs = raw.startsWith("/") ? raw : req.workdir() + "/" + raw;
        String clean = CopyPaths.cleanClamped(abs);
        String resolved = below.resolve(clean, true).orElseThrow(() -> new CopyException(
                req.command() + " destination \"" + raw + "\": too many levels of symbolic links"));
        return new Destination(resolved, dirSyntax);
    }

    private void copyAll() throws CopyException {
        List<SourceResolver.Match> matches = new ArrayList<>();
        for (String s : req.sources()) {
            matches.addAll(sources.expand(s));
        }
        boolean many = req.sources().size() > 1 || matches.size() > 1;
        if (many && !dest.dirSyntax() && !draft.isDirectory(dest.path())) {
            throw new CopyException("When using " + req.command()
                    + " with more than one source file, the destination must be a directory and end with a /");
        }
        for (SourceResolver.Match m : matches) {
            if (m.excludeKey().isPresent() && excluded(m.excludeKey().get())) {
                continue;
            }
            if (dest.dirSyntax()) {
                draft.ensureDirectory(dest.path());
            }
            if (req.source().isDirectory(m.path())) {
                copyDirectoryContents(m.path(), dest.path());
            } else if (!extracted(m)) {
                copyOne(m);
            }
        }
    }

    /** A file or symlink-free special entry: into the destination directory, or as the destination itself. */
    private void copyOne(SourceResolver.Match m) throws CopyException {
        FileEntry e = req.source().get(m.path()).orElseThrow(() -> sources.notFound(m.name()));
        String target = draft.isDirectory(dest.path())
                ? CopyPaths.join(dest.path(), FileEntry.nameOf(m.name()))
                : dest.path();
        draft.put(copier.copy(e, target));
    }

    /** The contents of a directory merge into the destination, which keeps its own metadata if it exists. */
    private void copyDirectoryContents(String srcDir, String targetDir) throws CopyException {
        if (!draft.isDirectoryOrAbsent(targetDir)) {
            throw new CopyException("cannot copy a directory onto " + CopyPaths.display(targetDir)
                    + ", which is not a directory");
        }
        draft.ensureDirectory(targetDir);
        Map<String, String> copiedFiles = new HashMap<>();
        for (FileEntry e : req.source().children(srcDir)) {
            String rel = CopyPaths.relative(srcDir, e.path());
            if (excluded(rel)) {
                continue;
            }
            String target = CopyPaths.join(targetDir, rel);
            String partner = e.type() == FileEntry.Type.HARDLINK ? copiedFiles.get(e.linkTarget()) : null;
            draft.put(partner != null ? copier.hardLink(e, target, partner) : copier.copy(e, target));
            if (e.type() == FileEntry.Type.FILE) {
                copiedFiles.put(e.path(), target);
            }
        }
    }

    /**
     * {@code --parents}: the part before {@code /./} is the pivot (the root without one), the rest a pattern
     * ({@code **} allowed) selecting paths below it that keep their structure under the destination. Directories
     * on the way to a selected path are copied with their source metadata, as fsutil's include patterns do.
     */
    private void copyWithParents(String source) throws CopyException {
        int cut = source.indexOf("/./");
        String pivotText = cut < 0 ? "/" : source.substring(0, cut);
        String pattern = CopyPaths.cleanClamped(cut < 0 ? source : source.substring(cut + 3));
        String pivot = sources.follow(sources.clean(pivotText), source);
        if (!req.source().isDirectory(pivot)) {
            throw sources.notFound(source);
        }
        if (!GoGlob.hasWildcards(source) && !sources.exists(CopyPaths.join(pivot, pattern))) {
            throw sources.notFound(source);
        }
        DockerIgnore include = compileExcludes(pattern.isEmpty() ? List.of("**") : List.of(pattern));
        if (!draft.isDirectoryOrAbsent(dest.path())) {
            throw new CopyException("cannot copy a directory onto " + CopyPaths.display(dest.path())
                    + ", which is not a directory");
        }
        draft.ensureDirectory(dest.path());
        for (FileEntry e : req.source().children(pivot)) {
            String rel = CopyPaths.relative(pivot, e.path());
            if (include.test(rel) && !excluded(rel)) {
                copyParentsOf(pivot, rel);
                draft.put(copier.copy(e, CopyPaths.join(dest.path(), rel)));
            }
        }
    }

    private void copyParentsOf(String pivot, String rel) throws CopyException {
        String parent = FileEntry.parentOf(rel);
        if (parent.isEmpty() || draft.get(CopyPaths.join(dest.path(), parent)).isPresent()
                && draft.isDirectory(CopyPaths.join(dest.path(), parent))) {
            return;
        }
        copyParentsOf(pivot, parent);
        Optional<FileEntry> dir = req.source().get(CopyPaths.join(pivot, parent));
        if (dir.isPresent()) {
            draft.put(copier.copy(dir.get(), CopyPaths.join(dest.path(), parent)));
        }
    }

    /** ADD: a tar archive from the context is unpacked into the destination directory instead of copied. */
    private boolean extracted(SourceResolver.Match m) throws CopyException {
        Optional<FileEntry> e = req.source().get(m.path());
        if (!req.add() || !req.sourceIsContext() || e.isEmpty() || e.get().type() != FileEntry.Type.FILE) {
            return false;
        }
        Optional<List<FileEntry>> unpacked;
        try {
            unpacked = ArchiveExtractor.extract(e.get().content(), dest.path(), req.scratchDir());
        } catch (IOException io) {
            throw new CopyException("cannot extract \"" + m.name() + "\": " + io.getMessage());
        }
        if (unpacked.isEmpty()) {
            return false;
        }
        if (!draft.isDirectoryOrAbsent(dest.path())) {
            throw new CopyException("cannot extract \"" + m.name() + "\" into " + CopyPaths.display(dest.path())
                    + ", which is not a directory");
        }
        draft.ensureDirectory(dest.path());
        for (FileEntry x : unpacked.get()) {
            draft.put(copier.chownOnly(x));
        }
        return true;
    }

    private boolean excluded(String rel) throws CopyException {
        try {
            return !rel.isEmpty() && excludes.excludes(rel);
        } catch (DockerIgnore.InvalidPatternException e) {
            throw new CopyException("invalid --exclude pattern \"" + e.pattern() + "\"");
        }
    }
}
