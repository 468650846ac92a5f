package dev.stagesmith.engine.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
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
import dev.stagesmith.engine.testing.RegistryServer;
import dev.stagesmith.engine.testing.BusyboxImage;
import dev.stagesmith.engine.testing.RequiredTool;
import dev.stagesmith.grammar.stages.Platform;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole engine end to end: a real docker-registry on loopback serves a busybox base image made here, the
 * engine builds multi-stage Dockerfiles from it, and skopeo and umoci (independent tools) judge what it wrote.
 */
class BuildIT {

    private static final long EPOCH = 1_700_000_000L;

    @TempDir
    static Path shared;

    @TempDir
    Path work;

    private static RegistryServer registry;

    /** The base image: busybox, users root and app (1000), and a second layer that whites out junk/delete-me.txt. */
    @BeforeAll
    static void startRegistryWithBaseImage() throws Exception {
        RequiredTool.find("skopeo", "skopeo");
        RequiredTool.find("umoci", "umoci");
        registry = RegistryServer.start(shared, Optional.empty());
        pushBaseImage(registry.host(), shared.resolve("no-docker-config"));
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    // ---------------------------------------------------------------- the Dockerfile most tests build

    private static String mainDockerfile(String host) {
        return """
                FROM %s/test/busybox:1 AS base
                SHELL ["/bin/sh", "-ec"]
                ENV APP_HOME=/srv/app GREETING="hello world"
                WORKDIR $APP_HOME
                LABEL org.example.title="demo" org.example.stage=base

                FROM base AS files
                COPY --chown=app:app --chmod=0755 bin/run.sh /out/bin/
                COPY --chmod=u=rwx,g=rx,o= bin/tool /out/bin/tool
                COPY conf/ /out/conf/
                ADD vendor.tar.gz /out/vendor/
                COPY <<EOF /out/motd.txt
                Welcome
                EOF
                COPY . /out/ctx/
                ENTRYPOINT cat /out/motd.txt

                FROM scratch AS broken
                COPY does-not-exist.txt /
                RUN echo this stage is never needed

                FROM base AS template
                ONBUILD COPY onbuild.txt /onbuild/

                FROM template AS final
                COPY --from=files /out/ /srv/app/
                COPY --from=1 /out/motd.txt /etc/motd
                USER app
                EXPOSE 8080/tcp
                VOLUME /data
                STOPSIGNAL SIGTERM
                HEALTHCHECK --interval=5s CMD ["/bin/true"]
                ENTRYPOINT ["/srv/app/bin/run.sh"]
                CMD echo "$GREETING"
                """.formatted(host);
    }

    /** The context of {@link #mainDockerfile}: scripts, config with a symlink, ignored files, a .tar.gz. */
    private Path writeContext(String dockerfileText) throws IOException {
        Path ctx = Files.createDirectories(work.resolve("ctx"));
        write(ctx, "Dockerfile", dockerfileText);
        write(ctx, ".dockerignore", "conf/secret.env\n**/*.md\n");
        write(ctx, "bin/run.sh", "#!/bin/sh\necho run\n");
        write(ctx, "bin/tool", "#!/bin/sh\necho tool\n");
        write(ctx, "conf/app.conf", "port=8080\n");
        Files.createSymbolicLink(ctx.resolve("conf/current"), Path.of("app.conf"));
        write(ctx, "conf/secret.env", "TOKEN=do-not-ship\n");
        write(ctx, "README.md", "# readme\n");
        write(ctx, "docs/guide.md", "# guide\n");
        write(ctx, "docs/keep.txt", "kept\n");
        write(ctx, "onbuild.txt", "from a trigger\n");
        for (String f : List.of("bin/run.sh", "bin/tool", "conf/app.conf")) {
            Files.setPosixFilePermissions(ctx.resolve(f), PosixFilePermissions.fromString("rw-r--r--"));
        }
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        LayerWriter.write(List.of(
                FileEntry.dir("lib", 0755, 0, 0, 0),
                FileEntry.file("lib/a.txt", 0644, 0, 0, 0, text("a\n")),
                FileEntry.file("lib/b.txt", 0600, 0, 0, 0, text("b\n"))), tar, OptionalLong.empty());
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(ctx.resolve("vendor.tar.gz")))) {
            out.write(tar.toByteArray());
        }
        return ctx;
    }

    private static void write(Path root, String rel, String content) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    // ---------------------------------------------------------------- 1 + 2: build several targets and inspect

    @Test
    void multiStageTargetsAreValidImagesForSkopeoAndUmoci() throws Exception {
        Path ctx = writeContext(mainDockerfile(registry.host()));
        Path cache = work.resolve("cache");

        // final (the default target): triggers, --from by name and index, metadata, USER, SHELL-form CMD
        Path finalOut = work.resolve("out-final");
        Path archive = work.resolve("final-docker.tar");
        Events events = new Events();
        BuildResult fin = Builder.build(request(ctx).cache(cache).target(null)
                .outputs(new Output.OciLayout(finalOut), new Output.Archive(archive, Output.Archive.Kind.DOCKER))
                .get(), events);
        assertEquals("final", fin.target());
        assertEquals(6, fin.layers(), "2 base layers, WORKDIR, the ONBUILD COPY and two COPY --from");
        assertFalse(events.stagesStarted().contains("broken"), "the unused stage was not built: " + events);
        checkOciLayout(finalOut, "final", fin);

        JsonObject cfg = skopeoConfig(finalOut, "final").getAsJsonObject("config");
        assertTrue(strings(cfg.get("Env")).containsAll(List.of("APP_HOME=/srv/app", "GREETING=hello world")),
                cfg.toString());
        assertEquals(List.of("/srv/app/bin/run.sh"), strings(cfg.get("Entrypoint")));
        assertEquals(List.of("/bin/sh", "-ec", "echo \"$GREETING\""), strings(cfg.get("Cmd")), "CMD through SHELL");
        assertEquals("/srv/app", cfg.get("WorkingDir").getAsString());
        assertEquals("app", cfg.get("User").getAsString());
        assertEquals(Set.of("8080/tcp"), cfg.getAsJsonObject("ExposedPorts").keySet());
        assertEquals(Set.of("/data"), cfg.getAsJsonObject("Volumes").keySet());
        assertEquals("SIGTERM", cfg.get("StopSignal").getAsString());
        assertEquals("demo", cfg.getAsJsonObject("Labels").get("org.example.title").getAsString());
        assertEquals("base", cfg.getAsJsonObject("Labels").get("org.example.stage").getAsString());
        JsonObject raw = skopeoRawConfig(finalOut, "final").getAsJsonObject("config");
        JsonObject health = raw.getAsJsonObject("Healthcheck");
        assertEquals(5_000_000_000L, health.get("Interval").getAsLong(), raw.toString());
        assertEquals(List.of("CMD", "/bin/true"), strings(health.get("Test")));
        assertFalse(raw.has("OnBuild") && !raw.get("OnBuild").isJsonNull() && !raw.getAsJsonArray("OnBuild").isEmpty(),
                "triggers are not inherited past the stage that ran them: " + raw);

        Path rootfs = umociUnpack(finalOut, "final");
        assertTrue(Files.isRegularFile(rootfs.resolve("bin/busybox")));
        assertEquals(Path.of("busybox"), Files.readSymbolicLink(rootfs.resolve("bin/sh")));
        assertFalse(Files.exists(rootfs.resolve("junk/delete-me.txt"), LinkOption.NOFOLLOW_LINKS),
                "the base's second layer whites it out");
        assertTrue(Files.isRegularFile(rootfs.resolve("junk/keep-me.txt")));
        assertOwnerAndMode(rootfs.resolve("srv/app/bin/run.sh"), 1000, 1000, 0755);
        assertOwnerAndMode(rootfs.resolve("srv/app/bin/tool"), 0, 0, 0750);
        assertEquals("#!/bin/sh\necho run\n", Files.readString(rootfs.resolve("srv/app/bin/run.sh")));
        assertEquals(Path.of("app.conf"), Files.readSymbolicLink(rootfs.resolve("srv/app/conf/current")));
        assertEquals("port=8080\n", Files.readString(rootfs.resolve("srv/app/conf/app.conf")));
        assertAbsent(rootfs, "srv/app/conf/secret.env", "srv/app/ctx/conf/secret.env", "srv/app/ctx/README.md",
                "srv/app/ctx/docs/guide.md", "srv/app/vendor/vendor.tar.gz", "srv/app/vendor.tar.gz");
        assertTrue(Files.isRegularFile(rootfs.resolve("srv/app/ctx/docs/keep.txt")));
        assertTrue(Files.isRegularFile(rootfs.resolve("srv/app/ctx/bin/tool")));
        assertEquals("a\n", Files.readString(rootfs.resolve("srv/app/vendor/lib/a.txt")), "ADD extracted the .tar.gz");
        assertOwnerAndMode(rootfs.resolve("srv/app/vendor/lib/b.txt"), 0, 0, 0600);
        assertEquals("Welcome\n", Files.readString(rootfs.resolve("etc/motd")), "heredoc via COPY --from=1");
        assertEquals("from a trigger\n", Files.readString(rootfs.resolve("onbuild/onbuild.txt")), "ONBUILD ran");

        JsonObject process = umociRuntimeConfig(finalOut).getAsJsonObject("process");
        assertEquals(List.of("/srv/app/bin/run.sh", "/bin/sh", "-ec", "echo \"$GREETING\""), strings(process.get("args")));
        assertTrue(strings(process.get("env")).contains("GREETING=hello world"), process.toString());
        assertEquals("/srv/app", process.get("cwd").getAsString());
        assertEquals(1000, process.getAsJsonObject("user").get("uid").getAsInt(), "USER app from /etc/passwd");
        assertEquals(1000, process.getAsJsonObject("user").get("gid").getAsInt());

        JsonObject fromArchive = skopeoJson("inspect", "docker-archive:" + archive);
        assertEquals(6, fromArchive.getAsJsonArray("Layers").size(), fromArchive.toString());
        assertEquals("demo", fromArchive.getAsJsonObject("Labels").get("org.example.title").getAsString());

        // files: a shell-form ENTRYPOINT through the inherited SHELL drops the base's CMD
        Path filesOut = work.resolve("out-files");
        BuildResult files = Builder.build(request(ctx).cache(cache).target("files")
                .outputs(new Output.OciLayout(filesOut)).get(), new Events());
        assertEquals(9, files.layers());
        checkOciLayout(filesOut, "files", files);
        JsonObject filesCfg = skopeoConfig(filesOut, "files").getAsJsonObject("config");
        assertEquals(List.of("/bin/sh", "-ec", "cat /out/motd.txt"), strings(filesCfg.get("Entrypoint")));
        assertTrue(!filesCfg.has("Cmd") || filesCfg.get("Cmd").isJsonNull() || strings(filesCfg.get("Cmd")).isEmpty(),
                "ENTRYPOINT resets the inherited CMD: " + filesCfg);
        Path filesRoot = umociUnpack(filesOut, "files");
        assertOwnerAndMode(filesRoot.resolve("out/bin/run.sh"), 1000, 1000, 0755);
        assertOwnerAndMode(filesRoot.resolve("out/conf/app.conf"), 0, 0, 0644);

        // template: ONBUILD is recorded, not run
        Path templateOut = work.resolve("out-template");
        BuildResult template = Builder.build(request(ctx).cache(cache).target("template")
                .outputs(new Output.OciLayout(templateOut)).get(), new Events());
        assertEquals(3, template.layers());
        checkOciLayout(templateOut, "template", template);
        assertEquals(List.of("COPY onbuild.txt /onbuild/"),
                strings(skopeoRawConfig(templateOut, "template").getAsJsonObject("config").get("OnBuild")));
        assertAbsent(umociUnpack(templateOut, "template"), "onbuild");
    }

    /** Layer count and digest as skopeo sees them; skopeo can convert the image to a docker-archive. */
    private void checkOciLayout(Path dir, String ref, BuildResult result) throws Exception {
        JsonObject inspected = skopeoJson("inspect", "oci:" + dir + ":" + ref);
        assertEquals(result.manifestDigest().toString(), inspected.get("Digest").getAsString());
        assertEquals(result.layers(), inspected.getAsJsonArray("Layers").size(), inspected.toString());
        run("skopeo", "copy", "oci:" + dir + ":" + ref,
                "docker-archive:" + work.resolve(ref + "-copy.tar") + ":localhost/x:1");
        assertTrue(Files.size(work.resolve(ref + "-copy.tar")) > 0);
    }

    private static void assertOwnerAndMode(Path p, int uid, int gid, int mode) throws IOException {
        assertEquals(uid, Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS), "uid of " + p);
        assertEquals(gid, Files.getAttribute(p, "unix:gid", LinkOption.NOFOLLOW_LINKS), "gid of " + p);
        int actual = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
        assertEquals(Integer.toOctalString(mode), Integer.toOctalString(actual), "mode of " + p);
    }

    private static void assertAbsent(Path root, String... paths) {
        for (String p : paths) {
            assertFalse(Files.exists(root.resolve(p), LinkOption.NOFOLLOW_LINKS), p + " should not be in the image");
        }
    }

    /**
     * Build args in FROM, relative WORKDIR and COPY destinations, COPY --from an image (written out: like BuildKit,
     * --from is not expanded), symbolic chmod with X.
     */
    @Test
    void buildArgsRelativePathsAndCopyFromAnImage() throws Exception {
        Path ctx = writeContext("""
                ARG REGISTRY
                FROM ${REGISTRY}/test/busybox:1 AS app
                ARG SUBDIR=lib
                WORKDIR /opt
                WORKDIR tool/$SUBDIR
                COPY --chmod=u=rwX,go=rX bin/ ./bin/
                COPY --from=%s/test/busybox:1 /etc/passwd /copied/passwd
                """.formatted(registry.host()));
        Files.setPosixFilePermissions(ctx.resolve("bin/tool"), PosixFilePermissions.fromString("rwxr--r--"));
        Path out = work.resolve("out-args");
        BuildResult r = Builder.build(new BuildRequest(ctx.resolve("Dockerfile"), Files.readString(ctx.resolve("Dockerfile")),
                ctx, Optional.empty(), Map.of("REGISTRY", registry.host()), Platform.host(), List.of(new Output.OciLayout(out)),
                Optional.empty(), Optional.empty(), work.resolve("cache"), false, false, Map.of(), OptionalLong.empty(), false,
                RegistryOptions.defaults().withDockerConfigDir(shared.resolve("no-docker-config"))), new Events());
        assertEquals(6, r.layers(), "2 base layers, two WORKDIR, two COPY");
        checkOciLayout(out, "app", r);
        assertEquals("/opt/tool/lib", skopeoConfig(out, "app").getAsJsonObject("config").get("WorkingDir").getAsString());
        Path rootfs = umociUnpack(out, "app");
        assertOwnerAndMode(rootfs.resolve("opt/tool/lib/bin/run.sh"), 0, 0, 0644);
        assertOwnerAndMode(rootfs.resolve("opt/tool/lib/bin/tool"), 0, 0, 0755);
        assertTrue(Files.readString(rootfs.resolve("copied/passwd")).contains("app:x:1000:1000:"));
    }

    // ---------------------------------------------------------------- 1: registry with htpasswd

    @Test
    void basicAuthBaseImageUsesTheDockerConfigAndWithoutItNamesTheLine() throws Exception {
        try (RegistryServer secured = RegistryServer.start(work, Optional.of(new RegistryServer.Login("tester", "s3cret")))) {
            Path dockerConfig = Files.createDirectories(work.resolve("docker-config"));
            String auth = Base64.getEncoder().encodeToString("tester:s3cret".getBytes(StandardCharsets.UTF_8));
            Files.writeString(dockerConfig.resolve("config.json"),
                    "{\"auths\":{\"" + secured.host() + "\":{\"auth\":\"" + auth + "\"}}}");
            pushBaseImage(secured.host(), dockerConfig);

            Path ctx = writeContext("""
                    FROM %s/test/busybox:1 AS app
                    COPY conf/app.conf /etc/app.conf
                    """.formatted(secured.host()));
            Path out = work.resolve("out-auth");
            BuildResult r = Builder.build(request(ctx).cache(work.resolve("cache-auth")).outputs(new Output.OciLayout(out))
                    .registry(RegistryOptions.defaults().withDockerConfigDir(dockerConfig)).get(), new Events());
            assertEquals(3, r.layers(), secured.log());
            checkOciLayout(out, "app", r);

            Path noLogin = Files.createDirectories(work.resolve("empty-docker-config"));
            Path out2 = work.resolve("out-noauth");
            BuildException e = assertThrows(BuildException.class, () -> Builder.build(request(ctx)
                    .cache(work.resolve("cache-noauth")).outputs(new Output.OciLayout(out2))
                    .registry(RegistryOptions.defaults().withDockerConfigDir(noLogin)).get(), new Events()));
            assertTrue(e.getMessage().startsWith("Dockerfile:1: "), e.getMessage());
            assertTrue(e.getMessage().contains("unauthorized"), e.getMessage());
            assertEquals(1, e.line());
            assertFalse(Files.exists(out2));
        }
    }

    // ---------------------------------------------------------------- 3: reproducibility

    @Test
    void freshCachesGiveTheSameImage() throws Exception {
        Path ctx = writeContext(mainDockerfile(registry.host()));

        BuildResult a = Builder.build(request(ctx).cache(work.resolve("c1")).epoch(EPOCH)
                .outputs(new Output.OciLayout(work.resolve("o1"))).get(), new Events());
        BuildResult b = Builder.build(request(ctx).cache(work.resolve("c2")).epoch(EPOCH)
                .outputs(new Output.OciLayout(work.resolve("o2"))).get(), new Events());
        assertEquals(a.manifestDigest(), b.manifestDigest(), "SOURCE_DATE_EPOCH: the same manifest");
        JsonObject rawConfig = skopeoRawConfig(work.resolve("o1"), "final");
        assertEquals(Instant.ofEpochSecond(EPOCH), Instant.parse(rawConfig.get("created").getAsString()));

        Builder.build(request(ctx).cache(work.resolve("c3")).outputs(new Output.OciLayout(work.resolve("o3"))).get(),
                new Events());
        Builder.build(request(ctx).cache(work.resolve("c4")).outputs(new Output.OciLayout(work.resolve("o4"))).get(),
                new Events());
        List<String> layers3 = strings(skopeoJson("inspect", "oci:" + work.resolve("o3") + ":final").get("Layers"));
        assertEquals(layers3, strings(skopeoJson("inspect", "oci:" + work.resolve("o4") + ":final").get("Layers")),
                "without SOURCE_DATE_EPOCH the layers are still the same");
        assertEquals(6, layers3.size());

        BuildResult z1 = Builder.build(request(ctx).cache(work.resolve("c5")).epoch(EPOCH).compress()
                .outputs(new Output.OciLayout(work.resolve("o5"))).get(), new Events());
        BuildResult z2 = Builder.build(request(ctx).cache(work.resolve("c6")).epoch(EPOCH).compress()
                .outputs(new Output.OciLayout(work.resolve("o6"))).get(), new Events());
        assertEquals(z1.manifestDigest(), z2.manifestDigest(), "gzip layers are reproducible too");
        assertNotEquals(a.manifestDigest(), z1.manifestDigest());
        JsonObject manifest = skopeoJson("inspect", "--raw", "oci:" + work.resolve("o5") + ":final");
        for (JsonElement l : manifest.getAsJsonArray("layers")) {
            assertEquals(MediaTypes.OCI_LAYER_GZIP, l.getAsJsonObject().get("mediaType").getAsString());
        }
        umociUnpack(work.resolve("o5"), "final");
    }

    // ---------------------------------------------------------------- 4: the cache

    @Test
    void rebuildsAreCachedByContentNotByMtime() throws Exception {
        Path ctx = writeContext(mainDockerfile(registry.host()));
        Path cache = work.resolve("cache");
        BuildResult first = Builder.build(request(ctx).cache(cache).outputs(new Output.OciLayout(work.resolve("o1")))
                .get(), new Events());

        Events again = new Events();
        BuildResult second = Builder.build(request(ctx).cache(cache).outputs(new Output.OciLayout(work.resolve("o2")))
                .get(), again);
        assertEquals(first.manifestDigest(), second.manifestDigest());
        assertEquals(List.of(), again.layerStepsNotCached(), "nothing changed, every layer step is cached");
        assertTrue(again.layerSteps().size() >= 6, again.toString());
        assertTrue(second.stages().stream().allMatch(BuildResult.StageTiming::cached), second.stages().toString());

        Files.setLastModifiedTime(ctx.resolve("conf/app.conf"), FileTime.from(Instant.parse("2001-02-03T04:05:06Z")));
        Events touched = new Events();
        BuildResult third = Builder.build(request(ctx).cache(cache).outputs(new Output.OciLayout(work.resolve("o3")))
                .get(), touched);
        assertEquals(List.of(), touched.layerStepsNotCached(), "an mtime is not a change");
        assertEquals(first.manifestDigest(), third.manifestDigest());

        Files.writeString(ctx.resolve("conf/app.conf"), "port=9090\n");
        Events changed = new Events();
        BuildResult fourth = Builder.build(request(ctx).cache(cache).outputs(new Output.OciLayout(work.resolve("o4")))
                .get(), changed);
        assertNotEquals(first.manifestDigest(), fourth.manifestDigest());
        assertEquals(List.of(
                        "files: COPY conf/ /out/conf/",
                        "files: ADD vendor.tar.gz /out/vendor/",
                        "files: COPY <<EOF /out/motd.txt ...",
                        "files: COPY . /out/ctx/",
                        "final: COPY --from=files /out/ /srv/app/",
                        "final: COPY --from=1 /out/motd.txt /etc/motd"),
                changed.layerStepsNotCached(), "the changed COPY and what comes after it in its stage, and its users");
        assertEquals(Set.of("base", "template"), changed.cachedStages(), changed.toString());
        assertEquals("port=9090\n", Files.readString(umociUnpack(work.resolve("o4"), "final").resolve("srv/app/conf/app.conf")));
    }

    // ---------------------------------------------------------------- 5: errors

    @Test
    void failuresNameTheLineAndLeaveNoOutput() throws Exception {
        String dockerfile = mainDockerfile(registry.host());
        Path ctx = writeContext(dockerfile);
        Path out = work.resolve("out");

        BuildException e = buildFails(request(ctx).target("fnal").outputs(new Output.OciLayout(out)), out);
        assertTrue(e.getMessage().contains("could not be found") && e.getMessage().contains("did you mean final?"),
                e.getMessage());

        e = buildFails(request(ctx).target("broken").outputs(new Output.OciLayout(out)), out);
        assertTrue(e.getMessage().startsWith("Dockerfile:" + lineOf(dockerfile, "COPY does-not-exist.txt") + ": "),
                e.getMessage());
        assertTrue(e.getMessage().contains("broken") && e.getMessage().contains("does-not-exist.txt"), e.getMessage());
        assertEquals("broken", e.stage());

        int deadPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadPort = s.getLocalPort();
        }
        String unreachable = "# nothing listens there\nFROM 127.0.0.1:" + deadPort + "/test/busybox:1 AS app\n";
        e = buildFails(request(ctx).dockerfile(unreachable).outputs(new Output.OciLayout(out)), out);
        assertTrue(e.getMessage().startsWith("Dockerfile:2: "), e.getMessage());
        assertTrue(e.getMessage().contains("cannot reach"), e.getMessage());

        String trigger = """
                FROM %s/test/busybox:1 AS tpl
                ONBUILD COPY missing-trigger.txt /

                FROM tpl AS child
                LABEL x=y
                """.formatted(registry.host());
        e = buildFails(request(ctx).dockerfile(trigger).outputs(new Output.OciLayout(out)), out);
        assertTrue(e.getMessage().startsWith("Dockerfile:4: stage child: "), "a trigger blames the FROM: " + e.getMessage());
        assertTrue(e.getMessage().contains("missing-trigger.txt"), e.getMessage());

        String escape = "FROM scratch AS app\n\nCOPY ../x /\n";
        Files.writeString(work.resolve("x"), "outside the context\n");
        e = buildFails(request(ctx).dockerfile(escape).outputs(new Output.OciLayout(out)), out);
        assertTrue(e.getMessage().startsWith("Dockerfile:3: "), e.getMessage());
    }

    private BuildException buildFails(RequestBuilder req, Path out) {
        BuildException e = assertThrows(BuildException.class, () -> Builder.build(req.get(), new Events()));
        assertFalse(Files.exists(out), "nothing written after: " + e.getMessage());
        return e;
    }

    private static int lineOf(String text, String needle) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError(needle + " not in the Dockerfile");
    }

    // ---------------------------------------------------------------- 6: push

    @Test
    void pushPutsTheImageInTheRegistry() throws Exception {
        Path ctx = writeContext(mainDockerfile(registry.host()));
        String target = registry.host() + "/test/out:1";
        BuildResult r = Builder.build(request(ctx).cache(work.resolve("cache")).push(target)
                .outputs(new Output.OciLayout(work.resolve("out"))).get(), new Events());
        JsonObject inspected = skopeoJson("inspect", "--tls-verify=false", "docker://" + target);
        assertEquals(6, inspected.getAsJsonArray("Layers").size(), registry.log());
        assertEquals(r.manifestDigest().toString(), inspected.get("Digest").getAsString(), "the result names the pushed digest");
        assertEquals("SIGTERM", skopeoJson("inspect", "--tls-verify=false", "--config", "docker://" + target)
                .getAsJsonObject("config").get("StopSignal").getAsString());
    }

    // ================================================================ helpers

    /** Collects events from any thread. */
    private static final class Events implements BuildListener {
        final List<BuildEvent> all = new CopyOnWriteArrayList<>();

        @Override
        public void on(BuildEvent event) {
            all.add(event);
        }

        List<String> stagesStarted() {
            return all.stream().filter(e -> e instanceof BuildEvent.StageStarted)
                    .map(e -> ((BuildEvent.StageStarted) e).stage()).toList();
        }

        Set<String> cachedStages() {
            return all.stream().filter(e -> e instanceof BuildEvent.StageFinished f && f.cached())
                    .map(e -> ((BuildEvent.StageFinished) e).stage()).collect(Collectors.toSet());
        }

        /** COPY, ADD and WORKDIR steps (the ones that write layers) as "stage: text", in stage then step order. */
        Map<BuildEvent.StepId, String> layerSteps() {
            Map<BuildEvent.StepId, String> out = new LinkedHashMap<>();
            all.stream().filter(e -> e instanceof BuildEvent.StepStarted).map(e -> (BuildEvent.StepStarted) e)
                    .filter(s -> s.text().matches("(?i)(COPY|ADD|WORKDIR)\\b.*"))
                    .sorted((x, y) -> x.id().stageIndex() != y.id().stageIndex()
                            ? Integer.compare(x.id().stageIndex(), y.id().stageIndex())
                            : Integer.compare(x.id().index(), y.id().index()))
                    .forEach(s -> out.put(s.id(), s.id().stage() + ": " + s.text()));
            return out;
        }

        List<String> layerStepsNotCached() {
            Set<BuildEvent.StepId> cached = all.stream().filter(e -> e instanceof BuildEvent.StepCached)
                    .map(e -> ((BuildEvent.StepCached) e).id()).collect(Collectors.toSet());
            Set<BuildEvent.StepId> finished = all.stream().filter(e -> e instanceof BuildEvent.StepFinished)
                    .map(e -> ((BuildEvent.StepFinished) e).id()).collect(Collectors.toSet());
            List<String> out = new ArrayList<>();
            layerSteps().forEach((id, text) -> {
                assertTrue(finished.contains(id), "every started step finished: " + text);
                if (!cached.contains(id)) {
                    out.add(text);
                }
            });
            return out;
        }

        @Override
        public String toString() {
            return all.toString();
        }
    }

    /** A BuildRequest with test defaults: host platform, no credentials, the context's Dockerfile. */
    private RequestBuilder request(Path ctx) {
        return new RequestBuilder(ctx);
    }

    private final class RequestBuilder {
        private final Path ctx;
        private String dockerfileText;
        private String target;
        private Path cache;
        private List<Output> outputs = List.of();
        private OptionalLong epoch = OptionalLong.empty();
        private boolean compress;
        private String push;
        private RegistryOptions registryOptions = RegistryOptions.defaults().withDockerConfigDir(shared.resolve("no-docker-config"));

        RequestBuilder(Path ctx) {
            this.ctx = ctx;
        }

        RequestBuilder dockerfile(String text) {
            dockerfileText = text;
            return this;
        }

        RequestBuilder target(String t) {
            target = t;
            return this;
        }

        RequestBuilder cache(Path dir) {
            cache = dir;
            return this;
        }

        RequestBuilder outputs(Output... o) {
            outputs = List.of(o);
            return this;
        }

        RequestBuilder epoch(long seconds) {
            epoch = OptionalLong.of(seconds);
            return this;
        }

        RequestBuilder compress() {
            compress = true;
            return this;
        }

        RequestBuilder push(String ref) {
            push = ref;
            return this;
        }

        RequestBuilder registry(RegistryOptions options) {
            registryOptions = options;
            return this;
        }

        BuildRequest get() throws IOException {
            Path dockerfile = ctx.resolve("Dockerfile");
            String text = dockerfileText != null ? dockerfileText : Files.readString(dockerfile);
            return new BuildRequest(dockerfile, text, ctx, Optional.ofNullable(target), Map.of(), Platform.host(),
                    outputs, Optional.empty(), Optional.ofNullable(push),
                    cache != null ? cache : work.resolve("cache-" + System.nanoTime()), false, false, Map.of(), epoch,
                    compress, registryOptions);
        }
    }

    // ---------------------------------------------------------------- the base image

    private static void pushBaseImage(String host, Path dockerConfigDir) throws Exception {
        BusyboxImage.push(host + "/test/busybox:1", dockerConfigDir, shared, List.of("sh", "ls", "cat", "true", "echo"));
    }

    private static Content text(String s) {
        return Content.ofBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    // ---------------------------------------------------------------- external tools

    /** Runs a tool; a non-zero exit fails the test with its output. Returns stdout. */
    private String run(String... command) throws Exception {
        Path tool = RequiredTool.find(command[0], command[0]);
        List<String> argv = new ArrayList<>(List.of(command));
        argv.set(0, tool.toString());
        Path out = Files.createTempFile(work, "out-", ".txt");
        Path err = Files.createTempFile(work, "err-", ".txt");
        Process p = new ProcessBuilder(argv).directory(work.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        p.getOutputStream().close();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in 180 s");
        }
        String stdout = Files.readString(out);
        assertEquals(0, p.exitValue(), () -> {
            try {
                return String.join(" ", command) + " failed:\n" + Files.readString(err) + stdout;
            } catch (IOException e) {
                return String.join(" ", command) + " failed";
            }
        });
        return stdout;
    }

    private JsonObject skopeoJson(String... args) throws Exception {
        String[] argv = new String[args.length + 1];
        argv[0] = "skopeo";
        System.arraycopy(args, 0, argv, 1, args.length);
        return JsonParser.parseString(run(argv)).getAsJsonObject();
    }

    /** The config as skopeo parses it (OCI fields only). */
    private JsonObject skopeoConfig(Path dir, String ref) throws Exception {
        return skopeoJson("inspect", "--config", "oci:" + dir + ":" + ref);
    }

    /** The config blob as written (with Docker's Healthcheck, OnBuild, Shell). */
    private JsonObject skopeoRawConfig(Path dir, String ref) throws Exception {
        return skopeoJson("inspect", "--config", "--raw", "oci:" + dir + ":" + ref);
    }

    private final Map<String, Path> bundles = new HashMap<>();

    /** umoci unpack (as root, so owners are real); returns the bundle's rootfs. */
    private Path umociUnpack(Path dir, String ref) throws Exception {
        Path bundle = work.resolve("bundle-" + dir.getFileName() + "-" + ref);
        if (!bundles.containsKey(bundle.toString())) {
            assertEquals("root", System.getProperty("user.name"), "umoci unpack keeps owners only as root");
            run("umoci", "unpack", "--image", dir + ":" + ref, bundle.toString());
            bundles.put(bundle.toString(), bundle);
        }
        return bundle.resolve("rootfs");
    }

    private JsonObject umociRuntimeConfig(Path dir) throws IOException {
        for (Path b : bundles.values()) {
            if (b.getFileName().toString().startsWith("bundle-" + dir.getFileName() + "-")) {
                return JsonParser.parseString(Files.readString(b.resolve("config.json"))).getAsJsonObject();
            }
        }
        throw new AssertionError("unpack " + dir + " first");
    }

    private static List<String> strings(JsonElement e) {
        List<String> out = new ArrayList<>();
        if (e != null && e.isJsonArray()) {
            e.getAsJsonArray().forEach(x -> out.add(x.getAsString()));
        }
        return out;
    }
}
