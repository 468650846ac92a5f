package dev.stagesmith.engine.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.stagesmith.engine.oci.Digest;
import dev.stagesmith.engine.oci.MediaTypes;
import dev.stagesmith.grammar.stages.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlatformSelectionTest {

    /** The digest of each entry is sha256 of its label, so a test can name the entry it expects. */
    private static JsonObject index(String... platforms) {
        JsonArray manifests = new JsonArray();
        for (String p : platforms) {
            JsonObject e = new JsonObject();
            e.addProperty("mediaType", MediaTypes.OCI_MANIFEST);
            e.addProperty("digest", Digest.of(p).toString());
            e.addProperty("size", 100);
            String[] parts = p.split("/");
            JsonObject platform = new JsonObject();
            platform.addProperty("os", parts[0]);
            platform.addProperty("architecture", parts[1]);
            if (parts.length > 2) {
                platform.addProperty("variant", parts[2]);
            }
            e.add("platform", platform);
            manifests.add(e);
        }
        JsonObject o = new JsonObject();
        o.addProperty("schemaVersion", 2);
        o.addProperty("mediaType", MediaTypes.OCI_INDEX);
        o.add("manifests", manifests);
        return o;
    }

    private static JsonObject withAttestation(JsonObject index, String forLabel) {
        JsonObject e = new JsonObject();
        e.addProperty("mediaType", MediaTypes.OCI_MANIFEST);
        e.addProperty("digest", Digest.of("attestation").toString());
        e.addProperty("size", 10);
        JsonObject p = new JsonObject();
        p.addProperty("os", "unknown");
        p.addProperty("architecture", "unknown");
        e.add("platform", p);
        JsonObject a = new JsonObject();
        a.addProperty("vnd.docker.reference.type", "attestation-manifest");
        a.addProperty("vnd.docker.reference.digest", Digest.of(forLabel).toString());
        e.add("annotations", a);
        index.getAsJsonArray("manifests").add(e);
        return index;
    }

    private static final JsonObject BIG = withAttestation(
            index("linux/arm/v6", "linux/arm/v7", "linux/arm64/v8", "linux/amd64", "windows/amd64"), "linux/amd64");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "linux/arm/v6, linux/arm/v6",
        "linux/arm/v7, linux/arm/v7",
        "linux/arm, linux/arm/v7",
        "linux/armhf, linux/arm/v7",
        "linux/armel, linux/arm/v6",
        "linux/arm64, linux/arm64/v8",
        "linux/aarch64, linux/arm64/v8",
        "linux/arm64/v8, linux/arm64/v8",
        "linux/x86_64, linux/amd64",
        "linux/amd64, linux/amd64",
        "windows/amd64, windows/amd64",
    })
    void choosesTheExactPlatform(String target, String expectedEntry) throws Exception {
        Platform p = Platform.parse(target).orElseThrow();
        assertEquals(Digest.of(expectedEntry), PlatformSelector.select(BIG, p, "img").digest());
    }

    @Test
    void attestationsAreNeverChosenAndNotListed() {
        JsonObject onlyAttestation = withAttestation(index("linux/amd64"), "linux/amd64");
        RegistryException e = assertThrows(RegistryException.class,
                () -> PlatformSelector.select(onlyAttestation, new Platform("unknown", "unknown",
                        java.util.Optional.empty()), "img"));
        assertTrue(e.getMessage().contains("available platforms: linux/amd64."), e.getMessage());
    }

    @Test
    void variantMustMatchWhenTheTargetHasOne() {
        JsonObject v6only = index("linux/arm/v6");
        RegistryException e = assertThrows(RegistryException.class,
                () -> PlatformSelector.select(v6only, Platform.parse("linux/arm/v7").orElseThrow(), "x/y:1"));
        assertTrue(e.getMessage().contains("linux/arm/v7"), e.getMessage());
    }

    @Test
    void noMatchListsEveryAvailablePlatform() {
        RegistryException e = assertThrows(RegistryException.class,
                () -> PlatformSelector.select(BIG, Platform.parse("linux/s390x").orElseThrow(), "127.0.0.1:5000/t/i:1"));
        assertEquals("image 127.0.0.1:5000/t/i:1 has no manifest for linux/s390x; available platforms: linux/arm/v6,"
                + " linux/arm/v7, linux/arm64/v8, linux/amd64, windows/amd64. Choose one of them with --platform",
                e.getMessage());
    }

    @Test
    void normalizationMatchesContainerd() {
        assertEquals("linux/arm64", PlatformSelector.normalize(Platform.parse("linux/aarch64/8").orElseThrow()).toString());
        assertEquals("linux/arm64/v9", PlatformSelector.normalize(Platform.parse("linux/arm64/9").orElseThrow()).toString());
        assertEquals("linux/386", PlatformSelector.normalize(Platform.parse("linux/i386").orElseThrow()).toString());
        assertEquals("linux/amd64", PlatformSelector.normalize(Platform.parse("linux/x86-64/v1").orElseThrow()).toString());
        assertEquals("linux/arm/v5", PlatformSelector.normalize(Platform.parse("linux/arm/5").orElseThrow()).toString());
    }

    @Test
    void malformedIndexIsAClearError() {
        JsonObject bad = new JsonObject();
        bad.add("manifests", new JsonObject());
        RegistryException e = assertThrows(RegistryException.class,
                () -> PlatformSelector.select(bad, Platform.parse("linux/amd64").orElseThrow(), "x"));
        assertTrue(e.getMessage().contains("no manifests array"), e.getMessage());
    }
}
