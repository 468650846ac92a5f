package dev.stagesmith.engine.run.mount;

import dev.stagesmith.engine.run.fs.RootFs;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Set;

/** The file work behind mounts: paths inside a root that symlinks cannot leave, copies, modes and owners. */
final class MountFiles {

    private static final int MAX_LINKS = 40;

    private MountFiles() {}

    /**
     * {@code path} inside {@code root}, following symlinks as if {@code root} were {@code /}: an absolute link
     * starts again at {@code root} and {@code ..} stops there, so a stage's {@code /x -> /etc/shadow} reaches
     * the stage's file, never the host's.
     *
     * @return the host path, which exists
     */
    static Path inRoot(Path root, String path, String what) throws MountException {
        Deque<String> todo = new ArrayDeque<>();
        push(todo, path);
        Deque<String> done = new ArrayDeque<>();
        int links = 0;
        while (!todo.isEmpty()) {
            String part = todo.pollFirst();
            if (part.equals("..")) {
                done.pollLast();
                continue;
            }
            Path candidate = join(root, done).resolve(part);
            if (Files.isSymbolicLink(candidate)) {
                if (++links > MAX_LINKS) {
                    throw new MountException(what + ": too many symbolic links in " + path);
                }
                String link;
                try {
                    link = Files.readSymbolicLink(candidate).toString();
                } catch (IOException e) {
                    throw new MountException(what + ": cannot read the link " + path + ": " + e.getMessage(), e);
                }
                if (link.startsWith("/")) {
                    done.clear();
                }
                push(todo, link);
                continue;
            }
            if (!Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
                throw new MountException(what + ": " + path + " does not exist there; check source=");
            }
            done.addLast(part);
        }
        return join(root, done);
    }

    private static void push(Deque<String> todo, String path) {
        String[] parts = path.split("/");
        for (int i = parts.length - 1; i >= 0; i--) {
            if (!parts[i].isEmpty() && !parts[i].equals(".")) {
                todo.addFirst(parts[i]);
            }
        }
    }

    private static Path join(Path root, Deque<String> parts) {
        Path p = root;
        for (String s : parts) {
            p = p.resolve(s);
        }
        return p;
    }

    /** Copies a file or a tree (links as links, modes and times kept; owners too where we may set them). */
    static void copy(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from, LinkOption.NOFOLLOW_LINKS)) {
            copyOne(from, to);
            return;
        }
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path d = to.resolve(from.relativize(dir).toString());
                if (!Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectory(d);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                copyOne(file, to.resolve(from.relativize(file).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                Path d = to.resolve(from.relativize(dir).toString());
                Files.setPosixFilePermissions(d, Files.getPosixFilePermissions(dir));
                owner(d, (Integer) Files.getAttribute(dir, "unix:uid"), (Integer) Files.getAttribute(dir, "unix:gid"));
                Files.setLastModifiedTime(d, Files.getLastModifiedTime(dir));
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void copyOne(Path from, Path to) throws IOException {
        Files.copy(from, to, LinkOption.NOFOLLOW_LINKS, StandardCopyOption.COPY_ATTRIBUTES);
        owner(to, (Integer) Files.getAttribute(from, "unix:uid", LinkOption.NOFOLLOW_LINKS),
                (Integer) Files.getAttribute(from, "unix:gid", LinkOption.NOFOLLOW_LINKS));
    }

    /**
     * Sets an owner where we are allowed to. As a normal user we are not, and need not be: the sandbox maps
     * the invoking user to root, so the file looks root-owned inside, as every file of the rootfs does.
     */
    static void owner(Path p, int uid, int gid) throws IOException {
        try {
            if ((Integer) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS) != uid) {
                Files.setAttribute(p, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
            }
            if ((Integer) Files.getAttribute(p, "unix:gid", LinkOption.NOFOLLOW_LINKS) != gid) {
                Files.setAttribute(p, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
            }
        } catch (java.nio.file.FileSystemException e) {
            if (isRoot()) {
                throw e;
            }
        }
    }

    static void mode(Path p, int mode) throws IOException {
        Set<PosixFilePermission> perms = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ .. OTHERS_EXECUTE, high bit first
        for (int i = 0; i < 9; i++) {
            if ((mode & (1 << (8 - i))) != 0) {
                perms.add(bits[i]);
            }
        }
        Files.setPosixFilePermissions(p, perms);
    }

    /** Deletes a tree, also one a RUN locked with {@code chmod 000} inside a cache mount. */
    static void deleteTree(Path dir) throws IOException {
        RootFs.deleteTree(dir);
    }

    private static boolean isRoot() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid") == 0;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
