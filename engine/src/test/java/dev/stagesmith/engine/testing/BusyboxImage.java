package dev.stagesmith.engine.testing;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.stagesmith.engine.fs.Content;
import dev.stagesmith.engine.fs.FileEntry;
import dev.stagesmith.engine.image.BuiltImage;
import dev.stagesmith.engine.image.LayerBlob;
import dev.stagesmith.engine.layer.LayerWriter;
import dev.stagesmith.engine.oci.CanonicalJson;
import dev.stagesmith.engine.oci.Descriptor;
import dev.stagesmith.engine.oci.Digest;
import dev.stagesmith.engine.oci.MediaTypes;
import dev.stagesmith.engine.registry.ImageReference;
import dev.stagesmith.engine.registry.PushRequest;
import dev.stagesmith.engine.registry.RegistryClient;
import dev.stagesmith.engine.registry.RegistryOptions;
import dev.stagesmith.grammar.stages.Platform;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.zip.GZIPOutputStream;

/**
 * A busybox base image for end-to-end builds, pushed to a test registry: busybox-static with the given
 * applets as symlinks, users root and app (1000), and a second layer that whites out junk/delete-me.txt.
 */
public final class BusyboxImage {

    private BusyboxImage() {}

    /** Every applet the installed busybox has. */
    public static List<String> allApplets() throws Exception {
        Path busybox = busybox();
        Process p = new ProcessBuilder(busybox.toString(), "--list").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return Arrays.stream(out.split("\n")).map(String::strip)
                .filter(a -> !a.isEmpty() && !a.equals("busybox")).toList();
    }

    private static Path busybox() {
        Path busybox = Path.of("/bin/busybox");
        return Files.isExecutable(busybox) ? busybox : RequiredTool.find("busybox", "busybox-static");
    }

    public static void push(String reference, Path dockerConfigDir, Path work, List<String> applets) throws Exception {
        Path busybox = busybox();
        List<FileEntry> root = new ArrayList<>(List.of(
                FileEntry.dir("bin", 0755, 0, 0, 0),
                FileEntry.file("bin/busybox", 0755, 0, 0, 0, Content.ofFile(busybox, Files.size(busybox)))));
        for (String applet : applets) {
            root.add(FileEntry.symlink("bin/" + applet, "busybox", 0, 0, 0));
        }
        root.addAll(List.of(
                FileEntry.dir("etc", 0755, 0, 0, 0),
                FileEntry.file("etc/passwd", 0644, 0, 0, 0,
                        text("root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000:app:/home/app:/bin/sh\n")),
                FileEntry.file("etc/group", 0644, 0, 0, 0, text("root:x:0:\napp:x:1000:\n")),
                FileEntry.dir("home", 0755, 0, 0, 0),
                FileEntry.dir("home/app", 0755, 1000, 1000, 0),
                FileEntry.dir("root", 0700, 0, 0, 0),
                FileEntry.dir("tmp", 01777, 0, 0, 0),
                FileEntry.dir("junk", 0755, 0, 0, 0),
                FileEntry.file("junk/delete-me.txt", 0644, 0, 0, 0, text("deleted by the next layer\n")),
                FileEntry.file("junk/keep-me.txt", 0644, 0, 0, 0, text("kept\n"))));
        List<FileEntry> top = List.of(FileEntry.dir("junk", 0755, 0, 0, 0), FileEntry.whiteout("junk/delete-me.txt"));

        Path blobs = Files.createDirectories(work.resolve("base-blobs-" + System.nanoTime()));
        List<LayerBlob> layers = new ArrayList<>();
        JsonArray diffIds = new JsonArray();
        for (List<FileEntry> entries : List.of(root, top)) {
            ByteArrayOutputStream tar = new ByteArrayOutputStream();
            LayerWriter.Result r = LayerWriter.write(entries, tar, OptionalLong.empty());
            diffIds.add(r.diffId().toString());
            ByteArrayOutputStream gz = new ByteArrayOutputStream();
            try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
                out.write(tar.toByteArray());
            }
            byte[] bytes = gz.toByteArray();
            Digest d = Digest.of(bytes);
            Files.write(blobs.resolve(d.hex()), bytes);
            layers.add(new LayerBlob(new Descriptor(MediaTypes.OCI_LAYER_GZIP, d, bytes.length), blobs.resolve(d.hex())));
        }
        JsonObject config = new JsonObject();
        config.addProperty("created", "2024-01-01T00:00:00Z");
        config.addProperty("architecture", Platform.host().arch());
        config.addProperty("os", "linux");
        Platform.host().variant().ifPresent(v -> config.addProperty("variant", v));
        JsonObject inner = new JsonObject();
        JsonArray env = new JsonArray();
        env.add("PATH=/bin");
        inner.add("Env", env);
        JsonArray cmd = new JsonArray();
        cmd.add("sh");
        inner.add("Cmd", cmd);
        config.add("config", inner);
        JsonObject rootfs = new JsonObject();
        rootfs.addProperty("type", "layers");
        rootfs.add("diff_ids", diffIds);
        config.add("rootfs", rootfs);
        BuiltImage image = BuiltImage.assemble(CanonicalJson.bytes(config), layers);
        Files.write(blobs.resolve(image.config().digest().hex()), image.configBytes());
        List<Descriptor> all = new ArrayList<>();
        all.add(image.config());
        layers.forEach(l -> all.add(l.descriptor()));
        new RegistryClient(RegistryOptions.defaults().withDockerConfigDir(dockerConfigDir)).push(
                ImageReference.parse(reference),
                new PushRequest(image.manifestBytes(), MediaTypes.OCI_MANIFEST, all, d -> blobs.resolve(d.hex())),
                n -> { });
    }

    private static Content text(String s) {
        return Content.ofBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
