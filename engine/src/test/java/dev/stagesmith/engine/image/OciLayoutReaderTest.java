package dev.stagesmith.engine.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.stagesmith.engine.oci.CanonicalJson;
import dev.stagesmith.engine.oci.Descriptor;
import dev.stagesmith.engine.oci.Digest;
import dev.stagesmith.engine.oci.MediaTypes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OciLayoutReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsBackWhatTheWriterWrote() throws IOException {
        Path out = dir.resolve("out");
        BuiltImage a = TestImages.small(dir, "a\n");
        BuiltImage b = TestImages.small(dir, "b\n");
        OciLayoutWriter.write(out, a, "a", "app:a");
        OciLayoutWriter.write(out, b, "b", "app:b");
        LayoutImage read = OciLayoutReader.read(out, Optional.of("b"));
        assertFalse(read.isIndex());
        assertEquals(MediaTypes.OCI_MANIFEST, read.mediaType());
        assertEquals(b.manifest().digest(), read.descriptor().digest());
        assertArrayEquals(b.manifestBytes(), read.manifestBytes());
        assertArrayEquals(b.configBytes(), read.configBytes());
        assertEquals(Optional.of(b.config()), read.config());
        assertEquals(List.of(b.layers().get(0).descriptor()), read.layers());
        assertArrayEquals(Files.readAllBytes(b.layers().get(0).file()),
                Files.readAllBytes(read.blob(read.layers().get(0).digest())));
    }

    @Test
    void withoutATagTheOnlyImageIsRead() throws IOException {
        Path out = dir.resolve("out");
        BuiltImage a = TestImages.small(dir, "a\n");
        OciLayoutWriter.write(out, a, "a", "app:a");
        assertEquals(a.manifest().digest(), OciLayoutReader.read(out, Optional.empty()).descriptor().digest());
    }

    @Test
    void anAmbiguousOrUnknownTagListsTheTags() throws IOException {
        Path out = dir.resolve("out");
        OciLayoutWriter.write(out, TestImages.small(dir, "a\n"), "a", "app:a");
        OciLayoutWriter.write(out, TestImages.small(dir, "b\n"), "b", "app:b");
        IOException none = assertThrows(IOException.class, () -> OciLayoutReader.read(out, Optional.empty()));
        assertTrue(none.getMessage().contains("has 2 images") && none.getMessage().contains("[a, b]"),
                none.getMessage());
        IOException unknown = assertThrows(IOException.class, () -> OciLayoutReader.read(out, Optional.of("c")));
        assertTrue(unknown.getMessage().contains("no image tagged 'c'") && unknown.getMessage().contains("[a, b]"),
                unknown.getMessage());
    }

    @Test
    void aConfigThatDoesNotMatchItsDigestIsAnError() throws IOException {
        Path out = dir.resolve("out");
        BuiltImage a = TestImages.small(dir, "a\n");
        OciLayoutWriter.write(out, a, "a", "app:a");
        Path config = out.resolve("blobs/sha256/" + a.config().digest().hex());
        byte[] bytes = Files.readAllBytes(config);
        bytes[bytes.length - 2] ^= 1;
        Files.write(config, bytes);
        IOException e = assertThrows(IOException.class, () -> OciLayoutReader.read(out, Optional.of("a")));
        assertTrue(e.getMessage().contains("blob " + a.config().digest() + " does not match its name"),
                e.getMessage());
    }

    @Test
    void aManifestThatDoesNotMatchItsDigestIsAnError() throws IOException {
        Path out = dir.resolve("out");
        BuiltImage a = TestImages.small(dir, "a\n");
        OciLayoutWriter.write(out, a, "a", "app:a");
        Path manifest = out.resolve("blobs/sha256/" + a.manifest().digest().hex());
        Files.writeString(manifest, new String(a.manifestBytes(), java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"schemaVersion\":2", "\"schemaVersion\":3"));
        IOException e = assertThrows(IOException.class, () -> OciLayoutReader.read(out, Optional.of("a")));
        assertTrue(e.getMessage().contains(a.manifest().digest() + " does not match"), e.getMessage());
    }

    @Test
    void aMissingLayerBlobIsNamed() throws IOException {
        Path out = dir.resolve("out");
        BuiltImage a = TestImages.small(dir, "a\n");
        OciLayoutWriter.write(out, a, "a", "app:a");
        Digest layer = a.layers().get(0).descriptor().digest();
        Files.delete(out.resolve("blobs/sha256/" + layer.hex()));
        NoSuchFileException e = assertThrows(NoSuchFileException.class,
                () -> OciLayoutReader.read(out, Optional.of("a")));
        assertTrue(e.getMessage().contains("has no blob " + layer), e.getMessage());
    }

    @Test
    void aDirectoryWithoutOciLayoutIsRefused() throws IOException {
        IOException e = assertThrows(IOException.class, () -> OciLayoutReader.read(dir, Optional.empty()));
        assertTrue(e.getMessage().contains("not an OCI image layout"), e.getMessage());
    }

    /** A multi-platform entry comes back as an index; the caller selects a child, which is read and checked. */
    @Test
    void anIndexEntryIsReturnedForTheCallerToPickAPlatform() throws IOException {
        Path out = dir.resolve("out");
        BuiltImage a = TestImages.small(dir, "a\n");
        OciLayoutWriter.write(out, a, "tmp", "app:tmp");
        JsonObject platform = new JsonObject();
        platform.addProperty("architecture", "amd64");
        platform.addProperty("os", "linux");
        JsonObject child = a.manifest().toJson();
        child.add("platform", platform);
        JsonObject nested = LayoutJson.emptyIndex();
        nested.getAsJsonArray("manifests").add(child);
        byte[] nestedBytes = CanonicalJson.bytes(nested);
        Digest nestedDigest = Digest.of(nestedBytes);
        Files.write(out.resolve("blobs/sha256/" + nestedDigest.hex()), nestedBytes);
        JsonObject top = LayoutJson.emptyIndex();
        JsonArray entries = top.getAsJsonArray("manifests");
        entries.add(new Descriptor(MediaTypes.OCI_INDEX, nestedDigest, nestedBytes.length,
                Map.of(LayoutJson.REF_NAME, "multi")).toJson());
        Files.write(out.resolve("index.json"), CanonicalJson.bytes(top));

        LayoutImage index = OciLayoutReader.read(out, Optional.of("multi"));
        assertTrue(index.isIndex());
        assertEquals(List.of(a.manifest()), index.manifests());
        assertEquals(Optional.empty(), index.config());
        LayoutImage picked = index.select(index.manifests().get(0));
        assertArrayEquals(a.configBytes(), picked.configBytes());
        assertThrows(IllegalArgumentException.class, () -> index.select(a.config()));
    }
}
