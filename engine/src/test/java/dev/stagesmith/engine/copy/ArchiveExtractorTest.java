package dev.stagesmith.engine.copy;

import static dev.stagesmith.engine.copy.TreeSpec.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.stagesmith.engine.fs.Content;
import dev.stagesmith.engine.fs.FileEntry;
import dev.stagesmith.engine.fs.FileTree;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArchiveExtractorTest {

    @TempDir
    Path tmp;

    private static final List<String> EXTRACTED = List.of("d opt 0755 0:0", "d opt/dir 0750 1:2",
            "f opt/dir/f.txt 0640 1:2 data", "h opt/hard -> opt/dir/f.txt 1:2", "l opt/link -> dir/f.txt 1:2");

    /** One tar entry: {@code d name}, {@code f name text}, {@code l name target}, {@code h name target}. */
    private static byte[] tar(String... specs) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (String spec : specs) {
                String[] w = spec.split(" ", 3);
                byte[] body = new byte[0];
                TarArchiveEntry t = switch (w[0]) {
                    case "d" -> new TarArchiveEntry(w[1] + "/", true);
                    case "l" -> new TarArchiveEntry(w[1], TarConstants.LF_SYMLINK, true);
                    case "h" -> new TarArchiveEntry(w[1], TarConstants.LF_LINK, true);
                    default -> new TarArchiveEntry(w[1], true);
                };
                if (w[0].equals("l") || w[0].equals("h")) {
                    t.setLinkName(w[2]);
                } else if (w[0].equals("f")) {
                    body = w[2].getBytes(StandardCharsets.UTF_8);
                    t.setSize(body.length);
                }
                t.setMode(w[0].equals("d") ? 040750 : 0100640);
                t.setIds(1, 2);
                t.setModTime(5000L);
                tar.putArchiveEntry(t);
                tar.write(body);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] sample() throws IOException {
        return tar("d dir", "f dir/f.txt data", "l link dir/f.txt", "h hard dir/f.txt");
    }

    private static byte[] compress(byte[] raw, String kind) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream c = switch (kind) {
            case "gz" -> new GzipCompressorOutputStream(out);
            case "bz2" -> new BZip2CompressorOutputStream(out);
            case "xz" -> new XZCompressorOutputStream(out);
            case "zst" -> new ZstdCompressorOutputStream(out);
            default -> out;
        }) {
            c.write(raw);
        }
        return out.toByteArray();
    }

    /** An ADD of one context file named {@code name} holding {@code bytes}. */
    private CopyRequest add(String name, byte[] bytes, String dest) throws IOException {
        Path file = Files.write(tmp.resolve("ctx-" + name), bytes);
        FileTree ctx = FileTree.empty().apply(List.of(
                FileEntry.file(name, 0644, 0, 0, 1, Content.ofFile(file, bytes.length))));
        Path scratch = Files.createDirectories(tmp.resolve("scratch"));
        return CopyRequest.of(List.of(name), dest, ctx, FileTree.empty()).asAdd(scratch);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tar", "gz", "bz2", "xz", "zst"})
    void extractsTarWhateverTheCompression(String kind) throws Exception {
        assertEquals(EXTRACTED, render(CopyPlanner.plan(add("pkg.bin", compress(sample(), kind), "/opt/"))));
    }

    @Test
    void extractsIntoTheDestinationEvenWithoutASlash() throws Exception {
        assertEquals(EXTRACTED, render(CopyPlanner.plan(add("pkg.tar", sample(), "/opt"))));
    }

    @Test
    void extractedEntriesKeepTheArchiveMtimeAndTakeTheChown() throws Exception {
        List<FileEntry> out = CopyPlanner.plan(add("pkg.tar", sample(), "/opt").withChown(new Owner(9, 9)));
        out.stream().filter(e -> e.path().startsWith("opt/")).forEach(e -> {
            assertEquals(5, e.mtime());
            assertEquals(9, e.uid());
        });
    }

    @Test
    void copyDoesNotExtract() throws Exception {
        byte[] raw = compress(sample(), "gz");
        CopyRequest copy = add("pkg.tar.gz", raw, "/opt/");
        copy = new CopyRequest(copy.sources(), copy.destination(), "/", copy.source(), true, copy.dest(),
                copy.chown(), copy.chmod(), false, false, List.of(), false, 0, null);
        List<FileEntry> out = CopyPlanner.plan(copy);
        assertEquals(List.of("d opt", "f opt/pkg.tar.gz"), out.stream().map(e -> e.type().name().substring(0, 1)
                .toLowerCase() + " " + e.path()).sorted().toList());
    }

    @Test
    void notAnArchiveDespiteItsNameIsCopied() throws Exception {
        assertEquals(List.of("d opt 0755 0:0", "f opt/fake.tar.gz 0644 0:0 just text"),
                render(CopyPlanner.plan(add("fake.tar.gz", "just text".getBytes(StandardCharsets.UTF_8), "/opt/"))));
        byte[] gzText = compress(new byte[2048], "gz");
        assertEquals(2, CopyPlanner.plan(add("zeros.gz", gzText, "/opt/")).size());
    }

    @Test
    void absoluteNamesAreMadeRelative() throws Exception {
        assertEquals(List.of("d opt 0755 0:0", "d opt/etc 0755 0:0", "f opt/etc/x 0640 1:2 evil"),
                render(CopyPlanner.plan(add("a.tar", tar("f /etc/x evil"), "/opt/"))));
    }

    @Test
    void escapesAreRejected() throws Exception {
        assertEquals("archive entry \"../evil\" would be extracted outside the destination",
                assertThrows(CopyException.class,
                        () -> CopyPlanner.plan(add("a.tar", tar("f ../evil x"), "/opt/"))).getMessage());
        assertEquals("archive entry \"hard\" is a hard link to \"/etc/shadow\", which is not an earlier file of the archive",
                assertThrows(CopyException.class,
                        () -> CopyPlanner.plan(add("a.tar", tar("h hard /etc/shadow"), "/opt/"))).getMessage());
        assertEquals("archive entry \"l/passwd\" would be extracted through the symlink \"l\"",
                assertThrows(CopyException.class,
                        () -> CopyPlanner.plan(add("a.tar", tar("l l /etc", "f l/passwd x"), "/opt/"))).getMessage());
    }

    @Test
    void archiveOntoAFileIsAnError() throws Exception {
        CopyRequest r = add("a.tar", sample(), "/opt");
        CopyRequest onFile = new CopyRequest(r.sources(), "/opt", "/", r.source(), true,
                TreeSpec.tree("f opt x"), r.chown(), r.chmod(), false, false, List.of(), true, 0, r.scratchDir());
        assertEquals("cannot extract \"a.tar\" into /opt, which is not a directory",
                assertThrows(CopyException.class, () -> CopyPlanner.plan(onFile)).getMessage());
    }

    @Test
    void stageFilesAreNeverExtracted() throws Exception {
        CopyRequest r = add("a.tar", sample(), "/opt/");
        assertEquals(2, CopyPlanner.plan(r.fromStage(r.source())).size());
    }
}
