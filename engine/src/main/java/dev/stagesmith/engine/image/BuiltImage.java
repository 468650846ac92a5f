package dev.stagesmith.engine.image;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.stagesmith.engine.oci.CanonicalJson;
import dev.stagesmith.engine.oci.Descriptor;
import dev.stagesmith.engine.oci.Digest;
import dev.stagesmith.engine.oci.MediaTypes;
import java.util.List;
import java.util.Objects;

/**
 * A finished single-platform image: the exact manifest and config bytes its digests were computed over, and
 * its layer blobs (base first). Writers copy these bytes as they are; nothing is re-serialized.
 */
public record BuiltImage(Descriptor manifest, byte[] manifestBytes, Descriptor config, byte[] configBytes,
                         List<LayerBlob> layers) {

    public BuiltImage {
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(config, "config");
        manifestBytes = manifestBytes.clone();
        configBytes = configBytes.clone();
        layers = List.copyOf(layers);
        if (!Digest.of(manifestBytes).equals(manifest.digest()) || manifest.size() != manifestBytes.length) {
            throw new IllegalArgumentException("manifest descriptor does not describe the manifest bytes");
        }
        if (!Digest.of(configBytes).equals(config.digest()) || config.size() != configBytes.length) {
            throw new IllegalArgumentException("config descriptor does not describe the config bytes");
        }
    }

    @Override
    public byte[] manifestBytes() {
        return manifestBytes.clone();
    }

    @Override
    public byte[] configBytes() {
        return configBytes.clone();
    }

    /**
     * Writes the OCI manifest for a config and its layers. The config must list one diff_id per layer and, when
     * it has a history, one non-empty history entry per layer; otherwise {@link IllegalArgumentException}.
     */
    public static BuiltImage assemble(byte[] configBytes, List<LayerBlob> layers) {
        ConfigCheck.check(configBytes, layers.size());
        Descriptor config = new Descriptor(MediaTypes.OCI_CONFIG, Digest.of(configBytes), configBytes.length);
        JsonObject m = new JsonObject();
        m.addProperty("schemaVersion", 2);
        m.addProperty("mediaType", MediaTypes.OCI_MANIFEST);
        m.add("config", config.toJson());
        JsonArray ls = new JsonArray();
        layers.forEach(l -> ls.add(l.descriptor().toJson()));
        m.add("layers", ls);
        byte[] manifestBytes = CanonicalJson.bytes(m);
        Descriptor manifest = new Descriptor(MediaTypes.OCI_MANIFEST, Digest.of(manifestBytes), manifestBytes.length);
        return new BuiltImage(manifest, manifestBytes, config, configBytes, layers);
    }
}
