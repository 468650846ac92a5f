package dev.stagesmith.engine.registry;

import com.google.gson.JsonObject;
import dev.stagesmith.engine.oci.Descriptor;
import dev.stagesmith.engine.oci.Digest;
import dev.stagesmith.engine.oci.MediaTypes;
import dev.stagesmith.engine.registry.RegistryTransport.Access;
import dev.stagesmith.engine.registry.RegistryTransport.Call;
import dev.stagesmith.engine.store.BlobStore;
import dev.stagesmith.grammar.stages.Platform;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Pulls and pushes images over the registry HTTP API (distribution {@code spec/api.md}). Thread-safe: one
 * {@link HttpClient}, token and scheme caches are concurrent maps. Every digest the registry hands back is
 * recomputed from the bytes; nothing is trusted because a header says so. See {@link RegistryTransport} for
 * how HTTP versus HTTPS is chosen and how authentication and redirects work.
 */
public final class RegistryClient {

    private static final int MAX_MANIFEST_BYTES = 4 << 20;
    private static final int MAX_CONFIG_BYTES = 16 << 20;

    private final RegistryTransport transport;

    public RegistryClient(RegistryOptions options) {
        this(options, DockerConfigCredentials.fromEnvironment(options.dockerConfigDir(), options.timeout()));
    }

