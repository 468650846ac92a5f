package dev.stagesmith.engine.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.stagesmith.engine.fs.FileEntry;
import dev.stagesmith.engine.oci.CanonicalJson;
import dev.stagesmith.engine.testing.RequiredTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the formats with the tools users will point at them: skopeo and podman for interoperability, umoci as
 * the strict oracle (it checks blob digests and diff IDs, and applies whiteouts the way a runtime would).
 */
class ImageFormatIT {

    private static final String NAME = "localhost/stagesmith-it:1";

    @TempDir
    Path work;

    private Path skopeo;
    private BuiltImage plain;
    private BuiltImage gzipped;

    @BeforeEach
    void buildImages() throws IOException {
        skopeo = RequiredTool.find("skopeo", "skopeo");
        Path cache = Files.createDirectory(work.resolve("cache"));
        TestImages.Layer base = TestImages.tar(cache, "base", List.of(
                FileEntry.dir("app", 0755, 0, 0, 0),
                FileEntry.file("app/old.txt", 0644, 0, 0, 0, TestImages.text("old\n")),
                FileEntry.dir("app/bin", 0755, 0, 0, 0),
                FileEntry.file("app/bin/tool", 0755, 1000, 1000, 0, TestImages.text("#!/bin/sh\necho tool\n")),
                FileEntry.symlink("app/tool-link", "bin/tool", 0, 0, 0),
                FileEntry.file("app/bin/suid", 04755, 0, 0, 0, TestImages.text("suid\n")),
                FileEntry.dir("data", 0755, 0, 0, 0),
                FileEntry.file("data/lower.txt", 0644, 0, 0, 0, TestImages.text("lower\n")),
                FileEntry.dir("data/sub", 0755, 0, 0, 0),
                FileEntry.file("data/sub/deep.txt", 0644, 0, 0, 0, TestImages.text("deep\n"))));
        TestImages.Layer top = TestImages.tar(cache, "top", List.of(
                FileEntry.dir("app", 0755, 0, 0, 0),
                FileEntry.whiteout("app/old.txt"),
                FileEntry.dir("data", 0755, 0, 0, 0),
                FileEntry.opaque("data"),
                FileEntry.file("data/new", 0600, 1000, 1000, 0, TestImages.text("new\n"))));
        byte[] config = config(TestImages.diffIds(List.of(base, top)));
        plain = BuiltImage.assemble(config, List.of(base.blob(), top.blob()));
        gzipped = BuiltImage.assemble(config,
                List.of(TestImages.gzip(base).blob(), TestImages.gzip(top).blob()));
    }

    private static byte[] config(List<dev.stagesmith.engine.oci.Digest> diffIds) {
        JsonObject c = new JsonObject();
        c.addProperty("architecture", "amd64");
        c.addProperty("os", "linux");
        c.addProperty("created", "1970-01-01T00:00:00Z");
        JsonObject cfg = new JsonObject();
        cfg.add("Cmd", strings("/app/bin/tool", "--serve"));
        cfg.add("Env", strings("PATH=/usr/bin:/bin", "GREETING=a=b"));
        cfg.addProperty("WorkingDir", "/app");
        cfg.addProperty("User", "1000:1000");
        JsonObject labels = new JsonObject();
        labels.addProperty("org.example.name", "demo");
        cfg.add("Labels", labels);
        JsonObject ports = new JsonObject();
        ports.add("8080/tcp", new JsonObject());
        cfg.add("ExposedPorts", ports);
        c.add("config", cfg);
        JsonArray history = new JsonArray();
        history.add(step("COPY app /app", false));
        history.add(step("WORKDIR /app", true));
        history.add(step("RUN rm /app/old.txt && ...", false));
        c.add("history", history);
        c.add("rootfs", TestImages.rootfs(diffIds));
        return CanonicalJson.bytes(c);
    }

    private static JsonObject step(String createdBy, boolean empty) {
        JsonObject h = new JsonObject();
        h.addProperty("created", "1970-01-01T00:00:00Z");
        h.addProperty("created_by", createdBy);
        if (empty) {
            h.addProperty("empty_layer", true);
        }
        return h;
    }

    private static JsonArray strings(String... values) {
        JsonArray a = new JsonArray();
        for (String v : values) {
            a.add(v);
        }
        return a;
    }

