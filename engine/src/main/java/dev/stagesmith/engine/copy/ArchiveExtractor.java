package dev.stagesmith.engine.copy;

import dev.stagesmith.engine.fs.Content;
import dev.stagesmith.engine.fs.FileEntry;
import dev.stagesmith.engine.layer.TarHeaders;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;

/**
 * ADD's local archive extraction. A file is an archive when its content, after gzip, bzip2, xz or zstd
 * decompression chosen by magic bytes, yields a first tar header (BuildKit's {@code isArchivePath}); the name
 * never matters. Entries keep the archive's mode, owner, mtime, xattrs and links. Files are written to the
 * scratch directory because a compressed stream cannot be sliced. Names are made relative ({@code /} stripped)
 * and may not climb out with {@code ..}, go through a symlink of the same archive, or hard-link outside it.
 * {@code .wh.} names are ordinary files here: BuildKit's untar would apply them as whiteouts, which only
 * matters for archives that are layer tars.
 */
public final class ArchiveExtractor {

    private static final int MAX_MAGIC = 6;

    private ArchiveExtractor() {}

    /** The entries under {@code destDir}, or empty when the content is not a tar archive. */
    public static Optional<List<FileEntry>> extract(Content archive, String destDir, Path scratchDir)
            throws IOException, CopyException {
        if (!isArchive(archive)) {
            return Optional.empty();
        }
        if (scratchDir == null) {
            throw new IllegalStateException("ADD needs a scratch directory to extract archives");
        }
        Map<String, FileEntry> out = new LinkedHashMap<>();
        Map<String, FileEntry> files = new HashMap<>();
        Set<String> symlinks = new HashSet<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(decompressed(archive.open()))) {
            for (TarArchiveEntry t; (t = tar.getNextEntry()) != null; ) {
                String rel = entryPath(t.getName());
                if (rel.isEmpty()) {
                    continue;
                }
                checkNotThroughSymlink(t.getName(), rel, symlinks);
                FileEntry e = toEntry(t, rel, CopyPaths.join(destDir, rel), tar, scratchDir, files, destDir);
                if (e == null) {
                    continue;
                }
                out.put(e.path(), e);
                if (e.type() == FileEntry.Type.SYMLINK) {
                    symlinks.add(rel);
                } else {
                    symlinks.remove(rel);
                }
            }
        }
        return Optional.of(List.copyOf(out.values()));
    }

    /** Whether a first tar header can be read from the (decompressed) content, as Go's {@code tar.Reader.Next}. */
    static boolean isArchive(Content content) throws IOException {
        try (InputStream raw = content.open()) {
            TarArchiveInputStream tar = new TarArchiveInputStream(decompressed(raw));
            return tar.getNextEntry() != null;
        } catch (IOException | RuntimeException notTar) {
            return false;
        }
    }

    private static InputStream decompressed(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 64 * 1024);
        in.mark(MAX_MAGIC);
        byte[] m = in.readNBytes(MAX_MAGIC);
        in.reset();
        if (starts(m, 0x1f, 0x8b)) {
            return new GzipCompressorInputStream(in, true);
        }
        if (starts(m, 'B', 'Z', 'h')) {
            return new BZip2CompressorInputStream(in, true);
        }
        if (starts(m, 0xfd, '7', 'z', 'X', 'Z', 0x00)) {
            return new XZCompressorInputStream(in, true);
        }
        if (starts(m, 0x28, 0xb5, 0x2f, 0xfd)) {
            return new ZstdCompressorInputStream(in);
        }
        return in;
    }

    private static boolean starts(byte[] m, int... magic) {
        if (m.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((m[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static String entryPath(String name) throws CopyException {
        return CopyPaths.clean(name).orElseThrow(() -> new CopyException(
                "archive entry \"" + name + "\" would be extracted outside the destination"));
    }

    private static void checkNotThroughSymlink(String name, String rel, Set<String> symlinks) throws CopyException {
        for (String p = FileEntry.parentOf(rel); !p.isEmpty(); p = FileEntry.parentOf(p)) {
            if (symlinks.contains(p)) {
                throw new CopyException("archive entry \"" + name + "\" would be extracted through the symlink \""
                        + p + "\"");
            }
        }
    }

    private static FileEntry toEntry(TarArchiveEntry t, String rel, String path, InputStream tar, Path scratchDir,
                                     Map<String, FileEntry> files, String destDir) throws IOException, CopyException {
        Optional<FileEntry.Type> type = TarHeaders.typeOf(t);
        if (type.isEmpty()) {
            return null;
        }
        Content content = null;
        String link = "";
        switch (type.get()) {
            case SYMLINK -> link = t.getLinkName();
            case HARDLINK -> {
                Optional<String> target = CopyPaths.clean(t.getLinkName());
                FileEntry partner = target.map(files::get).orElse(null);
                if (partner == null) {
                    throw new CopyException("archive entry \"" + t.getName() + "\" is a hard link to \""
                            + t.getLinkName() + "\", which is not an earlier file of the archive");
                }
                link = CopyPaths.join(destDir, target.get());
                content = partner.content();
            }
            case FILE -> {
                Path file = Files.createTempFile(scratchDir, "add-", ".data");
                long size = Files.copy(tar, file, StandardCopyOption.REPLACE_EXISTING);
                content = Content.ofFile(file, size);
            }
            default -> { }
        }
        FileEntry e = TarHeaders.entry(t, path, type.get(), link, content);
        if (type.get() == FileEntry.Type.FILE) {
            files.put(rel, e);
        }
        return e;
    }
}
