package dev.stagesmith.engine.registry;

import dev.stagesmith.engine.oci.Descriptor;
import dev.stagesmith.engine.oci.Digest;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * What to push: the manifest exactly as its digest was computed, and the blobs it references.
 *
 * @param blobs config and layers, uploaded in this order unless the registry already has them
 * @param blobFile where the bytes of each blob are
 */
public record PushRequest(byte[] manifestBytes, String manifestMediaType, List<Descriptor> blobs,
                          Function<Digest, Path> blobFile) {

    public PushRequest {
        blobs = List.copyOf(blobs);
    }
}