    private Path layout() throws IOException {
        Path dir = work.resolve("layout");
        OciLayoutWriter.write(dir, plain, "plain", NAME);
        OciLayoutWriter.write(dir, gzipped, "gzip", NAME);
        return dir;
    }

    private String run(String... command) throws IOException, InterruptedException {
        return Commands.run(work, Map.of(), command);
    }

    @Test
    void skopeoReadsBothVariantsOfTheLayout() throws Exception {
        Path dir = layout();
        for (String ref : List.of("plain", "gzip")) {
            BuiltImage image = ref.equals("plain") ? plain : gzipped;
            JsonObject inspect = json(run(skopeo.toString(), "inspect", "oci:" + dir + ":" + ref));
            assertEquals(image.manifest().digest().toString(), inspect.get("Digest").getAsString(), ref);
            assertEquals(2, inspect.getAsJsonArray("Layers").size(), ref);
            assertEquals(image.layers().get(1).descriptor().digest().toString(),
                    inspect.getAsJsonArray("Layers").get(1).getAsString(), ref);
            JsonObject config = json(run(skopeo.toString(), "inspect", "--config", "oci:" + dir + ":" + ref))
                    .getAsJsonObject("config");
            assertEquals(strings("/app/bin/tool", "--serve"), config.get("Cmd"));
            assertEquals(strings("PATH=/usr/bin:/bin", "GREETING=a=b"), config.get("Env"));
            assertEquals("/app", config.get("WorkingDir").getAsString());
            assertEquals("1000:1000", config.get("User").getAsString());
            assertEquals("demo", config.getAsJsonObject("Labels").get("org.example.name").getAsString());
            assertTrue(config.getAsJsonObject("ExposedPorts").has("8080/tcp"));
            // skopeo copy re-hashes every blob on the way.
            Path copy = work.resolve("copy-" + ref + ".tar");
            run(skopeo.toString(), "copy", "-q", "oci:" + dir + ":" + ref, "docker-archive:" + copy + ":localhost/t:1");
            assertTrue(Files.size(copy) > 0);
        }
    }

    @Test
    void umociUnpacksWithWhiteoutsModesAndOwners() throws Exception {
        Path umoci = RequiredTool.find("umoci", "umoci");
        Path dir = layout();
        boolean root = (int) Files.getAttribute(Files.createTempFile(work, "uid", ""), "unix:uid") == 0;
        for (String ref : List.of("plain", "gzip")) {
            Path bundle = work.resolve("bundle-" + ref);
            // As root umoci keeps the layer's owners on disk; rootless it cannot, so owners are checked as root only.
            List<String> cmd = new ArrayList<>(List.of(umoci.toString(), "unpack"));
            if (!root) {
                cmd.add("--rootless");
            }
            cmd.addAll(List.of("--image", dir + ":" + ref, bundle.toString()));
            run(cmd.toArray(String[]::new));
            Path rootfs = bundle.resolve("rootfs");
            assertFalse(Files.exists(rootfs.resolve("app/old.txt"), LinkOption.NOFOLLOW_LINKS), "whiteout applied");
            assertFalse(Files.exists(rootfs.resolve("data/lower.txt"), LinkOption.NOFOLLOW_LINKS), "opaque dir");
            assertFalse(Files.exists(rootfs.resolve("data/sub"), LinkOption.NOFOLLOW_LINKS), "opaque dir");
            assertEquals("new\n", Files.readString(rootfs.resolve("data/new")));
            assertEquals("#!/bin/sh\necho tool\n", Files.readString(rootfs.resolve("app/bin/tool")));
            assertEquals(0755, mode(rootfs.resolve("app/bin/tool")));
            assertEquals(04755, mode(rootfs.resolve("app/bin/suid")));
            assertEquals(0600, mode(rootfs.resolve("data/new")));
            assertEquals(Path.of("bin/tool"), Files.readSymbolicLink(rootfs.resolve("app/tool-link")));
            if (root) {
                assertEquals(1000, Files.getAttribute(rootfs.resolve("app/bin/tool"), "unix:uid"));
                assertEquals(1000, Files.getAttribute(rootfs.resolve("app/bin/tool"), "unix:gid"));
                assertEquals(0, Files.getAttribute(rootfs.resolve("app/bin/suid"), "unix:uid"));
                assertEquals(1000, Files.getAttribute(rootfs.resolve("data/new"), "unix:uid"));
            }
            JsonObject process = json(Files.readString(bundle.resolve("config.json"))).getAsJsonObject("process");
            assertEquals(strings("/app/bin/tool", "--serve"), process.get("args"));
            assertEquals("/app", process.get("cwd").getAsString());
            assertEquals(1000, process.getAsJsonObject("user").get("uid").getAsInt());
            assertEquals(1000, process.getAsJsonObject("user").get("gid").getAsInt());
            List<String> env = new ArrayList<>();
            process.getAsJsonArray("env").forEach(e -> env.add(e.getAsString()));
            assertTrue(env.containsAll(List.of("PATH=/usr/bin:/bin", "GREETING=a=b")), env.toString());
        }
    }

