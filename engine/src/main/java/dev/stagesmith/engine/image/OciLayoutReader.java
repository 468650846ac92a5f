package dev.stagesmith.engine.image;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.stagesmith.engine.oci.CanonicalJson;
import dev.stagesmith.engine.oci.Descriptor;
import dev.stagesmith.engine.oci.Digest;
import dev.stagesmith.engine.oci.MediaTypes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads an image out of an OCI image layout directory, as {@code --build-context NAME=oci-layout://DIR[:tag]}
 * needs. Every manifest, index and config read is checked against its digest, so a damaged layout fails here
 * with the blob named rather than later as a puzzling build result.
 */
public final class OciLayoutReader {

    /** Manifests and configs are small; a huge one is damage or abuse, not something to load into memory. */
    private static final long MAX_JSON_BLOB = 8L << 20;

    private OciLayoutReader() {}

    /**
     * Finds the index.json entry tagged {@code tag} (its {@code org.opencontainers.image.ref.name}), or the only
     * entry when no tag is given. An entry that is an index is returned as such, for the caller to pick a platform.
     */
    public static LayoutImage read(Path dir, Optional<String> tag) throws IOException {
        if (!Files.isRegularFile(dir.resolve(LayoutJson.OCI_LAYOUT))) {
            throw new IOException(dir + " is not an OCI image layout (no " + LayoutJson.OCI_LAYOUT + " file)");
        }
        Path indexFile = dir.resolve(LayoutJson.INDEX);
        if (!Files.isRegularFile(indexFile)) {
            throw new IOException("OCI layout " + dir + " has no " + LayoutJson.INDEX);
        }
        JsonObject index = parse(Files.readAllBytes(indexFile), indexFile.toString());
        return readAt(dir, pick(dir, descriptors(index, "manifests", indexFile.toString()), tag));
    }

    private static Descriptor pick(Path dir, List<Descriptor> entries, Optional<String> tag) throws IOException {
        List<String> tags = new ArrayList<>();
        for (Descriptor d : entries) {
            String ref = d.annotations().get(LayoutJson.REF_NAME);
            if (ref != null) {
                tags.add(ref);
            }
            if (tag.isPresent() && tag.get().equals(ref)) {
                return d;
            }
        }
        if (tag.isEmpty() && entries.size() == 1) {
            return entries.get(0);
        }
        if (entries.isEmpty()) {
            throw new IOException("OCI layout " + dir + " has no images (index.json lists none)");
        }
        String what = tag.map(t -> "has no image tagged '" + t + "'")
                .orElse("has " + entries.size() + " images; name one with DIR:tag");
        throw new IOException("OCI layout " + dir + " " + what + "; its tags are " + tags);
    }

    /** Reads the manifest or index a descriptor points at, and for a manifest its config. */
    static LayoutImage readAt(Path dir, Descriptor d) throws IOException {
        byte[] bytes = readVerified(dir, d);
        JsonObject json = parse(bytes, "blob " + d.digest());
        String mediaType = d.mediaType().isEmpty() && json.has("mediaType")
                ? json.get("mediaType").getAsString() : d.mediaType();
        Descriptor described = new Descriptor(mediaType, d.digest(), d.size(), d.annotations());
        if (MediaTypes.isIndex(mediaType)) {
            return new LayoutImage(dir, described, bytes, Optional.empty(), new byte[0], List.of(),
                    descriptors(json, "manifests", "index " + d.digest()));
        }
        if (!MediaTypes.isManifest(mediaType)) {
            throw new IOException("OCI layout " + dir + ": " + d.digest() + " has media type '" + mediaType
                    + "', which is neither an image manifest nor an index");
        }
        if (!json.has("config") || !json.get("config").isJsonObject()) {
            throw new IOException("manifest " + d.digest() + " in " + dir + " has no config descriptor");
        }
        Descriptor config = descriptor(json.getAsJsonObject("config"), "manifest " + d.digest());
        byte[] configBytes = readVerified(dir, config);
        List<Descriptor> layers = descriptors(json, "layers", "manifest " + d.digest());
        LayoutImage image = new LayoutImage(dir, described, bytes, Optional.of(config), configBytes, layers, List.of());
        for (Descriptor layer : layers) {
            // Cheap and catches a truncated copy; the content itself is hashed by whoever streams it.
            long size = Files.size(image.blob(layer.digest()));
            if (size != layer.size()) {
                throw new IOException("OCI layout " + dir + ": layer " + layer.digest() + " has " + size
                        + " bytes but the manifest says " + layer.size());
            }
        }
        return image;
    }

    private static byte[] readVerified(Path dir, Descriptor d) throws IOException {
        if (d.size() > MAX_JSON_BLOB) {
            throw new IOException("OCI layout " + dir + ": " + d.digest() + " claims " + d.size()
                    + " bytes, too large for a manifest or config");
        }
        Path file = LayoutImage.blob(dir, d.digest());
        if (Files.size(file) > MAX_JSON_BLOB) {
            throw new IOException(file + " is too large for a manifest or config");
        }
        byte[] bytes = Files.readAllBytes(file);
        Digest actual = Digest.of(bytes);
        if (!actual.equals(d.digest()) || bytes.length != d.size()) {
            throw new IOException("OCI layout " + dir + ": blob " + d.digest() + " does not match its name (it hashes"
                    + " to " + actual + ", " + bytes.length + " bytes, expected " + d.size() + "); the layout is damaged");
        }
        return bytes;
    }

    private static List<Descriptor> descriptors(JsonObject json, String field, String where) throws IOException {
        JsonElement list = json.get(field);
        if (list == null || !list.isJsonArray()) {
            throw new IOException(where + " has no '" + field + "' array");
        }
        List<Descriptor> out = new ArrayList<>();
        for (JsonElement e : (JsonArray) list) {
            if (!e.isJsonObject()) {
                throw new IOException(where + " has a '" + field + "' entry that is not an object: " + e);
            }
            out.add(descriptor(e.getAsJsonObject(), where));
        }
        return out;
    }

    private static Descriptor descriptor(JsonObject o, String where) throws IOException {
        try {
            return Descriptor.fromJson(o);
        } catch (RuntimeException e) {
            throw new IOException(where + " has a malformed descriptor: " + e.getMessage(), e);
        }
    }

    private static JsonObject parse(byte[] bytes, String what) throws IOException {
        try {
            return CanonicalJson.parseObject(bytes, what);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
