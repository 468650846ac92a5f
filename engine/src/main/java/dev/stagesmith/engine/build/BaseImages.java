package dev.stagesmith.engine.build;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.stagesmith.engine.context.BuildContext;
import dev.stagesmith.engine.context.DockerIgnore;
import dev.stagesmith.engine.oci.CanonicalJson;
import dev.stagesmith.engine.oci.Descriptor;
import dev.stagesmith.engine.oci.Digest;
import dev.stagesmith.engine.oci.MediaTypes;
import dev.stagesmith.engine.registry.ImageReference;
import dev.stagesmith.engine.registry.RegistryClient;
import dev.stagesmith.engine.registry.ResolvedImage;
import dev.stagesmith.engine.store.BlobStore;
import dev.stagesmith.engine.store.BuildCache;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;

/**
 * Images a build starts from or copies from, in the order BuildKit would look: a named build context
 * ({@code --build-context}), then the local image store (images built or pulled before, so builds work
 * offline; skipped with {@code --pull}), then the registry. Pulled layers are verified twice (the blob's
 * digest while downloading, the unpacked tar's diff ID against the config) and kept uncompressed.
 */
final class BaseImages {

    /** An image, or for a named directory context, a directory. */
    record Source(ImageState state, BuildContext directory) {}

    private final BuildSession session;
    private final java.util.function.Supplier<RegistryClient> registrySource;
    private RegistryClient registry;
    private final Map<String, CompletableFuture<Source>> memo = new ConcurrentHashMap<>();

    /** The registry client is made on first pull: its TLS setup costs more than a cached build. */
    BaseImages(BuildSession session, java.util.function.Supplier<RegistryClient> registry) {
        this.session = session;
        this.registrySource = registry;
    }

    private synchronized RegistryClient registry() {
        if (registry == null) {
            registry = registrySource.get();
        }
        return registry;
    }

    ImageState forFrom(String ref) throws StepFailure {
        Source s = lookup(ref);
        if (s.directory() != null) {
            throw new StepFailure("build context '" + ref + "' is a directory; FROM needs an image "
                    + "(use --build-context " + ref + "=oci-layout://DIR or docker-image://REF)");
        }
        return s.state();
    }

    Source forCopy(String ref) throws StepFailure {
        return lookup(ref);
    }

