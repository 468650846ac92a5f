package dev.stagesmith.engine.store;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.stagesmith.engine.oci.CanonicalJson;
import dev.stagesmith.engine.oci.Digest;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The engine's cache directory: a blob store (uncompressed layers, configs, manifests, compressed copies),
 * step records keyed by cache key, the local image store, and which compressed blob unpacks to which layer.
 * Every file is written with temp + rename; builds share the directory under a shared lock that
 * {@code cache prune} takes exclusively.
 */
public final class BuildCache {

    /**
     * What a cached layer step produced: its layer (a null diff ID when it changed nothing) and when it was
     * first made, which becomes the history time so an unchanged rebuild gives the same image digest.
     */
    public record StepRecord(Digest diffId, long size, String createdBy, Instant created) {}

    /** An image in the local store: one platform's config and its layers by diff ID. */
    public record LocalImage(String name, String platform, Digest config, List<Digest> layers, Digest manifest) {}

    private final Path root;
    private final BlobStore blobs;

    public BuildCache(Path root) throws IOException {
        this.root = root.toAbsolutePath();
        Files.createDirectories(this.root);
        this.blobs = new BlobStore(this.root);
    }

    public static Path defaultRoot() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("stagesmith");
    }

    public Path root() {
        return root;
    }

    public BlobStore blobs() {
        return blobs;
    }

    /**
     * The shared locks this process holds, by lock file, with how many builds use each: the JVM refuses a
     * second overlapping lock on one file even when both are shared, so builds in one process (the language
     * server builds several targets at once) share one.
     */
    private static final Map<Path, SharedLock> SHARED = new HashMap<>();

    private static final class SharedLock {
        final FileChannel channel;
        final FileLock lock;
        int users;

        SharedLock(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }
    }

    /** Holds a lock on the cache for the lifetime of the returned handle: shared for builds, exclusive for prune. */
    public AutoCloseable lock(boolean exclusive) throws IOException {
        Path file = root.resolve("lock");
        if (exclusive) {
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.READ);
            FileLock lock = ch.lock(0, Long.MAX_VALUE, false);
            return () -> {
                lock.release();
                ch.close();
            };
        }
        SharedLock shared;
        synchronized (SHARED) {
            shared = SHARED.get(file);
            if (shared == null) {
                FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.READ);
                try {
                    shared = new SharedLock(ch, ch.lock(0, Long.MAX_VALUE, true));
                } catch (IOException | RuntimeException e) {
                    ch.close();
                    throw e;
                }
                SHARED.put(file, shared);
            }
            shared.users++;
        }
        SharedLock held = shared;
        java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
        return () -> {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            synchronized (SHARED) {
                if (--held.users == 0) {
                    SHARED.remove(file);
                    held.lock.release();
                    held.channel.close();
                }
            }
        };
    }

    public Optional<StepRecord> step(Digest key) {
        Path f = root.resolve("steps").resolve(key.hex() + ".json");
        try {
            JsonObject o = CanonicalJson.parseObject(Files.readAllBytes(f), "step record " + f);
            Digest diffId = o.has("diffId") ? Digest.parse(o.get("diffId").getAsString()) : null;
            StepRecord r = new StepRecord(diffId, o.get("size").getAsLong(), o.get("createdBy").getAsString(),
                    Instant.parse(o.get("created").getAsString()));
            return diffId == null || blobs.has(diffId) ? Optional.of(r) : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            // A damaged record is a miss: the step runs again and rewrites it.
            return Optional.empty();
        }
    }

    public void putStep(Digest key, StepRecord r) throws IOException {
        JsonObject o = new JsonObject();
        if (r.diffId() != null) {
            o.addProperty("diffId", r.diffId().toString());
        }
        o.addProperty("size", r.size());
        o.addProperty("created", r.created().toString());
        o.addProperty("createdBy", r.createdBy());
        Atomic.write(root.resolve("steps").resolve(key.hex() + ".json"), CanonicalJson.bytes(o));
    }

    /** The uncompressed layer a compressed blob was unpacked to, if it was. */
    public Optional<Digest> unpacked(Digest compressed) {
        Path f = root.resolve("unpacked").resolve(compressed.hex());
        try {
            Digest d = Digest.parse(Files.readString(f).trim());
            return blobs.has(d) ? Optional.of(d) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public void putUnpacked(Digest compressed, Digest diffId) throws IOException {
        Atomic.write(root.resolve("unpacked").resolve(compressed.hex()), diffId.toString().getBytes());
    }

    /** The compressed (gzip) copy of a layer, for pushes. */
    public Optional<Digest> compressed(Digest diffId) {
        Path f = root.resolve("compressed").resolve(diffId.hex());
        try {
            Digest d = Digest.parse(Files.readString(f).trim());
            return blobs.has(d) ? Optional.of(d) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public void putCompressed(Digest diffId, Digest gzip) throws IOException {
        Atomic.write(root.resolve("compressed").resolve(diffId.hex()), gzip.toString().getBytes());
    }

    public Optional<LocalImage> image(String name, String platform) {
        Path f = imageFile(name, platform);
        try {
            JsonObject o = CanonicalJson.parseObject(Files.readAllBytes(f), "local image " + f);
            List<Digest> layers = new ArrayList<>();
            for (JsonElement e : o.getAsJsonArray("layers")) {
                layers.add(Digest.parse(e.getAsString()));
            }
            LocalImage img = new LocalImage(o.get("name").getAsString(), o.get("platform").getAsString(),
                    Digest.parse(o.get("config").getAsString()), layers, Digest.parse(o.get("manifest").getAsString()));
            if (!blobs.has(img.config()) || !layers.stream().allMatch(blobs::has)) {
                return Optional.empty();
            }
            return Optional.of(img);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public void putImage(LocalImage img) throws IOException {
        JsonObject o = new JsonObject();
        o.addProperty("name", img.name());
        o.addProperty("platform", img.platform());
        o.addProperty("config", img.config().toString());
        o.addProperty("manifest", img.manifest().toString());
        JsonArray layers = new JsonArray();
        img.layers().forEach(d -> layers.add(d.toString()));
        o.add("layers", layers);
        Atomic.write(imageFile(img.name(), img.platform()), CanonicalJson.bytes(o));
    }

    public List<LocalImage> images() throws IOException {
        Path dir = root.resolve("images");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<LocalImage> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                try {
                    JsonObject o = CanonicalJson.parseObject(Files.readAllBytes(f), "local image " + f);
                    image(o.get("name").getAsString(), o.get("platform").getAsString()).ifPresent(out::add);
                } catch (RuntimeException e) {
                    // An unreadable record is not an image; prune removes it.
                }
            }
        }
        return out;
    }

    /** What the cache holds: images in the local store, step records, blobs and their total size. */
    public record Usage(List<LocalImage> images, long steps, long blobs, long bytes) {}

    public Usage usage() throws IOException {
        long[] blobCount = {0};
        long[] bytes = {0};
        try (Stream<Path> files = Files.list(blobs.path(Digest.of("")).getParent())) {
            files.filter(Files::isRegularFile).forEach(f -> {
                blobCount[0]++;
                try {
                    bytes[0] += Files.size(f);
                } catch (IOException e) {
                    // a blob removed meanwhile by a prune
                }
            });
        }
        return new Usage(images(), count(root.resolve("steps")), blobCount[0], bytes[0]);
    }

    /**
     * Removes step records and every blob no local image needs (all of them with {@code all}); images in
     * the local store stay usable offline unless {@code all}. Takes the cache's exclusive lock, so it waits
     * for running builds. Returns the bytes freed.
     */
    public long prune(boolean all) throws IOException {
        try (AutoCloseable lock = lock(true)) {
            java.util.Set<String> keep = new java.util.HashSet<>();
            if (!all) {
                for (LocalImage img : images()) {
                    keep.add(img.config().hex());
                    img.layers().forEach(d -> keep.add(d.hex()));
                }
            } else {
                deleteTree(root.resolve("images"));
            }
            for (String dir : List.of("steps", "stat", "unpacked", "compressed")) {
                deleteTree(root.resolve(dir));
            }
            long freed = 0;
            try (Stream<Path> files = Files.list(blobs.path(Digest.of("")).getParent())) {
                for (Path f : files.toList()) {
                    if (!keep.contains(f.getFileName().toString())) {
                        freed += Files.size(f);
                        Files.deleteIfExists(f);
                    }
                }
            }
            try (Stream<Path> files = Files.list(root)) {
                for (Path f : files.filter(p -> p.getFileName().toString().startsWith(".scratch-")).toList()) {
                    deleteTree(f);
                }
            }
            return freed;
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static long count(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private Path imageFile(String name, String platform) {
        return root.resolve("images").resolve(Digest.of(name + "\n" + platform).hex() + ".json");
    }
}
