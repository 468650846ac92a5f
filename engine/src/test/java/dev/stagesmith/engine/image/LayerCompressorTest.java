package dev.stagesmith.engine.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stagesmith.engine.fs.FileEntry;
import dev.stagesmith.engine.oci.Descriptor;
import dev.stagesmith.engine.oci.Digest;
import dev.stagesmith.engine.oci.MediaTypes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerCompressorTest {

    @TempDir
    Path dir;

    private Path tar() throws IOException {
        return TestImages.tar(dir, "l", List.of(
                FileEntry.dir("app", 0755, 0, 0, 0),
                FileEntry.file("app/a.txt", 0644, 0, 0, 0, TestImages.text("hello\n".repeat(1000))))).blob().file();
    }

    private static byte[] gzip(Path tar) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Descriptor d = LayerCompressor.gzip(tar, out);
        byte[] bytes = out.toByteArray();
        assertEquals(Digest.of(bytes), d.digest(), "the digest is of the compressed bytes");
        assertEquals(bytes.length, d.size());
        assertEquals(MediaTypes.OCI_LAYER_GZIP, d.mediaType());
        return bytes;
    }

    @Test
    void headerHasNoTimeNoNameAndAFixedOsByte() throws IOException {
        byte[] gz = gzip(tar());
        // ID1 ID2, CM=deflate, FLG=0 (no FNAME), MTIME=0, XFL=0 (level 6), OS=255 (unknown), on every JDK.
        assertEquals("1f8b08000000000000ff", HexFormat.of().formatHex(Arrays.copyOf(gz, 10)));
    }

    @Test
    void sameTarGivesSameBytes() throws IOException {
        Path tar = tar();
        assertArrayEquals(gzip(tar), gzip(tar));
    }

    @Test
    void decompressesToTheTar() throws IOException {
        Path tar = tar();
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gzip(tar)))) {
            assertArrayEquals(Files.readAllBytes(tar), in.readAllBytes());
        }
    }

    @Test
    void leavesTheCallersStreamOpen() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                throw new AssertionError("closed the caller's stream");
            }
        };
        LayerCompressor.gzip(tar(), out);
        out.write(1);
    }
}
