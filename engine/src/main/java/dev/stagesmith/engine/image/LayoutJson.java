package dev.stagesmith.engine.image;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.stagesmith.engine.oci.CanonicalJson;
import dev.stagesmith.engine.oci.Descriptor;
import dev.stagesmith.engine.oci.MediaTypes;
import java.util.Map;
import java.util.TreeMap;

/** The small JSON files of an OCI layout and a docker-save archive, shared by the writers and the reader. */
final class LayoutJson {

    static final String OCI_LAYOUT = "oci-layout";
    static final String INDEX = "index.json";
    static final String DOCKER_MANIFEST = "manifest.json";
    static final String LAYOUT_VERSION = "1.0.0";
    /** The tag that {@code skopeo oci:DIR:tag} and {@code umoci --image DIR:tag} look up. */
    static final String REF_NAME = "org.opencontainers.image.ref.name";
    /** The full name containerd and Docker ≥25 read back. */
    static final String IMAGE_NAME = "io.containerd.image.name";

    private LayoutJson() {}

    static byte[] ociLayout() {
        JsonObject o = new JsonObject();
        o.addProperty("imageLayoutVersion", LAYOUT_VERSION);
        return CanonicalJson.bytes(o);
    }

    static JsonObject emptyIndex() {
        JsonObject index = new JsonObject();
        index.addProperty("schemaVersion", 2);
        index.addProperty("mediaType", MediaTypes.OCI_INDEX);
        index.add("manifests", new JsonArray());
        return index;
    }

    /** The index entry naming an image: its manifest descriptor with the ref and image name annotations. */
    static JsonObject indexEntry(BuiltImage image, String refName, String imageName) {
        Map<String, String> ann = new TreeMap<>(image.manifest().annotations());
        ann.put(REF_NAME, refName);
        ann.put(IMAGE_NAME, imageName);
        Descriptor d = image.manifest();
        return new Descriptor(d.mediaType(), d.digest(), d.size(), ann).toJson();
    }

    /**
     * A copy of {@code index} whose manifests keep every entry except those tagged {@code refName}, followed by
     * {@code entry}: re-writing a tag replaces it, other tags survive.
     */
    static JsonObject withEntry(JsonObject index, String refName, JsonObject entry) {
        JsonObject out = index.deepCopy();
        JsonArray kept = new JsonArray();
        if (index.has("manifests") && index.get("manifests").isJsonArray()) {
            for (JsonElement m : index.getAsJsonArray("manifests")) {
                if (!refName.equals(refName(m))) {
                    kept.add(m);
                }
            }
        }
        kept.add(entry);
        out.add("manifests", kept);
        return out;
    }

    /** The ref.name annotation of an index entry, or null. */
    static String refName(JsonElement entry) {
        if (!entry.isJsonObject()) {
            return null;
        }
        JsonElement ann = entry.getAsJsonObject().get("annotations");
        if (ann == null || !ann.isJsonObject()) {
            return null;
        }
        JsonElement ref = ann.getAsJsonObject().get(REF_NAME);
        return ref != null && ref.isJsonPrimitive() ? ref.getAsString() : null;
    }

    static String blobPath(Descriptor d) {
        return "blobs/sha256/" + d.digest().hex();
    }

    /** docker-save's manifest.json: one item, paths inside the archive, and a name:tag docker load accepts. */
    static byte[] dockerManifest(BuiltImage image, String repoTag) {
        JsonObject item = new JsonObject();
        item.addProperty("Config", blobPath(image.config()));
        JsonArray tags = new JsonArray();
        tags.add(repoTag);
        item.add("RepoTags", tags);
        JsonArray layers = new JsonArray();
        image.layers().forEach(l -> layers.add(blobPath(l.descriptor())));
        item.add("Layers", layers);
        JsonArray all = new JsonArray();
        all.add(item);
        return CanonicalJson.bytes(all);
    }
}
