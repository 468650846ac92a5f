package dev.stagesmith.engine.registry;

import dev.stagesmith.engine.oci.Descriptor;
import dev.stagesmith.engine.oci.Digest;
import java.util.List;

/**
 * An image manifest for one platform with its config, digests verified.
 *
 * @param manifestDigest the digest of the platform manifest (not of the index it was chosen from)
 */
public record ResolvedImage(ImageReference ref, Digest manifestDigest, String manifestMediaType, byte[] manifestBytes,
                            Descriptor config, byte[] configBytes, List<Descriptor> layers) {

    public ResolvedImage {
        layers = List.copyOf(layers);
    }
}
