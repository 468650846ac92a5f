package dev.stagesmith.engine.copy;

import dev.stagesmith.engine.fs.FileEntry;
import dev.stagesmith.engine.fs.FileTree;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Resolves a {@code --chown=user[:group]} spec against the destination stage's {@code /etc/passwd} and
 * {@code /etc/group}, read through the stage's tree with symlinks resolved inside its root.
 *
 * <p>Numbers take a fast path and need no files. With a user only, the group is the user's: a numeric user
 * gets gid = uid (the Dockerfile reference), a named user gets the primary gid of its passwd entry. The
 * latter is what BuildKit does ({@code solver/llbsolver/ops/user_linux.go: readUser} copies the entry's
 * {@code Gid}), so we follow the code rather than the spec note that said gid = uid for names too.
 *
 * <p>BuildKit silently maps a name it cannot find to 0; we fail instead, as the Dockerfile reference
 * documents, because a silent root-owned file is the worse surprise.
 */
public final class UserDb {

    private final FileTree tree;

    private UserDb(FileTree tree) {
        this.tree = tree;
    }

    public static UserDb of(FileTree stageTree) {
        return new UserDb(stageTree);
    }

    public Owner resolve(String spec) throws CopyException {
        int colon = spec.indexOf(':');
        String user = colon < 0 ? spec : spec.substring(0, colon);
        String group = colon < 0 ? null : spec.substring(colon + 1);
        int uid = 0;
        int gid = 0;
        if (isNumber(user)) {
            uid = parseId(user, spec);
            gid = uid;
        } else if (!user.isEmpty()) {
            int[] ids = lookup("etc/passwd", user, 2, 3)
                    .orElseThrow(() -> notFound("user", user, "passwd"));
            uid = ids[0];
            gid = ids[1];
        }
        if (group != null && isNumber(group)) {
            gid = parseId(group, spec);
        } else if (group != null && !group.isEmpty()) {
            gid = lookup("etc/group", group, 2, 2)
                    .orElseThrow(() -> notFound("group", group, "group"))[0];
        }
        return new Owner(uid, gid);
    }

    private static boolean isNumber(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static int parseId(String s, String spec) throws CopyException {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new CopyException("invalid --chown value \"" + spec + "\": " + s + " is too large for an id");
        }
    }

    private static CopyException notFound(String kind, String name, String file) {
        return new CopyException("unable to find " + kind + " " + name + ": no matching entries in the " + file
                + " file of the stage");
    }

    /** The two numeric fields of the first line whose first field is {@code name}; lines that do not parse are skipped. */
    private Optional<int[]> lookup(String file, String name, int first, int second) throws CopyException {
        for (String line : read(file).split("\n")) {
            String[] f = line.split(":", -1);
            if (f.length > Math.max(first, second) && f[0].equals(name)
                    && isNumber(f[first].trim()) && isNumber(f[second].trim())) {
                return Optional.of(new int[] {parseId(f[first].trim(), name), parseId(f[second].trim(), name)});
            }
        }
        return Optional.empty();
    }

    /** The file's text, or "" when the stage has no such regular file (then no name can be found). */
    private String read(String file) throws CopyException {
        Optional<FileEntry> entry = tree.resolve(file, true).flatMap(tree::get);
        if (entry.isEmpty() || entry.get().content() == null
                || entry.get().type() != FileEntry.Type.FILE && entry.get().type() != FileEntry.Type.HARDLINK) {
            return "";
        }
        try (InputStream in = entry.get().content().open()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CopyException("cannot read /" + file + " of the stage: " + e.getMessage());
        }
    }
}
