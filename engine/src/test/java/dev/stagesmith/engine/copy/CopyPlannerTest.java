package dev.stagesmith.engine.copy;

import static dev.stagesmith.engine.copy.TreeSpec.render;
import static dev.stagesmith.engine.copy.TreeSpec.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.stagesmith.engine.fs.FileEntry;
import dev.stagesmith.engine.fs.FileTree;
import dev.stagesmith.engine.layer.LayerReader;
import dev.stagesmith.engine.layer.LayerWriter;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CopyPlannerTest {

    private static final FileTree CTX = tree(
            "f a.txt hello", "f b.txt bye", "f c.md md", "f own.txt 0644 5:5 mine", "f run.sh 0755 #!",
            "f ab.c 1", "f bb.c 2", "f cb.c 3", "f a1.c 4",
            "d app/", "f app/x.txt 0600 x", "d app/sub/", "f app/sub/y.txt y", "l app/link -> x.txt",
            "l up -> ../outside", "l abs -> /etc/passwd", "l good -> app/x.txt", "l loop -> loop",
            "d dir2/", "l dir2/esc -> ../../x", "l dir2/ok -> ../a.txt",
            "d src/ 0750", "d src/a/", "f src/a/x.go gx", "f src/a/x.txt tx", "d src/a/b/", "f src/a/b/y.go gy");

    private static final FileTree EMPTY = FileTree.empty();

    private static CopyRequest copy(String dest, String... sources) {
        return CopyRequest.of(List.of(sources), dest, CTX, EMPTY);
    }

    private static void check(CopyRequest req, String... expected) throws CopyException {
        List<String> want = new ArrayList<>(List.of(expected));
        want.sort(null);
        assertEquals(want, render(CopyPlanner.plan(req)));
    }

    private static void fails(CopyRequest req, String message) {
        assertEquals(message, assertThrows(CopyException.class, () -> CopyPlanner.plan(req)).getMessage());
    }

    // --- wildcards

    @Test
    void starMatchesFilesAtOneLevel() throws CopyException {
        check(copy("/d/", "*.txt"), "d d 0755 0:0", "f d/a.txt 0644 0:0 hello", "f d/b.txt 0644 0:0 bye",
                "f d/own.txt 0644 0:0 mine");
    }

    @Test
    void starBelowADirectoryCopiesMatchedDirsContentsAndFollowsLinks() throws CopyException {
        check(copy("/d/", "app/*"), "d d 0755 0:0", "f d/x.txt 0600 0:0 x", "f d/link 0600 0:0 x",
                "f d/y.txt 0644 0:0 y");
    }

    @Test
    void classAndQuestionMark() throws CopyException {
        check(copy("/d/", "[ab]?.c"), "d d 0755 0:0", "f d/ab.c 0644 0:0 1", "f d/bb.c 0644 0:0 2",
                "f d/a1.c 0644 0:0 4");
        check(copy("/d/", "[^ab]b.c"), "d d 0755 0:0", "f d/cb.c 0644 0:0 3");
    }

    @Test
    void wildcardInTheMiddle() throws CopyException {
        check(copy("/d/", "src/*/x.go"), "d d 0755 0:0", "f d/x.go 0644 0:0 gx");
    }

    @Test
    void emptyWildcardMatchIsAllowedAndCreatesNothing() throws CopyException {
        check(copy("/d/", "nomatch*"));
        check(copy("/d/", "a.txt", "nomatch*"), "d d 0755 0:0", "f d/a.txt 0644 0:0 hello");
    }

    @Test
    void singleWildcardMatchMayNameAFile() throws CopyException {
        check(copy("/app.txt", "a*.txt"), "f app.txt 0644 0:0 hello");
    }

    // --- destination rules

    @Test
    void moreThanOneSourceNeedsADirectory() {
        String msg = "When using COPY with more than one source file, the destination must be a directory and end with a /";
        fails(copy("/d", "a.txt", "b.txt"), msg);
        fails(copy("/d", "*.txt"), msg);
        fails(copy("/d", "a.txt", "nomatch*"), msg);
        fails(copy("/d", "a.txt", "b.txt").asAdd(null), msg.replace("COPY", "ADD"));
    }

    @Test
    void moreThanOneSourceIntoAnExistingDirectory() throws CopyException {
        check(CopyRequest.of(List.of("a.txt", "b.txt"), "/d", CTX, tree("d d/ 0700 5:5")),
                "f d/a.txt 0644 0:0 hello", "f d/b.txt 0644 0:0 bye");
    }

    @Test
    void trailingSlashDecidesFileOrDirectory() throws CopyException {
        check(copy("/abs", "a.txt"), "f abs 0644 0:0 hello");
        check(copy("/abs/", "a.txt"), "d abs 0755 0:0", "f abs/a.txt 0644 0:0 hello");
        check(copy("/abs/.", "a.txt"), "d abs 0755 0:0", "f abs/a.txt 0644 0:0 hello");
        check(copy("/", "a.txt"), "f a.txt 0644 0:0 hello");
        check(copy("/d/", "a.txt/"), "d d 0755 0:0", "f d/a.txt 0644 0:0 hello");
    }

    @Test
    void relativeDestinationUsesWorkdir() throws CopyException {
        check(copy(".", "a.txt").withWorkdir("/app"), "d app 0755 0:0", "f app/a.txt 0644 0:0 hello");
        check(copy("rel/", "a.txt").withWorkdir("/w"), "d w 0755 0:0", "d w/rel 0755 0:0",
                "f w/rel/a.txt 0644 0:0 hello");
        check(copy("name", "a.txt").withWorkdir("/w"), "d w 0755 0:0", "f w/name 0644 0:0 hello");
        check(copy("", "a.txt").withWorkdir("/w"), "d w 0755 0:0", "f w/a.txt 0644 0:0 hello");
        check(copy("../../up.txt", "a.txt").withWorkdir("/w"), "f up.txt 0644 0:0 hello");
    }

    @Test
    void existingDirectoryWithoutSlash() throws CopyException {
        check(CopyRequest.of(List.of("a.txt"), "/opt", CTX, tree("d opt/")), "f opt/a.txt 0644 0:0 hello");
    }

    @Test
    void createdParentsAre0755RootWithTheGivenMtime() throws CopyException {
        List<FileEntry> out = CopyPlanner.plan(copy("/x/y/z/", "a.txt").withMtime(42));
        assertEquals(List.of("d x 0755 0:0", "d x/y 0755 0:0", "d x/y/z 0755 0:0", "f x/y/z/a.txt 0644 0:0 hello"),
                render(out));
        out.stream().filter(FileEntry::isDirectory).forEach(e -> assertEquals(42, e.mtime()));
        out.stream().filter(e -> !e.isDirectory()).forEach(e -> assertEquals(TreeSpec.MTIME, e.mtime()));
    }

    @Test
    void existingParentsAreNotRewritten() throws CopyException {
        check(CopyRequest.of(List.of("a.txt"), "/usr/local/bin/", CTX, tree("d usr/ 0700 3:3", "d usr/local/")),
                "d usr/local/bin 0755 0:0", "f usr/local/bin/a.txt 0644 0:0 hello");
    }

    @Test
    void parentThatIsAFileIsAnError() {
        fails(CopyRequest.of(List.of("a.txt"), "/f/x", CTX, tree("f f data")),
                "cannot create directory /f: a file or symlink is in the way");
    }

    @Test
    void destinationSymlinksResolveInTheStageUnlessLink() throws CopyException {
        FileTree dest = tree("d real/", "l lnk -> /real", "l rel -> real");
        check(CopyRequest.of(List.of("a.txt"), "/lnk/", CTX, dest), "f real/a.txt 0644 0:0 hello");
        check(CopyRequest.of(List.of("a.txt"), "/rel/sub/f", CTX, dest), "d real/sub 0755 0:0",
                "f real/sub/f 0644 0:0 hello");
        check(CopyRequest.of(List.of("a.txt"), "/lnk", CTX, dest), "f real/a.txt 0644 0:0 hello");
        check(CopyRequest.of(List.of("a.txt"), "/lnk/", CTX, dest).withLink(true), "d lnk 0755 0:0",
                "f lnk/a.txt 0644 0:0 hello");
    }

    // --- directories

    @Test
    void directoryCopiesItsContents() throws CopyException {
        check(copy("/d", "app"), "d d 0755 0:0", "f d/x.txt 0600 0:0 x", "d d/sub 0755 0:0",
                "f d/sub/y.txt 0644 0:0 y", "l d/link -> x.txt 0:0");
        check(copy("/", "app/sub/"), "f y.txt 0644 0:0 y");
    }

    @Test
    void directoryMergesIntoAnExistingOneThatKeepsItsOwner() throws CopyException {
        check(CopyRequest.of(List.of("app/sub"), "/d", CTX, tree("d d/ 0700 5:5", "f d/old.txt")).withChown(new Owner(1, 1)),
                "f d/y.txt 0644 1:1 y");
    }

    @Test
    void directoryOntoAFileIsAnError() {
        fails(CopyRequest.of(List.of("app"), "/d", CTX, tree("f d data")),
                "cannot copy a directory onto /d, which is not a directory");
    }

    @Test
    void fileOntoADirectoryIsAnError() {
        fails(CopyRequest.of(List.of("a.txt"), "/d/", CTX, tree("d d/a.txt/")),
                "cannot replace the directory /d/a.txt with a file");
    }

    @Test
    void wholeContext() throws CopyException {
        List<FileEntry> out = CopyPlanner.plan(copy("/ctx/", "."));
        assertEquals(CTX.size() + 1, out.size());
    }

    // --- ownership and modes

    @Test
    void chownAppliesToCopiesAndCreatedDirectories() throws CopyException {
        check(copy("/d/", "a.txt").withChown(new Owner(1000, 1000)), "d d 0755 1000:1000",
                "f d/a.txt 0644 1000:1000 hello");
        check(copy("/d/", "app/sub", "good").withChown(new Owner(7, 8)), "d d 0755 7:8", "f d/y.txt 0644 7:8 y",
                "f d/good 0600 7:8 x");
    }

    @Test
    void contextFilesAreRootOwnedAndStageFilesKeepTheirOwner() throws CopyException {
        check(copy("/d/", "own.txt"), "d d 0755 0:0", "f d/own.txt 0644 0:0 mine");
        FileTree stage = tree("d app/ 0750 7:7", "f app/f 0640 7:8 s", "l app/l -> f 7:7");
        check(copy("/d", "/app").fromStage(stage), "d d 0755 0:0", "f d/f 0640 7:8 s", "l d/l -> f 7:7");
    }

    @Test
    void chmodAppliesToFilesAndDirectoriesButNotLinksOrCreatedDirectories() throws CopyException {
        check(copy("/d", "app").withChmod(Chmod.parse("0700")), "d d 0755 0:0", "f d/x.txt 0700 0:0 x",
                "d d/sub 0700 0:0", "f d/sub/y.txt 0700 0:0 y", "l d/link -> x.txt 0:0");
        check(copy("/d", "app").withChmod(Chmod.parse("go=rX")), "d d 0755 0:0", "f d/x.txt 0644 0:0 x",
                "d d/sub 0755 0:0", "f d/sub/y.txt 0644 0:0 y", "l d/link -> x.txt 0:0");
        check(copy("/d/", "run.sh", "a.txt").withChmod(Chmod.parse("a=rX")), "d d 0755 0:0",
                "f d/run.sh 0555 0:0 #!", "f d/a.txt 0444 0:0 hello");
    }

    // --- --parents

    @Test
    void parentsKeepsThePathFromTheRoot() throws CopyException {
        check(copy("/d/", "src/a/*.go").withParents(true), "d d 0755 0:0", "d d/src 0750 0:0",
                "d d/src/a 0755 0:0", "f d/src/a/x.go 0644 0:0 gx");
    }

    @Test
    void parentsPivot() throws CopyException {
        check(copy("/d/", "src/./a/*.go").withParents(true), "d d 0755 0:0", "d d/a 0755 0:0",
                "f d/a/x.go 0644 0:0 gx");
        check(copy("/d/", "./src/a/x.txt").withParents(true), "d d 0755 0:0", "d d/src 0750 0:0",
                "d d/src/a 0755 0:0", "f d/src/a/x.txt 0644 0:0 tx");
    }

    @Test
    void parentsWithDoubleStar() throws CopyException {
        check(copy("/d/", "src/**/*.go").withParents(true), "d d 0755 0:0", "d d/src 0750 0:0",
                "d d/src/a 0755 0:0", "f d/src/a/x.go 0644 0:0 gx", "d d/src/a/b 0755 0:0",
                "f d/src/a/b/y.go 0644 0:0 gy");
    }

    @Test
    void parentsWithADirectoryCopiesItsSubtree() throws CopyException {
        check(copy("/d/", "src/./a/b").withParents(true), "d d 0755 0:0", "d d/a 0755 0:0", "d d/a/b 0755 0:0",
                "f d/a/b/y.go 0644 0:0 gy");
    }

    @Test
    void parentsWithAMissingPathIsAnError() {
        fails(copy("/d/", "src/./nope.go").withParents(true),
                "\"src/./nope.go\" not found in the build context (or excluded by .dockerignore)");
    }

    // --- --exclude

    @Test
    void excludeInsideADirectory() throws CopyException {
        check(copy("/d", "app").withExcludes(List.of("sub")), "d d 0755 0:0", "f d/x.txt 0600 0:0 x",
                "l d/link -> x.txt 0:0");
        check(copy("/d", "app").withExcludes(List.of("*.txt")), "d d 0755 0:0", "d d/sub 0755 0:0",
                "f d/sub/y.txt 0644 0:0 y", "l d/link -> x.txt 0:0");
        check(copy("/d", "app").withExcludes(List.of("**/*.txt", "link")), "d d 0755 0:0", "d d/sub 0755 0:0");
    }

    @Test
    void excludeWildcardMatches() throws CopyException {
        check(copy("/d/", "*.txt").withExcludes(List.of("b.txt", "own*")), "d d 0755 0:0",
                "f d/a.txt 0644 0:0 hello");
    }

    @Test
    void excludeWithParents() throws CopyException {
        check(copy("/d/", "src/**/*.go").withParents(true).withExcludes(List.of("src/a/b")), "d d 0755 0:0",
                "d d/src 0750 0:0", "d d/src/a 0755 0:0", "f d/src/a/x.go 0644 0:0 gx");
    }

    @Test
    void invalidExcludePattern() {
        fails(copy("/d/", "app").withExcludes(List.of("[")), "invalid --exclude pattern \"[\"");
    }

    // --- the build context boundary and missing sources

    @Test
    void sourcesOutsideTheContextAreErrors() {
        fails(copy("/d/", "../x"), "COPY source \"../x\" is outside the build context");
        fails(copy("/d/", "app/../../x").asAdd(null), "ADD source \"app/../../x\" is outside the build context");
        fails(copy("/d/", "abs"), "source \"abs\" is a symlink to /etc/passwd, outside the build context");
        fails(copy("/d/", "up"), "source \"up\" is a symlink to ../outside, outside the build context");
        fails(copy("/d/", "dir2/esc"), "source \"dir2/esc\" is a symlink to ../../x, outside the build context");
        fails(copy("/d/", "dir2/*"), "source \"dir2/esc\" is a symlink to ../../x, outside the build context");
        fails(copy("/d/", "loop"), "COPY source \"loop\": too many levels of symbolic links");
    }

    @Test
    void symlinksInsideTheContextAreFollowed() throws CopyException {
        check(copy("/d/", "good", "dir2/ok"), "d d 0755 0:0", "f d/good 0600 0:0 x", "f d/ok 0644 0:0 hello");
        check(copy("/d/", "/a.txt"), "d d 0755 0:0", "f d/a.txt 0644 0:0 hello");
    }

    @Test
    void missingSources() {
        fails(copy("/d/", "nope.txt"), "\"nope.txt\" not found in the build context (or excluded by .dockerignore)");
        fails(copy("/d/", "a.txt/x"), "\"a.txt/x\" not found in the build context (or excluded by .dockerignore)");
        fails(copy("/d/", "x").fromStage(tree("d etc/")), "\"/x\" not found in stage");
    }

    @Test
    void stageSymlinksAreClampedToItsRoot() throws CopyException {
        FileTree stage = tree("d etc/", "f etc/f 0644 3:3 s", "l lnk -> ../../etc/f", "l abs -> /etc/f");
        check(copy("/d/", "lnk", "abs", "../../etc/f").fromStage(stage), "d d 0755 0:0", "f d/lnk 0644 3:3 s",
                "f d/abs 0644 3:3 s", "f d/f 0644 3:3 s");
    }

    @Test
    void hardLinksStayLinkedWhenBothEndsAreCopied() throws CopyException {
        FileTree stage = tree("d b/", "f b/a 0755 data", "h b/h -> b/a");
        check(copy("/d", "/b").fromStage(stage), "d d 0755 0:0", "f d/a 0755 0:0 data", "h d/h -> d/a 0:0");
        check(copy("/one", "/b/h").fromStage(stage), "f one 0644 0:0 data");
    }

    // --- layer round trip

    @Test
    void planRoundTripsThroughALayerTar(@TempDir Path tmp) throws Exception {
        List<FileEntry> planned = CopyPlanner.plan(copy("/opt/app/", "app", "a.txt").withChown(new Owner(10, 20)));
        Path layer = tmp.resolve("layer.tar");
        try (OutputStream out = Files.newOutputStream(layer)) {
            LayerWriter.write(planned, out, OptionalLong.empty());
        }
        assertEquals(render(planned), render(LayerReader.read(layer)));
    }
}
