package dev.stagesmith.engine.copy;

import dev.stagesmith.engine.fs.FileEntry;
import dev.stagesmith.engine.fs.FileTree;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.Optional;

/**
 * Turns COPY sources into paths of the source tree: cleans them, expands wildcards the way BuildKit's
 * {@code ResolveWildcards} does (walk below the non-wildcard prefix, match whole relative paths, do not descend
 * into a matched directory) and follows symlinks. In the build context, climbing out of the root, directly or
 * through a symlink, is an error; in a stage, paths are clamped to the root as a container would see them.
 */
final class SourceResolver {

    private static final int MAX_SYMLINKS = 255;

    /**
     * One thing to copy.
     *
     * @param name the path as matched, before symlinks are followed (its last element names the copy)
     * @param path the path after following symlinks
     * @param excludeKey the path the exclude patterns test for the match itself; empty for an explicit source
     */
    record Match(String name, String path, Optional<String> excludeKey) {}

    private final FileTree tree;
    private final boolean context;
    private final String command;

    SourceResolver(FileTree tree, boolean context, String command) {
        this.tree = tree;
        this.context = context;
        this.command = command;
    }

    /** The matches of one source as written; none for a wildcard that matches nothing. */
    List<Match> expand(String source) throws CopyException {
        String clean = clean(source);
        if (!GoGlob.hasWildcards(clean)) {
            String resolved = follow(clean, source);
            if (!exists(resolved)) {
                throw notFound(source);
            }
            return List.of(new Match(clean, resolved, Optional.empty()));
        }
        String[] parts = clean.split("/");
        int firstWild = 0;
        while (!GoGlob.hasWildcards(parts[firstWild])) {
            firstWild++;
        }
        String prefix = String.join("/", List.of(parts).subList(0, firstWild));
        String pattern = String.join("/", List.of(parts).subList(firstWild, parts.length));
        String base = follow(prefix, source);
        List<Match> out = new ArrayList<>();
        if (!tree.isDirectory(base)) {
            return out;
        }
        String skipBelow = null;
        for (FileEntry e : tree.children(base)) {
            if (skipBelow != null && e.path().startsWith(skipBelow)) {
                continue;
            }
            String rel = CopyPaths.relative(base, e.path());
            if (GoGlob.matches(pattern, rel)) {
                String name = CopyPaths.join(prefix, rel);
                out.add(new Match(name, follow(name, name), Optional.of(rel)));
                skipBelow = e.isDirectory() ? e.path() + "/" : null;
            }
        }
        return out;
    }

    /** A source made root-relative: a leading '/' and a trailing '/' do not matter. */
    String clean(String source) throws CopyException {
        if (!context) {
            return CopyPaths.cleanClamped(source);
        }
        return CopyPaths.clean(source).orElseThrow(() -> new CopyException(
                command + " source \"" + source + "\" is outside the build context"));
    }

    boolean exists(String path) {
        return path.isEmpty() || tree.get(path).isPresent() || tree.isDirectory(path);
    }

    CopyException notFound(String source) {
        return context
                ? new CopyException("\"" + source + "\" not found in the build context (or excluded by .dockerignore)")
                : new CopyException("\"" + CopyPaths.display(CopyPaths.cleanClamped(source)) + "\" not found in stage");
    }

    /** Follows every symlink of a clean path, the last one included. */
    String follow(String path, String asWritten) throws CopyException {
        if (!context) {
            return tree.resolve(path, true).orElseThrow(() -> loop(asWritten));
        }
        LinkedList<String> pending = new LinkedList<>(List.of(path.split("/")));
        List<String> done = new ArrayList<>();
        int hops = 0;
        while (!pending.isEmpty()) {
            String part = pending.removeFirst();
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
            String here = String.join("/", done);
            Optional<FileEntry> e = tree.get(here);
            if (e.isPresent() && e.get().type() == FileEntry.Type.SYMLINK) {
                if (++hops > MAX_SYMLINKS) {
                    throw loop(asWritten);
                }
                done.remove(done.size() - 1);
                String target = e.get().linkTarget();
                if (climbsOut(done.size(), target)) {
                    throw new CopyException("source \"" + here + "\" is a symlink to " + target
                            + ", outside the build context");
                }
                pending.addAll(0, List.of(target.split("/")));
            }
        }
        return String.join("/", done);
    }

    /** Whether a link target, read in a directory {@code depth} levels below the root, leaves the context. */
    private static boolean climbsOut(int depth, String target) {
        if (target.startsWith("/")) {
            return true;
        }
        for (String p : target.split("/")) {
            if (p.equals("..")) {
                if (--depth < 0) {
                    return true;
                }
            } else if (!p.isEmpty() && !p.equals(".")) {
                depth++;
            }
        }
        return false;
    }

    private CopyException loop(String source) {
        return new CopyException(command + " source \"" + source + "\": too many levels of symbolic links");
    }
}
