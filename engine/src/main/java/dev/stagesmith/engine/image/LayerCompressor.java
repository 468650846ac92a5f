package dev.stagesmith.engine.image;

import dev.stagesmith.engine.oci.Descriptor;
import dev.stagesmith.engine.oci.DigestingOutputStream;
import dev.stagesmith.engine.oci.MediaTypes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/**
 * Gzips layer tars so that the same tar gives the same blob on every JDK: the JDK's own GZIPOutputStream
 * changed its OS byte between releases (0 up to JDK 15, 255 since), which changes the layer digest.
 */
public final class LayerCompressor {

    /**
     * zlib's default level, the one Docker, BuildKit and Jib use: registry sizes match what users see from
     * other builders, the header's XFL byte is 0, and the cost is paid once because blobs are cached by diff ID.
     * Level 1 would be roughly twice as fast but gives noticeably larger pushes.
     */
    static final int LEVEL = 6;

    private LayerCompressor() {}

    /** Compresses a tar into {@code out} (left open) and describes the compressed bytes as a gzip layer. */
    public static Descriptor gzip(Path uncompressedTar, OutputStream out) throws IOException {
        GzipParameters p = new GzipParameters();
        p.setCompressionLevel(LEVEL);
        p.setModificationTime(0);
        p.setOS(GzipParameters.OS.UNKNOWN);
        DigestingOutputStream counted = new DigestingOutputStream(out);
        try (InputStream in = Files.newInputStream(uncompressedTar);
             GzipCompressorOutputStream gz = new GzipCompressorOutputStream(counted, p)) {
            in.transferTo(gz);
        }
        return new Descriptor(MediaTypes.OCI_LAYER_GZIP, counted.digest(), counted.count());
    }
}
