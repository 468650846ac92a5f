package dev.stagesmith.engine.image;

import com.google.gson.JsonObject;
import dev.stagesmith.engine.oci.CanonicalJson;
import dev.stagesmith.engine.oci.Descriptor;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Writes an image into an OCI image layout directory, creating it or adding to one that exists. A reader never
 * sees a half-written layout: a new layout is built beside the target and renamed into place, and in an
 * existing one every blob and the index arrive by rename, blobs before the index that names them.
 */
public final class OciLayoutWriter {

    /** File locks are per process, so threads of this JVM also need a monitor per layout. */
    private static final Map<Path, Object> IN_PROCESS = new ConcurrentHashMap<>();

    private OciLayoutWriter() {}

    /**
     * Writes {@code image} tagged {@code refName} (the tag {@code oci:DIR:refName} finds) and named
     * {@code imageName}; an existing entry with the same tag is replaced, other entries are kept.
     * A directory that exists, is not empty and has no {@code oci-layout} file is refused, not overwritten.
     */
    public static void write(Path dir, BuiltImage image, String refName, String imageName) throws IOException {
        if (refName == null || refName.isEmpty()) {
            throw new IllegalArgumentException("an OCI layout entry needs a non-empty ref name (tag)");
        }
        String name = ImageNames.withTag(imageName);
        Path target = dir.toAbsolutePath().normalize();
        if (Files.isDirectory(target)) {
            addTo(target, image, refName, name);
            return;
        }
        if (Files.exists(target)) {
            throw new IOException(target + " exists and is not a directory; choose another output for the OCI layout");
        }
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".tmp-");
        try {
            fill(tmp, image, refName, name);
            readableByAll(tmp, "rwxr-xr-x");
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileSystemException e) {
                // The JDK reports rename's ENOTEMPTY as a plain FileSystemException, so look at the target.
                if (!Files.isDirectory(target)) {
                    throw e;
                }
                // Another build created the layout meanwhile: join it instead of failing.
                addTo(target, image, refName, name);
            }
        } finally {
            deleteTree(tmp);
        }
    }

    /**
     * Adds to an existing directory. Writers of one layout take turns (a lock on its {@code oci-layout} file,
     * which is never replaced), so two builds tagging different stages both end up in index.json.
     */
    private static void addTo(Path dir, BuiltImage image, String refName, String imageName) throws IOException {
        requireLayout(dir);
        try {
            Files.write(dir.resolve(LayoutJson.OCI_LAYOUT), LayoutJson.ociLayout(), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException alreadyALayout) {
            // Keep it: its inode is what other writers lock.
        }
        Path lockFile = dir.resolve(LayoutJson.OCI_LAYOUT).toRealPath();
        synchronized (IN_PROCESS.computeIfAbsent(lockFile, k -> new Object())) {
            FileChannel ch;
            try {
                ch = FileChannel.open(lockFile, StandardOpenOption.WRITE);
            } catch (AccessDeniedException readOnly) {
                // Someone else's read-only layout we may still add to: only this process is serialized then.
                fill(dir, image, refName, imageName);
                return;
            }
            try (ch; FileLock ignored = ch.lock()) {
                fill(dir, image, refName, imageName);
            }
        }
    }

    private static void requireLayout(Path dir) throws IOException {
        if (Files.isRegularFile(dir.resolve(LayoutJson.OCI_LAYOUT))) {
            return;
        }
        try (Stream<Path> s = Files.list(dir)) {
            if (s.findAny().isPresent()) {
                throw new IOException(dir + " is not empty and is not an OCI layout (no " + LayoutJson.OCI_LAYOUT
                        + " file); refusing to write into it. Choose an empty or new directory.");
            }
        }
    }

    private static void fill(Path dir, BuiltImage image, String refName, String imageName) throws IOException {
        Path blobs = Files.createDirectories(dir.resolve("blobs").resolve("sha256"));
        for (LayerBlob layer : image.layers()) {
            LayoutBlobs.link(layer.file(), blobs, layer.descriptor());
        }
        LayoutBlobs.put(image.configBytes(), blobs, image.config());
        LayoutBlobs.put(image.manifestBytes(), blobs, image.manifest());
        if (!Files.isRegularFile(dir.resolve(LayoutJson.OCI_LAYOUT))) {
            replace(dir.resolve(LayoutJson.OCI_LAYOUT), LayoutJson.ociLayout());
        }
        JsonObject index = readIndex(dir);
        JsonObject entry = LayoutJson.indexEntry(image, refName, imageName);
        replace(dir.resolve(LayoutJson.INDEX), CanonicalJson.bytes(LayoutJson.withEntry(index, refName, entry)));
    }

    private static JsonObject readIndex(Path dir) throws IOException {
        Path index = dir.resolve(LayoutJson.INDEX);
        if (!Files.exists(index)) {
            return LayoutJson.emptyIndex();
        }
        try {
            return CanonicalJson.parseObject(Files.readAllBytes(index), index.toString());
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage() + "; fix or remove the file before writing to this layout", e);
        }
    }

    /** Writes a small file beside its target and renames it over, so readers see the old or the new bytes. */
    static void replace(Path file, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName() + ".", ".tmp");
        try {
            Files.write(tmp, bytes);
            readableByAll(tmp, "rw-r--r--");
            move(tmp, file);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Temp files and dirs are private (0600/0700); a layout is meant to be read by other users' tools. */
    private static void readableByAll(Path p, String perms) throws IOException {
        if (Files.getFileStore(p).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
        }
    }

    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.deleteIfExists(p);
                } catch (FileSystemException ignored) {
                    // Best effort: the primary failure is what the caller needs to see.
                }
            }
        }
    }

    /** Blob files of a layout, content-addressed: a blob already present with the right size is kept. */
    static final class LayoutBlobs {

        private LayoutBlobs() {}

        /** Hard-links a layer file from the cache (nearly free on one file system); copies it otherwise. */
        static void link(Path source, Path blobs, Descriptor d) throws IOException {
            Path target = blobs.resolve(d.digest().hex());
            if (present(target, d)) {
                return;
            }
            Path tmp = blobs.resolve("." + d.digest().hex() + ".tmp-" + ProcessHandle.current().pid() + "-"
                    + Thread.currentThread().getId());
            Files.deleteIfExists(tmp);
            try {
                try {
                    Files.createLink(tmp, source);
                } catch (UnsupportedOperationException | IOException crossDeviceOrUnsupported) {
                    Files.copy(source, tmp, StandardCopyOption.REPLACE_EXISTING);
                }
                if (Files.size(tmp) != d.size()) {
                    throw new IOException("layer file " + source + " has " + Files.size(tmp)
                            + " bytes but its descriptor says " + d.size() + " (" + d.digest() + ")");
                }
                move(tmp, target);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }

        static void put(byte[] bytes, Path blobs, Descriptor d) throws IOException {
            Path target = blobs.resolve(d.digest().hex());
            if (!present(target, d)) {
                replace(target, bytes);
            }
        }

        private static boolean present(Path target, Descriptor d) throws IOException {
            return Files.isRegularFile(target) && Files.size(target) == d.size();
        }
    }
}