    @Test
    void theArchiveIsBothADockerAndAnOciArchive() throws Exception {
        Path archive = work.resolve("image.tar");
        ArchiveWriter.write(archive, gzipped, "1", NAME);
        JsonObject docker = json(run(skopeo.toString(), "inspect", "docker-archive:" + archive));
        assertEquals(2, docker.getAsJsonArray("Layers").size());
        // skopeo's RepoTags output lists registry tags, so prove manifest.json's RepoTags by selecting with it.
        JsonObject byName = json(run(skopeo.toString(), "inspect", "docker-archive:" + archive + ":" + NAME));
        assertEquals(docker.get("Digest"), byName.get("Digest"));
        JsonObject oci = json(run(skopeo.toString(), "inspect", "oci-archive:" + archive + ":1"));
        assertEquals(gzipped.manifest().digest().toString(), oci.get("Digest").getAsString());
        JsonObject config = json(run(skopeo.toString(), "inspect", "--config", "docker-archive:" + archive));
        assertEquals("/app", config.getAsJsonObject("config").get("WorkingDir").getAsString());
    }

    @Test
    void podmanLoadsTheArchive() throws Exception {
        Path podman = RequiredTool.find("podman", "podman");
        Path archive = work.resolve("image.tar");
        ArchiveWriter.write(archive, plain, "1", NAME);
        String out = Commands.run(work, podmanEnv(), podman.toString(), "load", "-i", archive.toString());
        assertTrue(out.contains("Loaded image: " + NAME), out);
        String images = Commands.run(work, podmanEnv(), podman.toString(), "image", "inspect", NAME);
        JsonElement inspected = CanonicalJson.parse(images.getBytes(StandardCharsets.UTF_8));
        assertEquals(plain.config().digest().hex(),
                inspected.getAsJsonArray().get(0).getAsJsonObject().get("Id").getAsString());
    }

    /** Private vfs storage and runc/cgroupfs settings, so the test touches no shared podman state. */
    private Map<String, String> podmanEnv() throws IOException {
        Path conf = Files.createDirectories(work.resolve("podman-conf"));
        Path storage = conf.resolve("storage.conf");
        if (!Files.exists(storage)) {
            Files.writeString(storage, "[storage]\ndriver = \"vfs\"\ngraphroot = \"" + work.resolve("podman-graph")
                    + "\"\nrunroot = \"" + work.resolve("podman-run") + "\"\n");
            Files.writeString(conf.resolve("containers.conf"), "[containers]\n"
                    + "default_ulimits = [\"nofile=1024:1024\", \"nproc=1024:1024\"]\nnetns = \"none\"\n"
                    + "[engine]\nruntime = \"runc\"\ncgroup_manager = \"cgroupfs\"\nevents_logger = \"file\"\n"
                    + "tmp_dir = \"" + work.resolve("podman-tmp") + "\"\n");
        }
        return Map.of("CONTAINERS_STORAGE_CONF", storage.toString(),
                "CONTAINERS_CONF", conf.resolve("containers.conf").toString());
    }

    private static int mode(Path p) throws IOException {
        return (int) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
    }

    private static JsonObject json(String text) {
        return CanonicalJson.parseObject(text.getBytes(StandardCharsets.UTF_8), "tool output");
    }

    private static List<String> strings(JsonArray a) {
        List<String> out = new ArrayList<>();
        a.forEach(e -> out.add(e.getAsString()));
        return out;
    }
}
