package dev.stagesmith.engine.image;

import dev.stagesmith.engine.oci.Descriptor;
import dev.stagesmith.engine.oci.MediaTypes;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A layer as stored: its descriptor (media type, digest and size of the blob bytes, compressed or not) and the
 * file holding those bytes. The diff ID lives in the image config, not here.
 */
public record LayerBlob(Descriptor descriptor, Path file) {

    public LayerBlob {
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(file, "file");
        MediaTypes.Compression c = MediaTypes.layerCompression(descriptor.mediaType());
        // Only what every consumer must accept: umoci refuses zstd, and an unknown type cannot be unpacked.
        if (c != MediaTypes.Compression.NONE && c != MediaTypes.Compression.GZIP) {
            throw new IllegalArgumentException("layer media type must be an uncompressed or gzip tar, not "
                    + descriptor.mediaType());
        }
    }
}
