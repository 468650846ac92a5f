package dev.stagesmith.engine.registry;

import static dev.stagesmith.engine.registry.FakeRegistry.respond;
import static dev.stagesmith.engine.registry.TestImages.bytes;
import static dev.stagesmith.engine.registry.TestImages.describe;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagesmith.engine.oci.Descriptor;
import dev.stagesmith.engine.oci.Digest;
import dev.stagesmith.engine.oci.MediaTypes;
import dev.stagesmith.engine.store.BlobStore;
import dev.stagesmith.grammar.stages.Platform;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Faults a real registry will not produce on demand, played by {@link FakeRegistry}. */
class RegistryClientFaultTest {

    private static final Platform AMD64 = Platform.parse("linux/amd64").orElseThrow();

    @TempDir Path dockerConfig;
    @TempDir Path storeDir;

    private final byte[] config = bytes("{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}");
    private final byte[] layer = bytes("pretend this is a gzip'd tar");
    private final Descriptor configDesc = describe(MediaTypes.OCI_CONFIG, config);
    private final Descriptor layerDesc = describe(MediaTypes.OCI_LAYER_GZIP, layer);
    private final byte[] manifest = TestImages.manifest(configDesc, List.of(layerDesc));

    private RegistryClient client() {
        RegistryOptions o = RegistryOptions.defaults().withDockerConfigDir(dockerConfig);
        return new RegistryClient(o, new DockerConfigCredentials(dockerConfig, List.of(), Duration.ofSeconds(10)));
    }

    /** Serves the test image at /v2/test/img/... when {@code authorized} says the request may pass. */
    private boolean serveImage(com.sun.net.httpserver.HttpExchange ex, FakeRegistry.Seen s) throws java.io.IOException {
        if (s.path().equals("/v2/test/img/manifests/1") || s.path().equals("/v2/test/img/manifests/" + Digest.of(manifest))) {
            respond(ex, 200, MediaTypes.OCI_MANIFEST, manifest);
        } else if (s.path().equals("/v2/test/img/blobs/" + configDesc.digest())) {
            respond(ex, 200, "application/octet-stream", config);
        } else if (s.path().equals("/v2/test/img/blobs/" + layerDesc.digest())) {
            respond(ex, 200, "application/octet-stream", layer);
        } else {
            return false;
        }
        return true;
    }

    @Test
    void bearerChallengeWithParamsInOddOrderGetsATokenOnceAndReusesIt() throws Exception {
        AtomicInteger tokenRequests = new AtomicInteger();
        String[] tokenQuery = new String[1];
        try (FakeRegistry reg = new FakeRegistry((ex, s) -> {
            if (s.path().equals("/token")) {
                tokenRequests.incrementAndGet();
                tokenQuery[0] = s.query();
                respond(ex, 200, "application/json", bytes("{\"access_token\":\"tok-1\",\"expires_in\":300}"));
                return;
            }
            if (!"Bearer tok-1".equals(s.header("Authorization"))) {
                String realm = "http://" + ex.getLocalAddress().getHostString() + ":" + ex.getLocalAddress().getPort() + "/token";
                ex.getResponseHeaders().add("WWW-Authenticate",
                        "Bearer scope=\"repository:test/img:pull,push\" , service=\"fake, registry\",realm=\"" + realm + "\"");
                respond(ex, 401, "application/json", bytes("{\"errors\":[{\"code\":\"UNAUTHORIZED\"}]}"));
                return;
            }
            if (!serveImage(ex, s)) {
                respond(ex, 404);
            }
        })) {
            RegistryClient client = client();
            ImageReference ref = ImageReference.parse(reg.host() + "/test/img:1");
            ResolvedImage img = client.resolve(ref, AMD64);
            assertEquals(Digest.of(manifest), img.manifestDigest());
            assertArrayEquals(config, img.configBytes());
            assertEquals(List.of(layerDesc), img.layers());
            client.resolve(ref, AMD64);
            assertEquals(1, tokenRequests.get(), "the token is cached per host and scope");
            assertEquals("service=fake%2C+registry&scope=repository%3Atest%2Fimg%3Apull", tokenQuery[0]);
        }
    }

