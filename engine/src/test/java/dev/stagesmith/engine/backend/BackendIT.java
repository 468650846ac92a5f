package dev.stagesmith.engine.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.stagesmith.engine.build.BuildCancelledException;
import dev.stagesmith.engine.build.BuildEvent;
import dev.stagesmith.engine.build.BuildException;
import dev.stagesmith.engine.build.BuildListener;
import dev.stagesmith.engine.build.BuildRequest;
import dev.stagesmith.engine.build.BuildResult;
import dev.stagesmith.engine.build.Cancellation;
import dev.stagesmith.engine.build.Output;
import dev.stagesmith.engine.fs.Content;
import dev.stagesmith.engine.fs.FileEntry;
import dev.stagesmith.engine.image.BuiltImage;
import dev.stagesmith.engine.image.LayerBlob;
import dev.stagesmith.engine.image.LayoutImage;
import dev.stagesmith.engine.image.OciLayoutReader;
import dev.stagesmith.engine.layer.LayerWriter;
import dev.stagesmith.engine.oci.CanonicalJson;
import dev.stagesmith.engine.oci.Descriptor;
import dev.stagesmith.engine.oci.Digest;
import dev.stagesmith.engine.oci.MediaTypes;
import dev.stagesmith.engine.registry.ImageReference;
import dev.stagesmith.engine.registry.PushRequest;
import dev.stagesmith.engine.registry.RegistryClient;
import dev.stagesmith.engine.registry.RegistryOptions;
import dev.stagesmith.engine.testing.RegistryServer;
import dev.stagesmith.engine.testing.RequiredTool;
import dev.stagesmith.grammar.stages.Platform;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The podman and buildah backends with the real tools, in a private storage per run: a busybox base image
 * on a loopback docker-registry, multi-stage Dockerfiles built by each tool and by the embedded engine, and
 * the two images judged by skopeo and umoci and compared file by file (paths, types, modes, owners,
 * contents, link targets).
 */
class BackendIT {

    @TempDir
    static Path shared;

    @TempDir
    Path work;

    private static RegistryServer registry;
    private static Map<String, String> env;

    @BeforeAll
    static void setUp() throws Exception {
        RequiredTool.find("buildah", "buildah");
        RequiredTool.find("podman", "podman");
        RequiredTool.find("runc", "runc");
        RequiredTool.find("skopeo", "skopeo");
        RequiredTool.find("umoci", "umoci");
        env = ContainersEnv.create(Files.createDirectories(shared.resolve("containers")));
        registry = RegistryServer.start(shared, Optional.empty());
        pushBusybox(registry.host());
    }

    @AfterAll
    static void tearDown() {
        if (registry != null) {
            registry.close();
        }
    }

    private static String copyOnly(String host) {
        return """
                FROM %s/test/busybox:1 AS base
                COPY app/ /srv/app/
                COPY --chmod=0755 run.sh /usr/local/bin/run.sh

                FROM scratch AS assets
                COPY assets/ /assets/

                FROM scratch AS unused
                COPY does-not-exist.txt /

                FROM base AS final
                COPY --from=assets /assets/ /srv/app/static/
                COPY conf.txt /etc/app.conf
                WORKDIR /srv/app
                """.formatted(host);
    }

    @ParameterizedTest
    @ValueSource(strings = {"buildah", "podman"})
    void copyOnlyMultiStageBuildHasTheEmbeddedEnginesFiles(String tool) throws Exception {
        Path ctx = context(copyOnly(registry.host()));
        Path theirs = work.resolve("out-" + tool);
        Events events = new Events();
        BuildResult r = Backends.named(tool, Optional.empty(), env).build(
                request(ctx, "final", List.of(new Output.OciLayout(theirs))), events, new Cancellation());
        Path ours = work.resolve("out-embedded");
        Backends.embedded().build(request(ctx, "final", List.of(new Output.OciLayout(ours))), BuildListener.NONE,
                new Cancellation());

        skopeoInspect(theirs, "final");
        LayoutImage img = OciLayoutReader.read(theirs, Optional.of("final"));
        assertEquals(img.descriptor().digest(), r.manifestDigest(), "the result names the manifest written");
        assertEquals(img.config().orElseThrow().digest(), r.configDigest());
        assertEquals(img.layers().size(), r.layers());
        assertEquals(tree(unpack(ours, "final")), tree(unpack(theirs, "final")),
                tool + " and the embedded engine wrote different files");

        assertFalse(events.stages().contains("unused"), "the unused stage was not built: " + events);
        BuildEvent.StepStarted conf = events.started("COPY conf.txt /etc/app.conf");
        assertEquals(new BuildEvent.StepId("final", 3, 3, 4), conf.id());
        assertEquals(13, line(copyOnly(registry.host()), conf.range().start()));
        assertTrue(r.stages().stream().anyMatch(s -> s.stage().equals("assets")), r.stages().toString());
    }

