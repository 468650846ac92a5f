package dev.stagesmith.engine.registry;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.stagesmith.engine.oci.CanonicalJson;
import dev.stagesmith.engine.oci.Descriptor;
import dev.stagesmith.engine.oci.Digest;
import dev.stagesmith.engine.oci.MediaTypes;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Small manifests for tests; the blobs are whatever bytes the test wants. */
final class TestImages {

    private TestImages() {}

    static Descriptor describe(String mediaType, byte[] bytes) {
        return new Descriptor(mediaType, Digest.of(bytes), bytes.length);
    }

    static byte[] manifest(Descriptor config, List<Descriptor> layers) {
        JsonObject m = new JsonObject();
        m.addProperty("schemaVersion", 2);
        m.addProperty("mediaType", MediaTypes.OCI_MANIFEST);
        m.add("config", config.toJson());
        JsonArray ls = new JsonArray();
        layers.forEach(l -> ls.add(l.toJson()));
        m.add("layers", ls);
        return CanonicalJson.bytes(m);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
