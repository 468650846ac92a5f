package dev.stagesmith.engine.oci;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;

/**
 * Passes bytes on while taking their sha256 and counting them, so a blob's digest and size come from exactly
 * the bytes written. Closing it flushes but leaves the caller's stream open.
 */
public final class DigestingOutputStream extends FilterOutputStream {

    private final MessageDigest md = Digest.sha256();
    private long count;

    public DigestingOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        md.update((byte) b);
        count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        md.update(b, off, len);
        count += len;
    }

    public long count() {
        return count;
    }

    /** The digest of everything written; call once, after the last write. */
    public Digest digest() {
        return Digest.of(md);
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
