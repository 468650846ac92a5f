package dev.stagesmith.engine.image;

import dev.stagesmith.engine.oci.CanonicalJson;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes one tar that is both an OCI archive ({@code oci-layout}, {@code index.json}, blobs) and a
 * {@code docker save} archive ({@code manifest.json} pointing at the same blobs), as Docker 25 does, so
 * {@code docker load}, {@code podman load} and {@code skopeo oci-archive:} all take it. The tar is the same
 * bytes for the same image: sorted entries, fixed modes, owners and times, no per-file PAX records.
 */
public final class ArchiveWriter {

    private ArchiveWriter() {}

    /**
     * Writes {@code file} via a temp file in the same directory renamed at the end; on failure nothing is left.
     *
     * @param imageName the name {@code docker load} tags the image with; {@code :latest} is added if it has no tag
     */
    public static void write(Path file, BuiltImage image, String refName, String imageName) throws IOException {
        if (refName == null || refName.isEmpty()) {
            throw new IllegalArgumentException("an OCI archive entry needs a non-empty ref name (tag)");
        }
        String repoTag = ImageNames.withTag(imageName);
        Path target = file.toAbsolutePath().normalize();
        if (Files.isDirectory(target)) {
            throw new IOException(target + " is a directory; an image archive must be written to a file path");
        }
        for (LayerBlob l : image.layers()) {
            if (Files.size(l.file()) != l.descriptor().size()) {
                throw new IOException("layer file " + l.file() + " has " + Files.size(l.file())
                        + " bytes but its descriptor says " + l.descriptor().size() + " (" + l.descriptor().digest()
                        + "); the layer cache is damaged");
            }
        }
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                writeTar(out, entries(image, refName, repoTag));
            }
            OciLayoutWriter.move(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Every archive entry by name; a name ending in '/' is a directory. Sorted, so the order is fixed. */
    private static TreeMap<String, Source> entries(BuiltImage image, String refName, String repoTag) {
        TreeMap<String, Source> e = new TreeMap<>();
        e.put("blobs/", null);
        e.put("blobs/sha256/", null);
        image.layers().forEach(l -> e.put(LayoutJson.blobPath(l.descriptor()), new Source.FromFile(l.file())));
        e.put(LayoutJson.blobPath(image.config()), new Source.Bytes(image.configBytes()));
        e.put(LayoutJson.blobPath(image.manifest()), new Source.Bytes(image.manifestBytes()));
        e.put(LayoutJson.OCI_LAYOUT, new Source.Bytes(LayoutJson.ociLayout()));
        e.put(LayoutJson.INDEX, new Source.Bytes(CanonicalJson.bytes(LayoutJson.withEntry(LayoutJson.emptyIndex(),
                refName, LayoutJson.indexEntry(image, refName, repoTag)))));
        e.put(LayoutJson.DOCKER_MANIFEST, new Source.Bytes(LayoutJson.dockerManifest(image, repoTag)));
        return e;
    }

    private static void writeTar(OutputStream out, Map<String, Source> entries) throws IOException {
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        for (Map.Entry<String, Source> e : entries.entrySet()) {
            Source src = e.getValue();
            // The String constructor reads nothing from disk; the Path one adds atime/ctime PAX records.
            TarArchiveEntry t = new TarArchiveEntry(e.getKey());
            t.setMode(src == null ? 040755 : 0100644);
            t.setSize(src == null ? 0 : src.size());
            t.setUserId(0);
            t.setGroupId(0);
            t.setUserName("");
            t.setGroupName("");
            t.setModTime(0);
            tar.putArchiveEntry(t);
            if (src != null) {
                long copied = src.copyTo(tar);
                if (copied != t.getSize()) {
                    throw new IOException(e.getKey() + " changed size while the archive was written");
                }
            }
            tar.closeArchiveEntry();
        }
        tar.finish();
        tar.flush();
    }

    /** Where an archive member's bytes come from. */
    private sealed interface Source {
        long size() throws IOException;

        long copyTo(OutputStream out) throws IOException;

        record Bytes(byte[] bytes) implements Source {
            @Override
            public long size() {
                return bytes.length;
            }

            @Override
            public long copyTo(OutputStream out) throws IOException {
                out.write(bytes);
                return bytes.length;
            }
        }

        record FromFile(Path file) implements Source {
            @Override
            public long size() throws IOException {
                return Files.size(file);
            }

            @Override
            public long copyTo(OutputStream out) throws IOException {
                return Files.copy(file, out);
            }
        }
    }
}
