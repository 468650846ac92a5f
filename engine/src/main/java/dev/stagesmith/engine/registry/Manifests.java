package dev.stagesmith.engine.registry;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.stagesmith.engine.oci.CanonicalJson;
import dev.stagesmith.engine.oci.Descriptor;
import dev.stagesmith.engine.oci.MediaTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads manifests and indexes defensively: a registry's bytes are checked before anything trusts them. */
final class Manifests {

    /** An image manifest's references. */
    record ImageManifest(Descriptor config, List<Descriptor> layers) {}

    static final String ACCEPT = String.join(", ", MediaTypes.OCI_INDEX, MediaTypes.DOCKER_MANIFEST_LIST,
            MediaTypes.OCI_MANIFEST, MediaTypes.DOCKER_MANIFEST);

    private Manifests() {}

    static JsonObject parse(byte[] bytes, String what) throws RegistryException {
        try {
            return CanonicalJson.parseObject(bytes, "manifest of " + what);
        } catch (IllegalArgumentException e) {
            throw new RegistryException(e.getMessage());
        }
    }

    /**
     * The media type: the body's {@code mediaType}, else a known Content-Type, else guessed from the shape
     * ({@code manifests[]} is an index, {@code config} a manifest), as Jib does for old OCI manifests.
     */
    static String mediaType(JsonObject body, Optional<String> contentType, String what) throws RegistryException {
        if (body.has("schemaVersion") && body.get("schemaVersion").isJsonPrimitive()
                && body.get("schemaVersion").getAsInt() == 1) {
            throw new RegistryException("image " + what + " has a schema 1 manifest, which is not supported;"
                    + " push it again with a current Docker or use another tag");
        }
        String declared = body.has("mediaType") && body.get("mediaType").isJsonPrimitive()
                ? body.get("mediaType").getAsString() : "";
        if (MediaTypes.isIndex(declared) || MediaTypes.isManifest(declared)) {
            return declared;
        }
        String type = contentType.map(t -> t.split(";", 2)[0].trim()).orElse("");
        if (declared.isEmpty() && (MediaTypes.isIndex(type) || MediaTypes.isManifest(type))) {
            return type;
        }
        if (declared.isEmpty() && body.has("manifests")) {
            return MediaTypes.OCI_INDEX;
        }
        if (declared.isEmpty() && body.has("config")) {
            return MediaTypes.OCI_MANIFEST;
        }
        throw new RegistryException("image " + what + " has a manifest of unsupported type '"
                + (declared.isEmpty() ? type : declared) + "'");
    }

    static ImageManifest image(JsonObject body, String what) throws RegistryException {
        JsonElement config = body.get("config");
        if (config == null || !config.isJsonObject()) {
            throw new RegistryException("manifest of " + what + " has no config descriptor");
        }
        Descriptor c = descriptor(config.getAsJsonObject(), what, "config");
        JsonElement layers = body.get("layers");
        if (layers == null || !layers.isJsonArray()) {
            throw new RegistryException("manifest of " + what + " has no layers array");
        }
        List<Descriptor> out = new ArrayList<>();
        int i = 0;
        for (JsonElement l : (JsonArray) layers) {
            if (!l.isJsonObject()) {
                throw new RegistryException("manifest of " + what + ": layer " + i + " is not an object");
            }
            out.add(descriptor(l.getAsJsonObject(), what, "layer " + i));
            i++;
        }
        return new ImageManifest(c, out);
    }

    private static Descriptor descriptor(JsonObject o, String what, String role) throws RegistryException {
        try {
            Descriptor d = Descriptor.fromJson(o);
            if (d.mediaType().isEmpty()) {
                throw new IllegalArgumentException("no mediaType");
            }
            return d;
        } catch (RuntimeException e) {
            throw new RegistryException("manifest of " + what + " has a malformed " + role + " descriptor ("
                    + e.getMessage() + ")", e);
        }
    }
}