    /** RUN steps that write, overwrite, delete, link and chmod, across stages. */
    private static String withRun(String host) {
        return """
                FROM %s/test/busybox:1 AS build
                COPY app/ /src/
                RUN mkdir -p /out/bin && cat /src/main.txt /src/lib/util.txt > /out/joined.txt \\
                 && echo '#!/bin/sh' > /out/bin/tool && chmod 0750 /out/bin/tool \\
                 && ln -s joined.txt /out/link.txt && mkdir -m 0700 /out/private
                RUN rm /src/lib/util.txt && echo changed > /src/main.txt

                FROM %s/test/busybox:1 AS final
                COPY --from=build /out/ /opt/app/
                RUN echo "$(cat /opt/app/joined.txt | wc -l) lines" > /opt/app/count.txt && rm /etc/group
                WORKDIR /opt/app
                """.formatted(host, host);
    }

    @ParameterizedTest
    @ValueSource(strings = {"buildah", "podman"})
    void runStepsLeaveTheSameFilesAsTheEmbeddedEngine(String tool) throws Exception {
        Path ctx = context(withRun(registry.host()));
        Path theirs = work.resolve("out-" + tool);
        Backends.named(tool, Optional.empty(), env).build(
                request(ctx, "final", List.of(new Output.OciLayout(theirs))), BuildListener.NONE, new Cancellation());
        Path ours = work.resolve("out-embedded");
        Backends.embedded().build(request(ctx, "final", List.of(new Output.OciLayout(ours))), BuildListener.NONE,
                new Cancellation());
        skopeoInspect(theirs, "final");
        Map<String, String> theirFiles = withoutMountStubs(tree(unpack(theirs, "final")));
        assertEquals(tree(unpack(ours, "final")), theirFiles, tool + " and the embedded engine wrote different files");
        assertEquals("file rw-r--r-- 0:0 " + Digest.of("2 lines\n".getBytes(StandardCharsets.UTF_8)),
                theirFiles.get("/opt/app/count.txt"));
        assertFalse(theirFiles.containsKey("/etc/group"));
    }

    @Test
    void defaultOutputArchivesAndTheToolsOwnStepCache() throws Exception {
        Path ctx = context(copyOnly(registry.host()));
        BuildResult r = Backends.named("buildah", Optional.empty(), env).build(
                request(ctx, "final", List.of()), BuildListener.NONE, new Cancellation());
        Events again = new Events();
        BuildResult r2 = Backends.named("buildah", Optional.empty(), env).build(
                request(ctx, "final", List.of()), again, new Cancellation());
        long started = again.all.stream().filter(e -> e instanceof BuildEvent.StepStarted).count();
        long cached = again.all.stream().filter(e -> e instanceof BuildEvent.StepCached).count();
        assertEquals(6, started, again.toString());
        assertEquals(started, cached, "an unchanged rebuild comes from buildah's cache: " + again);
        assertEquals(r.manifestDigest(), r2.manifestDigest());
        Path layout = ctx.resolve(".stagesmith/out/final");
        skopeoInspect(layout, "final");
        assertEquals(OciLayoutReader.read(layout, Optional.of("final")).descriptor().digest(), r.manifestDigest());

        Path oci = work.resolve("a/final-oci.tar");
        Path docker = work.resolve("a/final-docker.tar");
        Backends.named("podman", Optional.empty(), env).build(request(ctx, "final", List.of(
                new Output.Archive(oci, Output.Archive.Kind.OCI),
                new Output.Archive(docker, Output.Archive.Kind.DOCKER))), BuildListener.NONE, new Cancellation());
        run("skopeo", "inspect", "oci-archive:" + oci);
        run("skopeo", "inspect", "docker-archive:" + docker);
        String images = run("buildah", "images", "--format", "{{.Name}}:{{.Tag}}");
        assertEquals(List.of(registry.host() + "/test/busybox:1"),
                images.lines().filter(l -> !l.startsWith("<none>")).toList(), "no names left behind");
    }

