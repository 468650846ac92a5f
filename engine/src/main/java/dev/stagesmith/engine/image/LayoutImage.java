package dev.stagesmith.engine.image;

import dev.stagesmith.engine.oci.Descriptor;
import dev.stagesmith.engine.oci.Digest;
import dev.stagesmith.engine.oci.MediaTypes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * An image (or an index of images) found in an OCI layout. Its manifest and config bytes were checked against
 * their digests when read; layer blobs are only located here, and the caller verifies them as it streams them.
 *
 * @param descriptor the entry that led here: the index.json entry, or an index's child
 * @param config the config descriptor; empty for an index
 * @param configBytes the config; empty for an index
 * @param layers layer descriptors, base first; empty for an index
 * @param manifests an index's children; empty for a manifest
 */
public record LayoutImage(Path dir, Descriptor descriptor, byte[] manifestBytes, Optional<Descriptor> config,
                          byte[] configBytes, List<Descriptor> layers, List<Descriptor> manifests) {

    public LayoutImage {
        manifestBytes = manifestBytes.clone();
        configBytes = configBytes.clone();
        layers = List.copyOf(layers);
        manifests = List.copyOf(manifests);
    }

    public String mediaType() {
        return descriptor.mediaType();
    }

    /** Whether this is an index: pick a child from {@link #manifests()} and {@link #select} it. */
    public boolean isIndex() {
        return MediaTypes.isIndex(descriptor.mediaType());
    }

    @Override
    public byte[] manifestBytes() {
        return manifestBytes.clone();
    }

    @Override
    public byte[] configBytes() {
        return configBytes.clone();
    }

    /** Reads one of this index's children (digest-checked like the index itself). */
    public LayoutImage select(Descriptor child) throws IOException {
        if (!manifests.contains(child)) {
            throw new IllegalArgumentException(child.digest() + " is not listed in index " + descriptor.digest());
        }
        return OciLayoutReader.readAt(dir, child);
    }

    /** The file holding a blob of this layout; a missing blob is a {@link NoSuchFileException} naming it. */
    public Path blob(Digest digest) throws IOException {
        return blob(dir, digest);
    }

    static Path blob(Path dir, Digest digest) throws IOException {
        Path p = dir.resolve("blobs").resolve("sha256").resolve(digest.hex());
        if (!Files.isRegularFile(p)) {
            throw new NoSuchFileException(p.toString(), null, "OCI layout " + dir + " has no blob " + digest
                    + "; the layout is incomplete (was it copied partly?)");
        }
        return p;
    }
}
