package dev.stagesmith.engine.fs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Where a regular file's bytes come from: a file on disk, a slice of a stored layer tar, or memory. */
public sealed interface Content {

    InputStream open() throws IOException;

    long size();

    static Content ofFile(Path file, long size) {
        return new OnDisk(file, size);
    }

    static Content ofBytes(byte[] bytes) {
        return new InMemory(bytes);
    }

    static Content ofSlice(Path file, long offset, long size) {
        return new Slice(file, offset, size);
    }

    /** A file in the build context or a download. */
    record OnDisk(Path file, long size) implements Content {
        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(file);
        }
    }

    /** A heredoc body or a generated file. */
    record InMemory(byte[] bytes) implements Content {
        @Override
        public InputStream open() {
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public long size() {
            return bytes.length;
        }
    }

    /** A file inside an uncompressed layer tar in the blob store: read in place, never extracted. */
    record Slice(Path file, long offset, long size) implements Content {
        @Override
        public InputStream open() throws IOException {
            FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
            ch.position(offset);
            InputStream raw = Channels.newInputStream(ch);
            return new InputStream() {
                long left = size;

                @Override
                public int read() throws IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    int b = raw.read();
                    if (b >= 0) {
                        left--;
                    }
                    return b;
                }

                @Override
                public int read(byte[] buf, int off, int len) throws IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    int n = raw.read(buf, off, (int) Math.min(len, left));
                    if (n > 0) {
                        left -= n;
                    }
                    return n;
                }

                @Override
                public void close() throws IOException {
                    ch.close();
                }
            };
        }
    }
}
