package dev.stagesmith.engine.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.stagesmith.engine.fs.Content;
import dev.stagesmith.engine.fs.FileEntry;
import dev.stagesmith.engine.layer.LayerWriter;
import dev.stagesmith.engine.oci.CanonicalJson;
import dev.stagesmith.engine.oci.Descriptor;
import dev.stagesmith.engine.oci.Digest;
import dev.stagesmith.engine.oci.MediaTypes;
import dev.stagesmith.engine.store.BlobStore;
import dev.stagesmith.engine.testing.RegistryServer;
import dev.stagesmith.engine.testing.RequiredTool;
import dev.stagesmith.grammar.stages.Platform;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our client against a real distribution registry, checked independently with skopeo. */
class RegistryIT {

    @TempDir Path work;

    /** A one-layer image built here: blobs written under {@code blobs/}, manifest bytes as pushed. */
    private record TestImage(Descriptor config, Descriptor layer, byte[] manifest, Path blobs) {
        Digest digest() {
            return Digest.of(manifest);
        }

        PushRequest push() {
            return new PushRequest(manifest, MediaTypes.OCI_MANIFEST, List.of(config, layer), d -> blobs.resolve(d.hex()));
        }
    }

    private TestImage image(String arch, String greeting) throws IOException {
        Path blobs = Files.createDirectories(work.resolve("blobs"));
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        LayerWriter.Result r = LayerWriter.write(List.of(
                FileEntry.dir("app", 0755, 0, 0, 0),
                FileEntry.file("app/hello.txt", 0644, 0, 0, 0, Content.ofBytes(greeting.getBytes(StandardCharsets.UTF_8)))),
                tar, OptionalLong.empty());
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(tar.toByteArray());
        }
        Descriptor layer = store(blobs, MediaTypes.OCI_LAYER_GZIP, gz.toByteArray());
        JsonObject config = new JsonObject();
        config.addProperty("architecture", arch);
        config.addProperty("os", "linux");
        JsonObject rootfs = new JsonObject();
        rootfs.addProperty("type", "layers");
        JsonArray diffIds = new JsonArray();
        diffIds.add(r.diffId().toString());
        rootfs.add("diff_ids", diffIds);
        config.add("rootfs", rootfs);
        Descriptor configDesc = store(blobs, MediaTypes.OCI_CONFIG, CanonicalJson.bytes(config));
        return new TestImage(configDesc, layer, TestImages.manifest(configDesc, List.of(layer)), blobs);
    }

    private static Descriptor store(Path blobs, String mediaType, byte[] bytes) throws IOException {
        Descriptor d = TestImages.describe(mediaType, bytes);
        Files.write(blobs.resolve(d.digest().hex()), bytes);
        return d;
    }

    private RegistryClient client(Path dockerConfigDir) {
        return new RegistryClient(RegistryOptions.defaults().withDockerConfigDir(dockerConfigDir),
                new DockerConfigCredentials(dockerConfigDir, List.of(), Duration.ofSeconds(10)));
    }

    private static JsonObject skopeoInspect(String reference) throws Exception {
        Path skopeo = RequiredTool.find("skopeo", "skopeo");
        Process p = new ProcessBuilder(skopeo.toString(), "inspect", "--tls-verify=false", "docker://" + reference)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "skopeo finished");
        assertEquals(0, p.exitValue(), "skopeo inspect " + reference + ":\n" + out);
        return JsonParser.parseString(out).getAsJsonObject();
    }

    @Test
    void pushedImageIsSeenBySkopeoAndPullsBackIdentically() throws Exception {
        try (RegistryServer registry = RegistryServer.start(work, Optional.empty())) {
            TestImage img = image("amd64", "hello\n");
            ImageReference ref = ImageReference.parse(registry.host() + "/test/img:1");
            RegistryClient client = client(work.resolve("no-docker-config"));
            AtomicLong pushed = new AtomicLong();
            client.push(ref, img.push(), pushed::addAndGet);
            assertEquals(img.config().size() + img.layer().size(), pushed.get(), "progress counts every uploaded byte");

            JsonObject inspected = skopeoInspect(registry.host() + "/test/img:1");
            assertEquals(img.digest().toString(), inspected.get("Digest").getAsString(), registry.log());
            assertEquals(List.of(img.layer().digest().toString()),
                    inspected.getAsJsonArray("Layers").asList().stream().map(e -> e.getAsString()).toList());
            assertEquals("amd64", inspected.get("Architecture").getAsString());

            ResolvedImage resolved = client.resolve(ref, Platform.parse("linux/amd64").orElseThrow());
            assertEquals(img.digest(), resolved.manifestDigest());
            assertEquals(MediaTypes.OCI_MANIFEST, resolved.manifestMediaType());
            assertEquals(img.config(), resolved.config());
            assertEquals(List.of(img.layer()), resolved.layers());
            assertArrayEquals(Files.readAllBytes(img.blobs().resolve(img.config().digest().hex())), resolved.configBytes());

            BlobStore store = new BlobStore(work.resolve("store"));
            AtomicLong pulled = new AtomicLong();
            client.fetchBlob(ref, img.layer(), store, pulled::addAndGet);
            assertArrayEquals(Files.readAllBytes(img.blobs().resolve(img.layer().digest().hex())),
                    store.read(img.layer().digest()));
            assertEquals(img.layer().size(), pulled.get());

            AtomicLong again = new AtomicLong();
            client.push(ref.withTag("2"), img.push(), again::addAndGet);
            assertEquals(0, again.get(), "blobs the registry has are not uploaded again");
            assertEquals(img.digest(), client.resolve(ref.withDigest(img.digest()),
                    Platform.parse("linux/amd64").orElseThrow()).manifestDigest(), "pull by digest");
        }
    }

    @Test
    void anIndexResolvesToTheManifestOfEachPlatform() throws Exception {
        try (RegistryServer registry = RegistryServer.start(work, Optional.empty())) {
            TestImage amd = image("amd64", "amd64\n");
            TestImage arm = image("arm64", "arm64\n");
            ImageReference ref = ImageReference.parse(registry.host() + "/test/multi:1");
            RegistryClient client = client(work.resolve("no-docker-config"));
            client.push(ref.withDigest(amd.digest()), amd.push(), n -> { });
            client.push(ref.withDigest(arm.digest()), arm.push(), n -> { });
            byte[] index = index(Map.of(amd, "amd64", arm, "arm64"));
            client.push(ref, new PushRequest(index, MediaTypes.OCI_INDEX, List.of(), d -> null), n -> { });

            assertEquals(Digest.of(index).toString(), skopeoInspect(registry.host() + "/test/multi:1")
                    .get("Digest").getAsString(), registry.log());
            assertEquals(amd.digest(), client.resolve(ref, Platform.parse("linux/amd64").orElseThrow()).manifestDigest());
            ResolvedImage a = client.resolve(ref, Platform.parse("linux/aarch64").orElseThrow());
            assertEquals(arm.digest(), a.manifestDigest());
            assertEquals(arm.layer(), a.layers().get(0));
            RegistryException e = assertThrows(RegistryException.class,
                    () -> client.resolve(ref, Platform.parse("linux/s390x").orElseThrow()));
            assertTrue(e.getMessage().contains("linux/amd64") && e.getMessage().contains("linux/arm64"), e.getMessage());
        }
    }

    private static byte[] index(Map<TestImage, String> images) {
        JsonArray manifests = new JsonArray();
        List<TestImage> ordered = new ArrayList<>(images.keySet());
        ordered.sort((x, y) -> images.get(x).compareTo(images.get(y)));
        for (TestImage img : ordered) {
            JsonObject e = TestImages.describe(MediaTypes.OCI_MANIFEST, img.manifest()).toJson();
            JsonObject p = new JsonObject();
            p.addProperty("architecture", images.get(img));
            p.addProperty("os", "linux");
            e.add("platform", p);
            manifests.add(e);
        }
        JsonObject o = new JsonObject();
        o.addProperty("schemaVersion", 2);
        o.addProperty("mediaType", MediaTypes.OCI_INDEX);
        o.add("manifests", manifests);
        return CanonicalJson.bytes(o);
    }

    @Test
    void basicAuthUsesDockerConfigAndWithoutItSaysHowToFix() throws Exception {
        try (RegistryServer registry = RegistryServer.start(work, Optional.of(new RegistryServer.Login("tester", "s3cret")))) {
            Path withLogin = Files.createDirectories(work.resolve("docker-config"));
            String auth = Base64.getEncoder().encodeToString("tester:s3cret".getBytes(StandardCharsets.UTF_8));
            Files.writeString(withLogin.resolve("config.json"),
                    "{\"auths\":{\"" + registry.host() + "\":{\"auth\":\"" + auth + "\"}}}");
            TestImage img = image("amd64", "secret\n");
            ImageReference ref = ImageReference.parse(registry.host() + "/test/img:1");
            RegistryClient client = client(withLogin);
            client.push(ref, img.push(), n -> { });
            assertEquals(img.digest(), client.resolve(ref, Platform.parse("linux/amd64").orElseThrow()).manifestDigest(),
                    registry.log());
            BlobStore store = new BlobStore(work.resolve("store"));
            client.fetchBlob(ref, img.layer(), store, n -> { });
            assertTrue(store.has(img.layer().digest()));

            Path empty = Files.createDirectories(work.resolve("empty-config"));
            RegistryException e = assertThrows(RegistryException.class,
                    () -> client(empty).resolve(ref, Platform.parse("linux/amd64").orElseThrow()));
            assertTrue(e.getMessage().startsWith("unauthorized to pull " + registry.host() + "/test/img: add credentials"
                    + " with docker login or in " + empty.resolve("config.json")), e.getMessage());

            Path wrong = Files.createDirectories(work.resolve("wrong-config"));
            Files.writeString(wrong.resolve("config.json"), "{\"auths\":{\"" + registry.host() + "\":{\"auth\":\""
                    + Base64.getEncoder().encodeToString("tester:nope".getBytes(StandardCharsets.UTF_8)) + "\"}}}");
            e = assertThrows(RegistryException.class, () -> client(wrong).push(ref.withTag("2"), img.push(), n -> { }));
            assertTrue(e.getMessage().startsWith("unauthorized to push " + registry.host() + "/test/img with the"
                    + " credentials from "), e.getMessage());
        }
    }

    @Test
    void aMissingImageIsReportedWithTheRegistrysCode() throws Exception {
        try (RegistryServer registry = RegistryServer.start(work, Optional.empty())) {
            ImageReference ref = ImageReference.parse(registry.host() + "/test/nope:1");
            RegistryException e = assertThrows(RegistryException.class,
                    () -> client(work).resolve(ref, Platform.parse("linux/amd64").orElseThrow()));
            assertTrue(e.getMessage().startsWith("image " + registry.host() + "/test/nope:1 not found ("), e.getMessage());
            assertTrue(e.getMessage().contains("UNKNOWN"), e.getMessage());
        }
    }
}
