package dev.stagesmith.engine.copy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.stagesmith.engine.fs.Content;
import dev.stagesmith.engine.fs.FileEntry;
import dev.stagesmith.engine.fs.FileTree;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UserDbTest {

    private static final String PASSWD = "root:x:0:0:root:/root:/bin/sh\n"
            + "broken line\n"
            + "app:x:1000:1001:App:/home/app:/bin/sh\n"
            + "app:x:2000:2000:shadowed by the first:/:/bin/sh\n";
    private static final String GROUP = "root:x:0:\nstaff:x:50:app\napp:x:1001:\n";

    /** The stage keeps its files under usr/share and links them from etc, as some distributions do. */
    private static final FileTree STAGE = FileTree.empty().apply(List.of(
            FileEntry.dir("etc", 0755, 0, 0, 0),
            FileEntry.symlink("etc/passwd", "../usr/share/passwd", 0, 0, 0),
            FileEntry.symlink("etc/group", "/usr/share/group", 0, 0, 0),
            FileEntry.dir("usr", 0755, 0, 0, 0),
            FileEntry.dir("usr/share", 0755, 0, 0, 0),
            file("usr/share/passwd", PASSWD),
            file("usr/share/group", GROUP)));

    private static FileEntry file(String path, String text) {
        return FileEntry.file(path, 0644, 0, 0, 0, Content.ofBytes(text.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest(name = "{0} -> {1}:{2}")
    @CsvSource({
        "1000, 1000, 1000",
        "1000:50, 1000, 50",
        "0, 0, 0",
        "app, 1000, 1001",
        "app:staff, 1000, 50",
        "app:7, 1000, 7",
        "12:staff, 12, 50",
        "root:root, 0, 0",
        "':staff', 0, 50",
    })
    void resolves(String spec, int uid, int gid) throws CopyException {
        assertEquals(new Owner(uid, gid), UserDb.of(STAGE).resolve(spec));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "nobody       | unable to find user nobody: no matching entries in the passwd file of the stage",
        "app:nogroup  | unable to find group nogroup: no matching entries in the group file of the stage",
        "broken       | unable to find user broken: no matching entries in the passwd file of the stage",
    })
    void rejectsMissingNames(String spec, String message) {
        assertEquals(message, assertThrows(CopyException.class, () -> UserDb.of(STAGE).resolve(spec)).getMessage());
    }

    @ParameterizedTest
    @CsvSource({"1000:1000, 1000, 1000", "5, 5, 5"})
    void numbersNeedNoFiles(String spec, int uid, int gid) throws CopyException {
        assertEquals(new Owner(uid, gid), UserDb.of(FileTree.empty()).resolve(spec));
    }

    @ParameterizedTest
    @CsvSource({"app", "1000:staff"})
    void namesNeedFiles(String spec) {
        assertThrows(CopyException.class, () -> UserDb.of(FileTree.empty()).resolve(spec));
    }
}