    @Test
    void failingRunIsReportedOnItsLineWithTheToolsOutput() throws Exception {
        String dockerfile = """
                FROM %s/test/busybox:1 AS base
                COPY conf.txt /etc/app.conf

                FROM base AS final
                RUN echo preparing
                RUN echo about to fail && exit 3
                RUN echo never
                """.formatted(registry.host());
        Path ctx = context(dockerfile);
        Events events = new Events();
        BuildException e = assertThrows(BuildException.class, () -> Backends.named("buildah", Optional.empty(), env)
                .build(request(ctx, "final", List.of(new Output.OciLayout(work.resolve("o")))), events,
                        new Cancellation()));
        String first = e.getMessage().lines().findFirst().orElse("");
        assertTrue(first.startsWith("Dockerfile:6: stage final: RUN echo about to fail && exit 3: "), first);
        assertTrue(first.contains("exit status 3") && first.contains("buildah exited with code"), first);
        assertEquals(6, e.line());
        assertEquals("final", e.stage());
        assertTrue(e.getMessage().contains("\nabout to fail"), "the tool's last lines follow:\n" + e.getMessage());
        assertTrue(events.all.stream().anyMatch(ev -> ev instanceof BuildEvent.StepOutput o
                && o.line().equals("preparing") && o.id().index() == 2), events.toString());
        assertTrue(events.all.stream().anyMatch(ev -> ev instanceof BuildEvent.StepFailed f && f.id().index() == 3),
                events.toString());
        BuildException embedded = assertThrows(BuildException.class, () -> Backends.embedded().build(
                request(ctx, "final", List.of(new Output.OciLayout(work.resolve("o2")))), BuildListener.NONE,
                new Cancellation()));
        assertEquals(e.line(), embedded.line(), "both engines blame the same line: " + embedded.getMessage());
        assertEquals(e.stage(), embedded.stage());
    }

