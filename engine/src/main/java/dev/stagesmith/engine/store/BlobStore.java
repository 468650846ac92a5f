package dev.stagesmith.engine.store;

import dev.stagesmith.engine.oci.Digest;
import dev.stagesmith.engine.oci.DigestingOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Content-addressed blobs under {@code <root>/blobs/sha256/<hex>}. Every write goes to a temp file in the same
 * directory and is renamed into place once its digest is known, so a killed build never leaves a blob whose
 * name lies about its bytes, and two builds writing the same blob do not disturb each other.
 */
public final class BlobStore {

    private final Path dir;

    public BlobStore(Path root) throws IOException {
        this.dir = root.resolve("blobs").resolve("sha256");
        Files.createDirectories(dir);
    }

    public Path path(Digest digest) {
        return dir.resolve(digest.hex());
    }

    public boolean has(Digest digest) {
        return Files.isRegularFile(path(digest));
    }

    public byte[] read(Digest digest) throws IOException {
        return Files.readAllBytes(path(digest));
    }

    public Digest put(byte[] bytes) throws IOException {
        Digest d = Digest.of(bytes);
        if (!has(d)) {
            try (Writer w = writer()) {
                w.write(bytes);
                w.commit(Optional.of(d));
            }
        }
        return d;
    }

    /** Streams a blob in; when {@code expected} is given a different digest is an error and nothing is kept. */
    public Digest put(InputStream in, Optional<Digest> expected) throws IOException {
        try (Writer w = writer()) {
            in.transferTo(w);
            return w.commit(expected);
        }
    }

    /** A temp file that becomes a blob on {@link Writer#commit}; closing without commit deletes it. */
    public Writer writer() throws IOException {
        Path tmp = Files.createTempFile(dir, ".incoming-", ".tmp");
        return new Writer(tmp, Files.newOutputStream(tmp));
    }

    /** A blob being written. */
    public final class Writer extends FilterOutputStream {
        private final Path tmp;
        private final OutputStream file;
        private final DigestingOutputStream digesting;
        private boolean committed;

        private Writer(Path tmp, OutputStream file) {
            this(tmp, file, new DigestingOutputStream(file));
        }

        private Writer(Path tmp, OutputStream file, DigestingOutputStream digesting) {
            super(digesting);
            this.tmp = tmp;
            this.file = file;
            this.digesting = digesting;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        public long size() {
            return digesting.count();
        }

        /** Moves the bytes into place under their digest and returns it. */
        public Digest commit(Optional<Digest> expected) throws IOException {
            file.close();
            Digest actual = digesting.digest();
            if (expected.isPresent() && !expected.get().equals(actual)) {
                throw new DigestMismatchException(expected.get(), actual);
            }
            Path target = path(actual);
            if (!Files.exists(target)) {
                // Another build may have stored the same bytes meanwhile; replacing them changes nothing.
                Atomic.move(tmp, target);
            }
            committed = true;
            return actual;
        }

        @Override
        public void close() throws IOException {
            try {
                file.close();
            } finally {
                if (!committed || Files.exists(tmp)) {
                    Files.deleteIfExists(tmp);
                }
            }
        }
    }

    /** Bytes that do not hash to the digest they were fetched or stored under. */
    public static final class DigestMismatchException extends IOException {
        public DigestMismatchException(Digest expected, Digest actual) {
            super("content does not match its digest: expected " + expected + ", got " + actual);
        }
    }
}
