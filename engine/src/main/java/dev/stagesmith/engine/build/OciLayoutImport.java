package dev.stagesmith.engine.build;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.stagesmith.engine.image.LayoutImage;
import dev.stagesmith.engine.image.OciLayoutReader;
import dev.stagesmith.engine.oci.CanonicalJson;
import dev.stagesmith.engine.oci.Descriptor;
import dev.stagesmith.engine.oci.Digest;
import dev.stagesmith.engine.registry.PlatformSelector;
import dev.stagesmith.engine.registry.RegistryException;
import dev.stagesmith.engine.store.BlobStore;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;

/**
 * {@code --build-context NAME=oci-layout://DIR[:TAG]}: an image from a local OCI layout, offline. Layers are
 * checked twice on the way into the cache: the blob against its descriptor, the unpacked tar against the
 * config's diff ID.
 */
final class OciLayoutImport {

    private OciLayoutImport() {}

    static ImageState read(BuildSession session, String spec) throws StepFailure, IOException {
        String dirText = spec;
        Optional<String> tag = Optional.empty();
        int colon = spec.lastIndexOf(':');
        if (colon > 0 && spec.indexOf('/', colon) < 0) {
            dirText = spec.substring(0, colon);
            tag = Optional.of(spec.substring(colon + 1));
        }
        Path dir = Path.of(dirText).toAbsolutePath();
        LayoutImage img = OciLayoutReader.read(dir, tag);
        if (img.isIndex()) {
            JsonObject index = CanonicalJson.parseObject(img.manifestBytes(), "the index in " + dir);
            try {
                Descriptor child = PlatformSelector.select(index, session.request().platform(), "oci-layout://" + spec);
                img = img.select(child);
            } catch (RegistryException e) {
                throw new StepFailure(e.getMessage());
            }
        }
        BlobStore blobs = session.cache().blobs();
        byte[] config = img.configBytes();
        Digest configDigest = blobs.put(config);
        List<Digest> diffIds = new ArrayList<>();
        JsonObject cfg = CanonicalJson.parseObject(config, "the config in " + dir);
        for (JsonElement e : cfg.getAsJsonObject("rootfs").getAsJsonArray("diff_ids")) {
            diffIds.add(Digest.parse(e.getAsString()));
        }
        if (diffIds.size() != img.layers().size()) {
            throw new StepFailure("the image in " + dir + " has " + img.layers().size() + " layers but its config lists "
                    + diffIds.size() + " diff IDs");
        }
        for (int i = 0; i < diffIds.size(); i++) {
            importLayer(blobs, img, img.layers().get(i), diffIds.get(i), dir);
        }
        return session.images().state(config, configDigest, diffIds);
    }

    private static void importLayer(BlobStore blobs, LayoutImage img, Descriptor layer, Digest diffId, Path dir)
            throws IOException, StepFailure {
        if (blobs.has(diffId)) {
            return;
        }
        MessageDigest md = Digest.sha256();
        try (InputStream raw = new DigestInputStream(new BufferedInputStream(Files.newInputStream(img.blob(layer.digest()))), md);
             InputStream tar = open(layer.mediaType(), raw)) {
            blobs.put(tar, Optional.of(diffId));
            raw.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (BlobStore.DigestMismatchException e) {
            throw new StepFailure("a layer in " + dir + " does not unpack to its diff ID " + diffId + "; the layout is damaged");
        }
        if (!Digest.of(md).equals(layer.digest())) {
            throw new StepFailure("blob " + layer.digest() + " in " + dir + " does not match its digest; the layout is damaged");
        }
    }

    private static InputStream open(String mediaType, InputStream raw) throws IOException {
        return switch (dev.stagesmith.engine.oci.MediaTypes.layerCompression(mediaType)) {
            case GZIP -> new GZIPInputStream(raw, 64 * 1024);
            case ZSTD -> new ZstdCompressorInputStream(raw);
            default -> raw;
        };
    }
}