    @Test
    void aRefusedTokenIsRefreshedOnceThenTheRequestSucceeds() throws Exception {
        AtomicInteger issued = new AtomicInteger();
        try (FakeRegistry reg = new FakeRegistry((ex, s) -> {
            if (s.path().equals("/token")) {
                int n = issued.incrementAndGet();
                respond(ex, 200, "application/json", bytes("{\"token\":\"tok-" + n + "\"}"));
                return;
            }
            // only the newest token is valid: the server "expired" the older ones
            if (!("Bearer tok-" + issued.get()).equals(s.header("Authorization")) || issued.get() == 0) {
                ex.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"http://" + s.header("Host") + "/token\"");
                respond(ex, 401);
                return;
            }
            if (!serveImage(ex, s)) {
                respond(ex, 404);
            }
        })) {
            RegistryClient client = client();
            ImageReference ref = ImageReference.parse(reg.host() + "/test/img:1");
            client.resolve(ref, AMD64);
            assertEquals(1, issued.get());
            issued.incrementAndGet(); // the server rotates: tok-1 is now refused, a fetch returns tok-3
            client.resolve(ref, AMD64);
            assertEquals(3, issued.get(), "exactly one refresh after the cached token was refused");
            long refused = reg.requests.stream().filter(r -> "Bearer tok-1".equals(r.header("Authorization"))
                    && r.path().startsWith("/v2/test/img/manifests")).count();
            assertEquals(2, refused, "tok-1 worked once, was refused once, and was not sent again");
        }
    }

    @Test
    void aTokenThatKeepsBeingRefusedIsUnauthorizedAfterOneRefresh() throws Exception {
        AtomicInteger issued = new AtomicInteger();
        try (FakeRegistry reg = new FakeRegistry((ex, s) -> {
            if (s.path().equals("/token")) {
                respond(ex, 200, "application/json", bytes("{\"token\":\"tok-" + issued.incrementAndGet() + "\"}"));
                return;
            }
            ex.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"http://" + s.header("Host") + "/token\"");
            respond(ex, 401);
        })) {
            ImageReference ref = ImageReference.parse(reg.host() + "/test/img:1");
            RegistryException e = assertThrows(RegistryException.class, () -> client().resolve(ref, AMD64));
            assertEquals(1, issued.get());
            assertTrue(e.getMessage().startsWith("unauthorized to pull " + reg.host() + "/test/img: add credentials"
                    + " with docker login or in " + dockerConfig.resolve("config.json")), e.getMessage());
        }
    }

    @Test
    void aRedirectedBlobGetCarriesNoAuthorizationToTheOtherHost() throws Exception {
        try (FakeRegistry storage = new FakeRegistry((ex, s) -> respond(ex, 200, "application/octet-stream", layer));
             FakeRegistry reg = new FakeRegistry((ex, s) -> {
                 if (s.header("Authorization") == null) {
                     ex.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"fake\"");
                     respond(ex, 401);
                 } else if (s.path().equals("/v2/test/img/blobs/" + layerDesc.digest())) {
                     ex.getResponseHeaders().add("Location", "http://" + storage.host() + "/bucket/obj?sig=abc");
                     respond(ex, 307);
                 } else {
                     respond(ex, 404);
                 }
             })) {
            String auth = Base64.getEncoder().encodeToString("user:pw".getBytes(StandardCharsets.UTF_8));
            Files.writeString(dockerConfig.resolve("config.json"),
                    "{\"auths\":{\"" + reg.host() + "\":{\"auth\":\"" + auth + "\"}}}");
            BlobStore store = new BlobStore(storeDir);
            AtomicLong progress = new AtomicLong();
            client().fetchBlob(ImageReference.parse(reg.host() + "/test/img:1"), layerDesc, store, progress::addAndGet);

            assertArrayEquals(layer, store.read(layerDesc.digest()));
            assertEquals(layer.length, progress.get());
            assertTrue(reg.requests.stream().anyMatch(r -> ("Basic " + auth).equals(r.header("Authorization"))),
                    "the registry itself got the credentials");
            assertEquals(1, storage.requests.size());
            assertEquals("sig=abc", storage.requests.get(0).query());
            assertNull(storage.requests.get(0).header("Authorization"), "no credentials for the storage host");
        }
    }

    @Test
    void aTamperedBlobIsRefusedAndNothingIsStored() throws Exception {
        try (FakeRegistry reg = new FakeRegistry((ex, s) -> respond(ex, 200, "application/octet-stream",
                bytes("pretend this is a gzip'd tar, modified")))) {
            BlobStore store = new BlobStore(storeDir);
            RegistryException e = assertThrows(RegistryException.class, () -> client().fetchBlob(
                    ImageReference.parse(reg.host() + "/test/img:1"), layerDesc, store, n -> { }));
            assertTrue(e.getMessage().contains("arrived corrupted"), e.getMessage());
            assertTrue(e.getMessage().contains(layerDesc.digest().toString()), e.getMessage());
            assertFalse(store.has(layerDesc.digest()));
            try (Stream<Path> left = Files.list(storeDir.resolve("blobs/sha256"))) {
                assertEquals(List.of(), left.toList(), "no temp file or blob left behind");
            }
        }
    }

    @Test
    void aManifestPulledByDigestMustHashToThatDigest() throws Exception {
        Digest asked = Digest.of(manifest);
        byte[] altered = TestImages.manifest(configDesc, List.of());
        try (FakeRegistry reg = new FakeRegistry((ex, s) -> respond(ex, 200, MediaTypes.OCI_MANIFEST, altered))) {
            ImageReference ref = ImageReference.parse(reg.host() + "/test/img@" + asked);
            RegistryException e = assertThrows(RegistryException.class, () -> client().resolve(ref, AMD64));
            assertTrue(e.getMessage().contains("expected " + asked + ", got " + Digest.of(altered)), e.getMessage());
        }
    }

    @Test
    void malformedManifestIsAClearError() throws Exception {
        byte[] bad = bytes("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_MANIFEST
                + "\",\"config\":{\"mediaType\":\"x\",\"digest\":\"sha256:nope\",\"size\":1},\"layers\":[]}");
        try (FakeRegistry reg = new FakeRegistry((ex, s) -> respond(ex, 200, MediaTypes.OCI_MANIFEST, bad))) {
            RegistryException e = assertThrows(RegistryException.class,
                    () -> client().resolve(ImageReference.parse(reg.host() + "/test/img:1"), AMD64));
            assertTrue(e.getMessage().contains("malformed config descriptor"), e.getMessage());
        }
    }

    @Test
    void pushFollowsARelativeLocationThatAlreadyHasAQuery() throws Exception {
        List<String> puts = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (FakeRegistry reg = new FakeRegistry((ex, s) -> {
            if (s.method().equals("HEAD") && s.path().endsWith(configDesc.digest().toString())) {
                respond(ex, 200); // the config is already there: must be skipped
            } else if (s.method().equals("HEAD")) {
                respond(ex, 404);
            } else if (s.method().equals("POST") && s.path().equals("/v2/test/img/blobs/uploads/")) {
                ex.getResponseHeaders().add("Location", "/upload/u1?_state=xyz");
                respond(ex, 202);
            } else if (s.method().equals("PUT")) {
                puts.add(s.path() + "?" + s.query() + " " + s.header("Content-Type") + " " + s.header("Content-Length"));
                respond(ex, 201);
            } else if (s.path().equals("/v2/")) {
                respond(ex, 200);
            } else {
                respond(ex, 400);
            }
        })) {
            Path layerFile = storeDir.resolve("layer");
            Files.write(layerFile, layer);
            AtomicLong progress = new AtomicLong();
            client().push(ImageReference.parse(reg.host() + "/test/img:1"),
                    new PushRequest(manifest, MediaTypes.OCI_MANIFEST, List.of(configDesc, layerDesc), d -> layerFile),
                    progress::addAndGet);
            assertEquals(List.of(
                    "/upload/u1?_state=xyz&digest=" + layerDesc.digest() + " application/octet-stream " + layer.length,
                    "/v2/test/img/manifests/1?null " + MediaTypes.OCI_MANIFEST + " " + manifest.length), puts);
            assertEquals(layer.length, progress.get());
        }
    }

    @Test
    void anUnreachableRegistrySaysSoAndWhatToDo() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        RegistryException e = assertThrows(RegistryException.class,
                () -> client().resolve(ImageReference.parse("127.0.0.1:" + port + "/test/img:1"), AMD64));
        assertEquals("cannot reach registry 127.0.0.1:" + port + " (connection refused): is it running? For a registry"
                + " without TLS on another host, add it to insecureRegistries", e.getMessage());
    }

    @Test
    void aMissingImageIsNamedWithTheRegistrysCode() throws Exception {
        try (FakeRegistry reg = new FakeRegistry((ex, s) -> respond(ex, 404, "application/json",
                bytes("{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"manifest unknown\"}]}")))) {
            RegistryException e = assertThrows(RegistryException.class,
                    () -> client().resolve(ImageReference.parse(reg.host() + "/test/nope:1"), AMD64));
            assertEquals("image " + reg.host() + "/test/nope:1 not found (MANIFEST_UNKNOWN)", e.getMessage());
        }
    }

    @Test
    void aNonLoopbackHostIsNeverAskedOverPlainHttp() throws Exception {
        RegistryOptions o = RegistryOptions.defaults().withDockerConfigDir(dockerConfig);
        RegistryTransport t = new RegistryTransport(java.net.http.HttpClient.newHttpClient(), o,
                new DockerConfigCredentials(dockerConfig, List.of(), Duration.ofSeconds(1)));
        assertEquals("https", t.base(ImageReference.parse("10.1.2.3:5000/a")).getScheme());
        assertFalse(t.plainHttpAllowed("10.1.2.3:5000"));
        assertTrue(new RegistryTransport(java.net.http.HttpClient.newHttpClient(),
                o.withInsecureRegistries(Set.of("10.1.2.3:5000")),
                new DockerConfigCredentials(dockerConfig, List.of(), Duration.ofSeconds(1))).plainHttpAllowed("10.1.2.3:5000"));
    }
}
