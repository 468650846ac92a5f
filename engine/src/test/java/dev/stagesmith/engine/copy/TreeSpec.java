package dev.stagesmith.engine.copy;

import dev.stagesmith.engine.fs.Content;
import dev.stagesmith.engine.fs.FileEntry;
import dev.stagesmith.engine.fs.FileTree;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Compact text for trees and layers in tests. Lines: {@code d app/ [0755] [uid:gid]},
 * {@code f app/a.txt [0644] [uid:gid] [content...]}, {@code l link -> target [uid:gid]},
 * {@code h copy -> original}. Every entry gets mtime {@link #MTIME}.
 */
final class TreeSpec {

    static final long MTIME = 100;

    private TreeSpec() {}

    static FileTree tree(String... lines) {
        List<FileEntry> entries = new ArrayList<>();
        for (String line : lines) {
            entries.add(entry(line));
        }
        return FileTree.empty().apply(entries);
    }

    static FileEntry entry(String line) {
        String[] w = line.trim().split(" ", -1);
        String path = w[1].replaceAll("/+$", "");
        int i = 2;
        if (w[0].equals("l") || w[0].equals("h")) {
            String target = w[3];
            int[] owner = w.length > 4 ? owner(w[4]) : new int[2];
            if (w[0].equals("l")) {
                return FileEntry.symlink(path, target, owner[0], owner[1], MTIME);
            }
            return new FileEntry(path, FileEntry.Type.HARDLINK, 0644, owner[0], owner[1], MTIME, target, 0, 0,
                    Map.of(), null);
        }
        int mode = w[0].equals("d") ? 0755 : 0644;
        if (i < w.length && w[i].matches("0[0-7]+")) {
            mode = Integer.parseInt(w[i++], 8);
        }
        int[] owner = new int[2];
        if (i < w.length && w[i].matches("\\d+:\\d+")) {
            owner = owner(w[i++]);
        }
        if (w[0].equals("d")) {
            return FileEntry.dir(path, mode, owner[0], owner[1], MTIME);
        }
        String body = String.join(" ", List.of(w).subList(Math.min(i, w.length), w.length));
        return FileEntry.file(path, mode, owner[0], owner[1], MTIME,
                Content.ofBytes(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static int[] owner(String s) {
        String[] p = s.split(":");
        return new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1])};
    }

    /** Entries as sorted lines: {@code f path mode uid:gid content}, {@code d path mode uid:gid}, {@code l path -> t uid:gid}. */
    static List<String> render(Collection<FileEntry> entries) {
        List<String> out = new ArrayList<>();
        for (FileEntry e : entries) {
            String owner = e.uid() + ":" + e.gid();
            String mode = String.format("%04o", e.mode());
            out.add(switch (e.type()) {
                case DIR -> "d " + e.path() + " " + mode + " " + owner;
                case SYMLINK -> "l " + e.path() + " -> " + e.linkTarget() + " " + owner;
                case HARDLINK -> "h " + e.path() + " -> " + e.linkTarget() + " " + owner;
                case FILE -> ("f " + e.path() + " " + mode + " " + owner + " " + text(e)).trim();
                default -> e.type() + " " + e.path();
            });
        }
        out.sort(null);
        return out;
    }

    static String text(FileEntry e) {
        try (InputStream in = e.content().open()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
    }
}
