package dev.stagesmith.engine.run.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagesmith.engine.copy.Owner;
import dev.stagesmith.engine.fs.Content;
import dev.stagesmith.engine.fs.FileEntry;
import dev.stagesmith.engine.fs.FileTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The RUN diff on a real directory: what a command does to the disk, and the layer entries that result. */
class RootFsTest {

    private static final Owner RUN_USER = new Owner(1000, 1000);

    @TempDir
    Path tmp;

    private RootFs fs;
    private Path root;

    @BeforeEach
    void materialize() throws IOException {
        root = Files.createDirectory(tmp.resolve("root"));
        fs = RootFs.create(root);
        fs.sync(FileTree.empty().apply(List.of(
                FileEntry.dir("etc", 0755, 0, 0, 0),
                FileEntry.file("etc/passwd", 0644, 0, 0, 0, text("root:x:0:0::/:/bin/sh\n")),
                FileEntry.file("etc/owned", 0640, 7, 8, 0, text("seven\n")),
                FileEntry.dir("d", 0755, 0, 0, 0),
                FileEntry.file("d/one", 0644, 0, 0, 0, text("1")),
                FileEntry.file("d/two", 0644, 0, 0, 0, text("2")),
                FileEntry.dir("keep", 0755, 0, 0, 0),
                FileEntry.file("keep/a", 0644, 0, 0, 0, text("a")),
                FileEntry.file("keep/b", 0644, 0, 0, 0, text("b")),
                FileEntry.symlink("link", "etc/passwd", 0, 0, 0),
                new FileEntry("dev/null", FileEntry.Type.CHAR, 0666, 0, 0, 0, "", 1, 3, Map.of(), null))));
    }

    @Test
    void nothingChangedGivesNoEntries() throws IOException {
        assertEquals(List.of(), fs.diff(Set.of(), RUN_USER, 0));
    }

    @Test
    void sameSizeSameMtimeRewriteIsSeen() throws IOException {
        Path f = root.resolve("d/one");
        FileTime mtime = Files.getLastModifiedTime(f);
        Files.writeString(f, "X");
        Files.setLastModifiedTime(f, mtime);
        Map<String, FileEntry> d = diff(Set.of());
        assertEquals(Set.of("d", "d/one"), d.keySet());
        assertEquals(0, d.get("d/one").uid(), "changed in place: the recorded owner stays");
    }

    @Test
    void createdChangedDeletedLinksAndModes() throws IOException {
        Files.writeString(root.resolve("new.txt"), "new");
        Files.writeString(root.resolve("etc/owned"), "changed in place\n");
        Files.delete(root.resolve("keep/a"));
        Files.setPosixFilePermissions(root.resolve("keep/b"), PosixFilePermissions.fromString("rwx------"));
        Files.delete(root.resolve("link"));
        Files.createSymbolicLink(root.resolve("link"), Path.of("new.txt"));
        Files.createLink(root.resolve("hard"), root.resolve("new.txt"));
        Map<String, FileEntry> d = diff(Set.of());
        assertEquals(Set.of("new.txt", "hard", "etc", "etc/owned", "keep", "keep/a", "keep/b", "link"), d.keySet());
        assertEquals(FileEntry.Type.FILE, d.get("hard").type(), "first of the inode group by path");
        assertEquals(FileEntry.Type.HARDLINK, d.get("new.txt").type());
        assertEquals("hard", d.get("new.txt").linkTarget());
        assertEquals(new Owner(1000, 1000), new Owner(d.get("hard").uid(), d.get("hard").gid()), "new: the RUN user");
        assertEquals(new Owner(7, 8), new Owner(d.get("etc/owned").uid(), d.get("etc/owned").gid()));
        assertEquals(FileEntry.Type.WHITEOUT, d.get("keep/a").type());
        assertEquals(0700, d.get("keep/b").mode());
        assertEquals("new.txt", d.get("link").linkTarget());
        assertEquals(FileEntry.Type.DIR, d.get("keep").type(), "the parent of a change is in the layer");
        assertTrue(!d.containsKey("dev/null") && !d.containsKey("dev"), "an unmade device node is not deleted");
    }

    @Test
    void aDirectoryEmptiedOrReplacedBecomesOpaque() throws IOException {
        RootFs.deleteTree(root.resolve("d"));
        Files.createDirectory(root.resolve("d"));
        Files.writeString(root.resolve("d/fresh"), "fresh");
        List<FileEntry> entries = fs.diff(Set.of(), RUN_USER, 0);
        Map<String, List<FileEntry.Type>> types = new TreeMap<>();
        entries.forEach(e -> types.computeIfAbsent(e.path(), k -> new java.util.ArrayList<>()).add(e.type()));
        assertEquals(Map.of("d", List.of(FileEntry.Type.DIR, FileEntry.Type.OPAQUE), "d/fresh", List.of(FileEntry.Type.FILE)),
                types);
    }

    @Test
    void aDeletedDirectoryIsOneWhiteout() throws IOException {
        RootFs.deleteTree(root.resolve("keep"));
        assertEquals(Map.of("keep", FileEntry.Type.WHITEOUT), types(diff(Set.of())));
    }

    @Test
    void mountStubsAndTargetsNeverReachTheLayer() throws IOException {
        Files.createDirectories(root.resolve("cache/deep"));
        Files.writeString(root.resolve("cache/deep/file"), "mount content");
        MountStubs stubs = new MountStubs(root, List.of("/proc", "/etc/hosts", "/run/secrets/token", "/cache/deep",
                "/keep"));
        // What bwrap does: create the missing targets as empty files and directories.
        Files.createDirectory(root.resolve("proc"));
        Files.createFile(root.resolve("etc/hosts"));
        Files.createDirectories(root.resolve("run/secrets"));
        Files.createFile(root.resolve("run/secrets/token"));
        Files.writeString(root.resolve("run/real.pid"), "1");
        stubs.cleanUp();
        assertTrue(Files.notExists(root.resolve("proc")) && Files.notExists(root.resolve("etc/hosts"))
                && Files.notExists(root.resolve("run/secrets")), "stubs removed");
        Map<String, FileEntry> d = diff(stubs.excluded());
        assertEquals(Set.of("cache", "run", "run/real.pid"), d.keySet(),
                "the RUN's own file stays, the mount target under /cache and /keep (whose content was hidden) do not");
    }

    private Map<String, FileEntry> diff(Set<String> excluded) throws IOException {
        Map<String, FileEntry> out = new TreeMap<>();
        for (FileEntry e : fs.diff(excluded, RUN_USER, 0)) {
            out.put(e.path(), e);
        }
        return out;
    }

    private static Map<String, FileEntry.Type> types(Map<String, FileEntry> d) {
        Map<String, FileEntry.Type> out = new TreeMap<>();
        d.forEach((k, v) -> out.put(k, v.type()));
        return out;
    }

    private static Content text(String s) {
        return Content.ofBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
