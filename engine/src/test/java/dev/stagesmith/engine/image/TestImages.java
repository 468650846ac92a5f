package dev.stagesmith.engine.image;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.stagesmith.engine.fs.Content;
import dev.stagesmith.engine.fs.FileEntry;
import dev.stagesmith.engine.layer.LayerWriter;
import dev.stagesmith.engine.oci.CanonicalJson;
import dev.stagesmith.engine.oci.Descriptor;
import dev.stagesmith.engine.oci.Digest;
import dev.stagesmith.engine.oci.MediaTypes;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** Builds small real images for the image-format tests: layer tars on disk, configs that satisfy the invariants. */
final class TestImages {

    /** A layer written to disk: the blob and the diff ID of its uncompressed tar. */
    record Layer(LayerBlob blob, Digest diffId) {}

    private TestImages() {}

    static Content text(String s) {
        return Content.ofBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes an uncompressed layer; its blob digest is its diff ID. */
    static Layer tar(Path dir, String name, List<FileEntry> entries) throws IOException {
        Path file = dir.resolve(name + ".tar");
        LayerWriter.Result r;
        try (OutputStream out = Files.newOutputStream(file)) {
            r = LayerWriter.write(entries, out, OptionalLong.empty());
        }
        return new Layer(new LayerBlob(new Descriptor(MediaTypes.OCI_LAYER, r.diffId(), r.size()), file), r.diffId());
    }

    /** Gzips an uncompressed layer next to it; the diff ID stays that of the tar. */
    static Layer gzip(Layer tar) throws IOException {
        Path file = tar.blob().file().resolveSibling(tar.blob().file().getFileName() + ".gz");
        Descriptor d;
        try (OutputStream out = Files.newOutputStream(file)) {
            d = LayerCompressor.gzip(tar.blob().file(), out);
        }
        return new Layer(new LayerBlob(d, file), tar.diffId());
    }

    /** A one-layer image with a one-file layer, in {@code dir}. */
    static BuiltImage small(Path dir, String content) throws IOException {
        Layer l = tar(dir, "small-" + Math.abs(content.hashCode()), List.of(
                FileEntry.file("hello.txt", 0644, 0, 0, 0, text(content))));
        return BuiltImage.assemble(config(List.of(l.diffId()), List.of("COPY hello.txt /")), List.of(l.blob()));
    }

    /** A minimal valid config: one non-empty history entry per diff ID. */
    static byte[] config(List<Digest> diffIds, List<String> createdBy) {
        JsonObject c = new JsonObject();
        c.addProperty("architecture", "amd64");
        c.addProperty("os", "linux");
        JsonArray history = new JsonArray();
        for (String step : createdBy) {
            JsonObject h = new JsonObject();
            h.addProperty("created_by", step);
            history.add(h);
        }
        c.add("history", history);
        c.add("rootfs", rootfs(diffIds));
        return CanonicalJson.bytes(c);
    }

    static JsonObject rootfs(List<Digest> diffIds) {
        JsonObject rootfs = new JsonObject();
        rootfs.addProperty("type", "layers");
        JsonArray ids = new JsonArray();
        diffIds.forEach(d -> ids.add(d.toString()));
        rootfs.add("diff_ids", ids);
        return rootfs;
    }

    static List<Digest> diffIds(List<Layer> layers) {
        List<Digest> out = new ArrayList<>();
        layers.forEach(l -> out.add(l.diffId()));
        return out;
    }
}