    /** Each reference is resolved once per build; a stage asking for one already being resolved waits for it. */
    private Source lookup(String ref) throws StepFailure {
        CompletableFuture<Source> mine = new CompletableFuture<>();
        CompletableFuture<Source> f = memo.putIfAbsent(ref, mine);
        if (f == null) {
            f = mine;
            try {
                mine.complete(resolve(ref));
            } catch (StepFailure | RuntimeException e) {
                mine.completeExceptionally(e);
            }
        }
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof StepFailure sf) {
                throw sf;
            }
            throw e;
        }
    }

    private Source resolve(String ref) throws StepFailure {
        String named = session.request().buildContexts().get(ref);
        if (named != null) {
            return namedContext(ref, named);
        }
        return new Source(image(ref), null);
    }

    private Source namedContext(String name, String spec) throws StepFailure {
        try {
            if (spec.startsWith("docker-image://")) {
                return new Source(image(spec.substring("docker-image://".length())), null);
            }
            if (spec.startsWith("oci-layout://")) {
                return new Source(OciLayoutImport.read(session, spec.substring("oci-layout://".length())), null);
            }
            if (spec.contains("://")) {
                throw new StepFailure("build context " + name + "=" + spec + ": use a directory, oci-layout://DIR[:tag] "
                        + "or docker-image://REF");
            }
            Path dir = Path.of(spec).toAbsolutePath();
            if (!Files.isDirectory(dir)) {
                throw new StepFailure("build context " + name + "=" + spec + ": " + dir + " is not a directory");
            }
            return new Source(null, BuildContext.walk(dir, DockerIgnore.of(List.of())));
        } catch (IOException | DockerIgnore.InvalidPatternException e) {
            throw new StepFailure("build context " + name + ": " + e.getMessage(), e);
        }
    }

    private ImageState image(String text) throws StepFailure {
        ImageReference ref;
        try {
            ref = ImageReference.parse(text);
        } catch (IllegalArgumentException e) {
            throw new StepFailure("invalid image reference '" + text + "': " + e.getMessage());
        }
        BuildCache cache = session.cache();
        String platform = session.request().platform().toString();
        if (!session.request().pull()) {
            Optional<BuildCache.LocalImage> local = cache.image(ref.toString(), platform);
            if (local.isPresent()) {
                return fromLocal(local.get());
            }
        }
        return pull(ref, platform);
    }

    ImageState fromLocal(BuildCache.LocalImage img) throws StepFailure {
        try {
            byte[] config = session.cache().blobs().read(img.config());
            return state(config, img.config(), img.layers());
        } catch (IOException e) {
            throw new StepFailure("the local image " + img.name() + " is damaged (" + e.getMessage()
                    + "); run stagesmith cache prune and build again", e);
        }
    }

    private ImageState pull(ImageReference ref, String platform) throws StepFailure {
        session.emit(new BuildEvent.Note("resolve " + ref));
        ResolvedImage img;
        try {
            img = registry().resolve(ref, session.request().platform());
        } catch (IOException e) {
            throw new StepFailure(e.getMessage(), e);
        }
        BlobStore blobs = session.cache().blobs();
        JsonObject config = CanonicalJson.parseObject(img.configBytes(), "the config of " + ref);
        List<Digest> diffIds = diffIds(config, ref);
        if (diffIds.size() != img.layers().size()) {
            throw new StepFailure("the image " + ref + " has " + img.layers().size() + " layers but its config lists "
                    + diffIds.size() + " diff IDs; it is damaged");
        }
        List<CompletableFuture<Void>> downloads = new ArrayList<>();
        for (int i = 0; i < diffIds.size(); i++) {
            Descriptor layer = img.layers().get(i);
            Digest diffId = diffIds.get(i);
            downloads.add(CompletableFuture.runAsync(() -> {
                try {
                    fetchLayer(ref, layer, diffId);
                } catch (IOException | StepFailure e) {
                    throw new CompletionException(e);
                }
            }));
        }
        try {
            CompletableFuture.allOf(downloads.toArray(CompletableFuture[]::new)).join();
            Digest configDigest = blobs.put(img.configBytes());
            session.cache().putImage(new BuildCache.LocalImage(ref.toString(), platform, configDigest, diffIds,
                    img.manifestDigest()));
            return state(img.configBytes(), configDigest, diffIds);
        } catch (CompletionException e) {
            Throwable c = e.getCause();
            throw new StepFailure(c.getMessage(), c);
        } catch (IOException e) {
            throw new StepFailure("cannot store the image " + ref + " in the cache: " + e.getMessage(), e);
        }
    }

    private void fetchLayer(ImageReference ref, Descriptor layer, Digest diffId) throws IOException, StepFailure {
        BuildCache cache = session.cache();
        if (cache.blobs().has(diffId) || cache.unpacked(layer.digest()).isPresent()) {
            return;
        }
        String what = "pull " + ref.familiar() + " " + layer.digest().shortHex();
        long[] seen = {0, -1};
        LongConsumer progress = delta -> {
            long n = seen[0] += delta;
            if (n - seen[1] >= 1 << 20 || n == layer.size()) {
                seen[1] = n;
                session.emit(new BuildEvent.Transfer(what, n, layer.size()));
            }
        };
        registry().fetchBlob(ref, layer, cache.blobs(), progress);
        Path blob = cache.blobs().path(layer.digest());
        try (InputStream in = decompress(layer.mediaType(), blob)) {
            cache.blobs().put(in, Optional.of(diffId));
        } catch (BlobStore.DigestMismatchException e) {
            throw new StepFailure("layer " + layer.digest() + " of " + ref + " does not unpack to the diff ID its "
                    + "config names (" + diffId + "); the image is damaged");
        }
        cache.putUnpacked(layer.digest(), diffId);
        if (!layer.digest().equals(diffId)) {
            Files.deleteIfExists(blob);
        }
    }

    /** A layer blob as a tar stream, by media type, or by sniffing the magic bytes when the type is unknown. */
    static InputStream decompress(String mediaType, Path blob) throws IOException, StepFailure {
        InputStream raw = new BufferedInputStream(Files.newInputStream(blob), 256 * 1024);
        MediaTypes.Compression c = MediaTypes.layerCompression(mediaType);
        if (c == MediaTypes.Compression.UNKNOWN) {
            raw.mark(4);
            byte[] magic = raw.readNBytes(4);
            raw.reset();
            c = magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b
                    ? MediaTypes.Compression.GZIP
                    : magic.length == 4 && (magic[0] & 0xff) == 0x28 && (magic[1] & 0xff) == 0xb5
                            ? MediaTypes.Compression.ZSTD : MediaTypes.Compression.NONE;
        }
        return switch (c) {
            case GZIP -> new GZIPInputStream(raw, 64 * 1024);
            case ZSTD -> new ZstdCompressorInputStream(raw);
            default -> raw;
        };
    }

    private static List<Digest> diffIds(JsonObject config, Object where) throws StepFailure {
        List<Digest> out = new ArrayList<>();
        try {
            for (JsonElement e : config.getAsJsonObject("rootfs").getAsJsonArray("diff_ids")) {
                out.add(Digest.parse(e.getAsString()));
            }
        } catch (RuntimeException e) {
            throw new StepFailure("the config of " + where + " has no valid rootfs.diff_ids: " + e.getMessage());
        }
        return out;
    }

    /** An image's config and layers as a build state, keyed by its config digest. */
    ImageState state(byte[] configBytes, Digest configDigest, List<Digest> diffIds) throws StepFailure {
        JsonObject config = CanonicalJson.parseObject(configBytes, "image config");
        List<ImageState.Layer> layers = new ArrayList<>();
        for (Digest d : diffIds) {
            try {
                layers.add(new ImageState.Layer(d, Files.size(session.cache().blobs().path(d))));
            } catch (IOException e) {
                throw new StepFailure("layer " + d + " is missing from the cache; run the build again", e);
            }
        }
        return new ImageState(config, layers, Digest.of("image\n" + configDigest), ImageConfig.env(config), null,
                session.cache().blobs(), null);
    }

}
