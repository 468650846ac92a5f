package dev.stagesmith.engine.context;

import dev.stagesmith.engine.oci.Digest;
import dev.stagesmith.engine.store.Atomic;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Content digests of context files, with a stat cache: a file whose size, mtime (ns), inode and ctime are
 * what they were when it was last hashed is not read again. The digest is always of the content, so a file
 * that is only touched gets a new stat entry but the same digest, and cache keys never see an mtime.
 */
public final class ContentHasher {

    private static final int FORMAT = 1;

    private record Known(long size, long mtimeNanos, String fileKey, long ctimeNanos, Digest digest) {}

    private final Path file;
    private final Map<String, Known> known = new ConcurrentHashMap<>();
    private volatile boolean dirty;

    private ContentHasher(Path file) {
        this.file = file;
    }

    /** Opens the stat cache for one context directory; a missing or unreadable cache starts empty. */
    public static ContentHasher open(Path cacheDir, Path contextRoot) {
        Path f = cacheDir.resolve("stat").resolve(Digest.of(contextRoot.toAbsolutePath().toString()).hex());
        ContentHasher h = new ContentHasher(f);
        h.load();
        return h;
    }

    /** Digests of these context files (context-relative paths), read in parallel where not known. */
    public Map<String, Digest> digests(BuildContext context, Collection<String> paths) throws IOException {
        Map<String, Digest> out = new ConcurrentHashMap<>();
        try {
            (paths.size() > 64 ? paths.parallelStream() : paths.stream()).forEach(p -> {
                try {
                    out.put(p, digest(context, p));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new HashMap<>(out);
    }

    public Digest digest(BuildContext context, String path) throws IOException {
        BuildContext.Stat st = context.stat(path);
        if (st == null) {
            throw new NoSuchFileException(path, null, "not a regular file of the build context");
        }
        String key = String.valueOf(st.fileKey());
        Known k = known.get(path);
        if (k != null && k.size() == st.size() && k.mtimeNanos() == st.mtimeNanos() && k.fileKey().equals(key)
                && k.ctimeNanos() == st.ctimeNanos()) {
            return k.digest();
        }
        Digest d;
        try (InputStream in = Files.newInputStream(context.root().resolve(path))) {
            d = Digest.of(in);
        }
        known.put(path, new Known(st.size(), st.mtimeNanos(), key, st.ctimeNanos(), d));
        dirty = true;
        return d;
    }

    /** Writes the stat cache back (temp file + rename), if anything changed. Failure only costs speed. */
    public void save() {
        if (!dirty) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), ".stat-", ".tmp");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
                out.writeInt(FORMAT);
                out.writeInt(known.size());
                for (Map.Entry<String, Known> e : known.entrySet()) {
                    Known k = e.getValue();
                    out.writeUTF(e.getKey());
                    out.writeLong(k.size());
                    out.writeLong(k.mtimeNanos());
                    out.writeUTF(k.fileKey());
                    out.writeLong(k.ctimeNanos());
                    out.writeUTF(k.digest().hex());
                }
            }
            try {
                Atomic.move(tmp, file);
            } finally {
                Files.deleteIfExists(tmp);
            }
            dirty = false;
        } catch (IOException e) {
            // A stat cache that cannot be written only means hashing again next time.
        }
    }

    private void load() {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != FORMAT) {
                return;
            }
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                String path = in.readUTF();
                known.put(path, new Known(in.readLong(), in.readLong(), in.readUTF(), in.readLong(),
                        new Digest(in.readUTF())));
            }
        } catch (IOException | IllegalArgumentException e) {
            // A truncated or foreign file: start empty, every file is hashed once more.
            known.clear();
        }
    }
}