    public RegistryClient(RegistryOptions options, DockerConfigCredentials credentials) {
        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER) // followed by hand, without leaking Authorization
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(options.timeout())
                .build();
        this.transport = new RegistryTransport(http, options, credentials);
    }

    /** The manifest, config and layer list of {@code ref} for {@code platform} (chosen from an index if need be). */
    public ResolvedImage resolve(ImageReference ref, Platform platform) throws RegistryException {
        Fetched top = manifest(ref, ref.reference(), ref.digest());
        Fetched image = top;
        if (MediaTypes.isIndex(top.mediaType())) {
            Descriptor chosen = PlatformSelector.select(top.json(), platform, ref.toString());
            image = manifest(ref, chosen.digest().toString(), Optional.of(chosen.digest()));
            if (!MediaTypes.isManifest(image.mediaType())) {
                throw new RegistryException("image " + ref + ": the index entry for " + platform + " is a "
                        + image.mediaType() + ", not an image manifest");
            }
        }
        Manifests.ImageManifest m = Manifests.image(image.json(), ref.toString());
        byte[] config = smallBlob(ref, m.config());
        return new ResolvedImage(ref, image.digest(), image.mediaType(), image.bytes(), m.config(), config, m.layers());
    }

    /** Streams a blob into the store, verifying its digest; nothing is kept on a mismatch. */
    public void fetchBlob(ImageReference ref, Descriptor blob, BlobStore store, LongConsumer progressBytes)
            throws RegistryException {
        if (store.has(blob.digest())) {
            return;
        }
        HttpResponse<InputStream> r = transport.send(ref, Access.PULL,
                Call.get("/v2/" + ref.repository() + "/blobs/" + blob.digest(), Map.of()));
        expect(r, 200, () -> "blob " + blob.digest() + " of " + ref.name());
        try (InputStream in = r.body(); BlobStore.Writer w = store.writer()) {
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) > 0; ) {
                w.write(buf, 0, n);
                progressBytes.accept(n);
            }
            w.commit(Optional.of(blob.digest()));
        } catch (BlobStore.DigestMismatchException e) {
            throw new RegistryException("blob " + blob.digest() + " of " + ref.name() + " arrived corrupted ("
                    + e.getMessage() + "); nothing was stored. Retry; if it persists the registry's copy is damaged", e);
        } catch (IOException e) {
            throw new RegistryException("downloading blob " + blob.digest() + " of " + ref.name() + " failed: "
                    + e.getMessage(), e);
        }
    }

    /** Uploads the blobs the registry lacks, then the manifest under the tag (or digest) of {@code target}. */
    public void push(ImageReference target, PushRequest req, LongConsumer progressBytes) throws RegistryException {
        BlobUpload upload = new BlobUpload(transport, target, progressBytes);
        for (Descriptor blob : req.blobs()) {
            upload.ensure(blob, req.blobFile().apply(blob.digest()));
        }
        HttpResponse<InputStream> r = transport.send(target, Access.PUSH, new Call("PUT",
                "/v2/" + target.repository() + "/manifests/" + target.reference(),
                Map.of("Content-Type", req.manifestMediaType()),
                () -> java.net.http.HttpRequest.BodyPublishers.ofByteArray(req.manifestBytes()), false));
        expect(r, 201, () -> "pushing the manifest of " + target);
        RegistryTransport.close(r);
    }

    private record Fetched(byte[] bytes, Digest digest, String mediaType, JsonObject json) {}

    /** GET a manifest; its digest is sha256 of the raw bytes and must equal {@code expected} when known. */
    private Fetched manifest(ImageReference ref, String reference, Optional<Digest> expected) throws RegistryException {
        HttpResponse<InputStream> r = transport.send(ref, Access.PULL,
                Call.get("/v2/" + ref.repository() + "/manifests/" + reference, Map.of("Accept", Manifests.ACCEPT)));
        expect(r, 200, () -> "image " + ref.name() + (reference.startsWith("sha256:") ? "@" : ":") + reference);
        byte[] bytes = read(r, MAX_MANIFEST_BYTES, "manifest of " + ref);
        Digest actual = Digest.of(bytes);
        if (expected.isPresent() && !expected.get().equals(actual)) {
            throw new RegistryException("manifest of " + ref.name() + " does not match its digest: expected "
                    + expected.get() + ", got " + actual + "; the registry or a proxy altered it");
        }
        JsonObject json = Manifests.parse(bytes, ref.toString());
        String mediaType = Manifests.mediaType(json, r.headers().firstValue("Content-Type"), ref.toString());
        return new Fetched(bytes, actual, mediaType, json);
    }

    private byte[] smallBlob(ImageReference ref, Descriptor d) throws RegistryException {
        if (d.size() > MAX_CONFIG_BYTES) {
            throw new RegistryException("config of " + ref + " claims " + d.size() + " bytes; refusing more than "
                    + MAX_CONFIG_BYTES);
        }
        HttpResponse<InputStream> r = transport.send(ref, Access.PULL,
                Call.get("/v2/" + ref.repository() + "/blobs/" + d.digest(), Map.of()));
        expect(r, 200, () -> "config blob " + d.digest() + " of " + ref.name());
        byte[] bytes = read(r, MAX_CONFIG_BYTES, "config of " + ref);
        Digest actual = Digest.of(bytes);
        if (!actual.equals(d.digest())) {
            throw new RegistryException("config of " + ref + " does not match its digest: expected " + d.digest()
                    + ", got " + actual);
        }
        return bytes;
    }

    private static byte[] read(HttpResponse<InputStream> r, int max, String what) throws RegistryException {
        try (InputStream in = r.body()) {
            byte[] bytes = in.readNBytes(max + 1);
            if (bytes.length > max) {
                throw new RegistryException(what + " is larger than " + max + " bytes; refusing it");
            }
            return bytes;
        } catch (IOException e) {
            throw new RegistryException("reading the " + what + " failed: " + e.getMessage(), e);
        }
    }

    /** Anything but {@code status} becomes an error that names the thing and the registry's own error codes. */
    static void expect(HttpResponse<InputStream> r, int status, java.util.function.Supplier<String> what)
            throws RegistryException {
        if (r.statusCode() == status) {
            return;
        }
        byte[] body;
        try (InputStream in = r.body()) {
            body = in.readNBytes(64 * 1024);
        } catch (IOException e) {
            body = new byte[0];
        }
        List<String> codes = RegistryErrors.codes(body);
        String summary = RegistryErrors.summary(body);
        if (r.statusCode() == 404) {
            throw new RegistryException(what.get() + " not found ("
                    + (codes.isEmpty() ? "HTTP 404" : String.join(", ", codes)) + ")");
        }
        if (r.statusCode() == 403) {
            throw new RegistryException("access to " + what.get() + " denied (" + summary + "); check that your"
                    + " account may use this repository");
        }
        throw new RegistryException(what.get() + ": registry answered HTTP " + r.statusCode() + " (" + summary + ")");
    }
}