    @Test
    void cancelKillsTheToolAndItsRunStep() throws Exception {
        Path ctx = context("""
                FROM %s/test/busybox:1
                RUN echo started && sleep 600
                """.formatted(registry.host()));
        Cancellation cancel = new Cancellation();
        CountDownLatch running = new CountDownLatch(1);
        BuildListener l = ev -> {
            if (ev instanceof BuildEvent.StepOutput o && o.line().equals("started")) {
                running.countDown();
            }
        };
        Thread canceller = new Thread(() -> {
            try {
                if (running.await(120, TimeUnit.SECONDS)) {
                    cancel.cancel();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        canceller.start();
        long start = System.nanoTime();
        assertThrows(BuildCancelledException.class, () -> Backends.named("buildah", Optional.empty(), env)
                .build(request(ctx, null, List.of(new Output.OciLayout(work.resolve("o")))), l, cancel));
        canceller.join();
        assertTrue(cancel.isCancelled(), "the RUN step never printed 'started'");
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(100), "the cancel did not stop the build");
        String ps = run("ps", "-eo", "args");
        assertFalse(ps.contains("sleep 600"), "the RUN process survived the cancel:\n" + ps);
        String containers = run("buildah", "containers", "--all", "--format", "{{.ContainerName}}");
        assertEquals("", containers, "buildah left its working container behind");
    }

    // ---------------------------------------------------------------- helpers

    private BuildRequest request(Path ctx, String target, List<Output> outputs) throws IOException {
        return new BuildRequest(ctx.resolve("Dockerfile"), Files.readString(ctx.resolve("Dockerfile")), ctx,
                Optional.ofNullable(target), Map.of(), Platform.host(), outputs, Optional.empty(), Optional.empty(),
                work.resolve("cache"), false, false, Map.of(), OptionalLong.empty(), false,
                RegistryOptions.defaults().withDockerConfigDir(work.resolve("no-docker-config")));
    }

    private Path context(String dockerfile) throws IOException {
        Path ctx = Files.createDirectories(work.resolve("ctx"));
        write(ctx, "Dockerfile", dockerfile);
        write(ctx, "app/main.txt", "main\n");
        write(ctx, "app/lib/util.txt", "util\n");
        Files.createSymbolicLink(ctx.resolve("app/current"), Path.of("main.txt"));
        write(ctx, "run.sh", "#!/bin/sh\necho run\n");
        write(ctx, "assets/style.css", "body{}\n");
        write(ctx, "assets/img/logo.svg", "<svg/>\n");
        write(ctx, "conf.txt", "port=8080\n");
        try (Stream<Path> all = Files.walk(ctx)) {
            for (Path p : all.toList()) {
                if (!Files.isSymbolicLink(p)) {
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(
                            Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
        }
        return ctx;
    }

    private static void write(Path root, String rel, String content) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    private static int line(String text, int offset) {
        return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }

    private void skopeoInspect(Path layout, String tag) throws Exception {
        run("skopeo", "inspect", "oci:" + layout + ":" + tag);
    }

    private Path unpack(Path layout, String tag) throws Exception {
        Path bundle = work.resolve("bundle-" + System.nanoTime());
        run("umoci", "unpack", "--image", layout + ":" + tag, bundle.toString());
        return bundle.resolve("rootfs");
    }

    /** Every path under a root with its type, mode, owner and content (or link target); times are left out. */
    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.toList()) {
                PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                String mode = PosixFilePermissions.toString(a.permissions());
                String owner = Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS) + ":"
                        + Files.getAttribute(p, "unix:gid", LinkOption.NOFOLLOW_LINKS);
                String what;
                if (a.isSymbolicLink()) {
                    what = "link -> " + Files.readSymbolicLink(p);
                } else if (a.isDirectory()) {
                    what = "dir " + mode + " " + owner;
                } else {
                    what = "file " + mode + " " + owner + " " + Digest.of(Files.readAllBytes(p));
                }
                out.put("/" + root.relativize(p), what);
            }
        }
        return out;
    }

    /** Where podman and buildah mount things into a RUN container; the empty stubs stay in the RUN's layer. */
    private static final List<String> MOUNT_STUBS = List.of("/dev", "/proc", "/sys", "/run", "/etc/hosts",
            "/etc/hostname", "/etc/resolv.conf");

    /**
     * The tree without the empty mount points podman and buildah leave in a RUN's layer. BuildKit leaves them
     * out, and so does the embedded engine, so they are the one expected difference; anything else there, or
     * a stub with content, is still a difference.
     */
    private static Map<String, String> withoutMountStubs(Map<String, String> tree) {
        String empty = Digest.of(new byte[0]).toString();
        Map<String, String> out = new TreeMap<>(tree);
        for (String stub : MOUNT_STUBS) {
            String what = out.get(stub);
            boolean emptyDir = what != null && what.startsWith("dir ")
                    && out.keySet().stream().noneMatch(k -> k.startsWith(stub + "/"));
            boolean emptyFile = what != null && what.startsWith("file ") && what.endsWith(empty);
            if (emptyDir || emptyFile) {
                out.remove(stub);
            }
        }
        return out;
    }

    private String run(String... command) throws Exception {
        Path out = Files.createTempFile(work, "out-", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(String.join(" ", command) + " did not finish in 180 s");
        }
        String text = Files.readString(out);
        assertEquals(0, p.exitValue(), () -> String.join(" ", command) + " failed:\n" + text);
        return text;
    }

    /** busybox with a few applets, /etc/passwd and /tmp, as one layer pushed to the loopback registry. */
    private static void pushBusybox(String host) throws Exception {
        Path busybox = Path.of("/bin/busybox");
        if (!Files.isExecutable(busybox)) {
            busybox = RequiredTool.find("busybox", "busybox-static");
        }
        List<FileEntry> root = new ArrayList<>(List.of(
                FileEntry.dir("bin", 0755, 0, 0, 0),
                FileEntry.file("bin/busybox", 0755, 0, 0, 0, Content.ofFile(busybox, Files.size(busybox)))));
        for (String applet : List.of("sh", "ls", "cat", "true", "echo", "sleep")) {
            root.add(FileEntry.symlink("bin/" + applet, "busybox", 0, 0, 0));
        }
        root.addAll(List.of(
                FileEntry.dir("etc", 0755, 0, 0, 0),
                FileEntry.file("etc/passwd", 0644, 0, 0, 0, text("root:x:0:0:root:/root:/bin/sh\n")),
                FileEntry.file("etc/group", 0644, 0, 0, 0, text("root:x:0:\n")),
                FileEntry.dir("root", 0700, 0, 0, 0),
                FileEntry.dir("tmp", 01777, 0, 0, 0)));
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        LayerWriter.Result layer = LayerWriter.write(root, tar, OptionalLong.empty());
        Path blobs = Files.createDirectories(shared.resolve("base-blobs"));
        byte[] bytes = tar.toByteArray();
        Files.write(blobs.resolve(layer.diffId().hex()), bytes);
        LayerBlob blob = new LayerBlob(new Descriptor(MediaTypes.OCI_LAYER, layer.diffId(), bytes.length),
                blobs.resolve(layer.diffId().hex()));
        JsonObject config = new JsonObject();
        config.addProperty("created", "2024-01-01T00:00:00Z");
        config.addProperty("architecture", Platform.host().arch());
        config.addProperty("os", "linux");
        Platform.host().variant().ifPresent(v -> config.addProperty("variant", v));
        JsonObject inner = new JsonObject();
        JsonArray envs = new JsonArray();
        envs.add("PATH=/bin");
        inner.add("Env", envs);
        config.add("config", inner);
        JsonObject rootfs = new JsonObject();
        rootfs.addProperty("type", "layers");
        JsonArray diffIds = new JsonArray();
        diffIds.add(layer.diffId().toString());
        rootfs.add("diff_ids", diffIds);
        config.add("rootfs", rootfs);
        // buildah counts history entries against layers, so the base must say where its layer came from
        JsonArray history = new JsonArray();
        JsonObject made = new JsonObject();
        made.addProperty("created", "2024-01-01T00:00:00Z");
        made.addProperty("created_by", "busybox-static rootfs");
        history.add(made);
        config.add("history", history);
        BuiltImage image = BuiltImage.assemble(CanonicalJson.bytes(config), List.of(blob));
        Files.write(blobs.resolve(image.config().digest().hex()), image.configBytes());
        new RegistryClient(RegistryOptions.defaults().withDockerConfigDir(shared.resolve("no-docker-config"))).push(
                ImageReference.parse(host + "/test/busybox:1"),
                new PushRequest(image.manifestBytes(), MediaTypes.OCI_MANIFEST,
                        List.of(image.config(), blob.descriptor()), d -> blobs.resolve(d.hex())),
                n -> { });
    }

    private static Content text(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return Content.ofBytes(b);
    }

    /** Collects events; thread-safe as BuildListener requires. */
    private static final class Events implements BuildListener {
        final List<BuildEvent> all = new CopyOnWriteArrayList<>();

        @Override
        public void on(BuildEvent event) {
            all.add(event);
        }

        List<String> stages() {
            return all.stream().filter(e -> e instanceof BuildEvent.StageStarted)
                    .map(e -> ((BuildEvent.StageStarted) e).stage()).toList();
        }

        BuildEvent.StepStarted started(String text) {
            return all.stream().filter(e -> e instanceof BuildEvent.StepStarted s && s.text().equals(text))
                    .map(e -> (BuildEvent.StepStarted) e).findFirst()
                    .orElseThrow(() -> new AssertionError("no step " + text + " in " + all));
        }

        @Override
        public String toString() {
            return all.toString();
        }
    }
}
