package dev.stagesmith.engine.run.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The mount targets of one RUN (/proc, /dev, /etc/hosts, the --mount targets). The sandbox creates the ones
 * that are missing, as empty files and directories; after the RUN they are removed again, and every target
 * is left out of the diff, so none of them ends up in the layer.
 */
public final class MountStubs {

    private final Path root;
    private final List<String> targets = new ArrayList<>();
    private final Set<String> existed = new HashSet<>();

    /** Records which of {@code absoluteTargets} exist (with their parents) before the RUN. */
    public MountStubs(Path root, List<String> absoluteTargets) {
        this.root = root;
        for (String t : absoluteTargets) {
            String rel = clean(t);
            if (rel.isEmpty()) {
                continue;
            }
            targets.add(rel);
            for (String p = rel; !p.isEmpty(); p = parent(p)) {
                if (Files.exists(root.resolve(p), LinkOption.NOFOLLOW_LINKS)) {
                    existed.add(p);
                }
            }
        }
    }

    /** The targets, root-relative: what the diff must leave out. */
    public Set<String> excluded() {
        return new HashSet<>(targets);
    }

    /** Removes what the sandbox created: each new target if empty, then its new parents while empty. */
    public void cleanUp() throws IOException {
        List<String> sorted = new ArrayList<>(targets);
        sorted.sort((a, b) -> b.length() - a.length());
        for (String t : sorted) {
            for (String p = t; !p.isEmpty() && !existed.contains(p); p = parent(p)) {
                Path path = root.resolve(p);
                if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    try (var s = Files.list(path)) {
                        if (s.findAny().isPresent()) {
                            break;
                        }
                    }
                } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) && Files.size(path) > 0) {
                    break;
                }
                Files.deleteIfExists(path);
            }
        }
    }

    static String clean(String absolute) {
        StringBuilder sb = new StringBuilder();
        for (String part : absolute.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                int slash = sb.lastIndexOf("/");
                sb.setLength(Math.max(slash, 0));
                continue;
            }
            if (sb.length() > 0) {
                sb.append('/');
            }
            sb.append(part);
        }
        return sb.toString();
    }

    private static String parent(String p) {
        int slash = p.lastIndexOf('/');
        return slash < 0 ? "" : p.substring(0, slash);
    }
}
