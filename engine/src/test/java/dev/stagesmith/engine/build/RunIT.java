package dev.stagesmith.engine.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.stagesmith.engine.registry.RegistryOptions;
import dev.stagesmith.engine.testing.BusyboxImage;
import dev.stagesmith.engine.testing.RegistryServer;
import dev.stagesmith.engine.testing.RequiredTool;
import dev.stagesmith.grammar.stages.Platform;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RUN end to end: real bubblewrap runs the steps on a busybox base served by a real registry on loopback;
 * umoci unpacks what the engine wrote and podman runs it.
 */
class RunIT {

    private static final long EPOCH = 1_700_000_000L;

    @TempDir
    static Path shared;

    @TempDir
    Path work;

    private static RegistryServer registry;
    private static Path dockerConfig;

    @BeforeAll
    static void startRegistryWithBaseImage() throws Exception {
        RequiredTool.find("bwrap", "bubblewrap");
        RequiredTool.find("umoci", "umoci");
        registry = RegistryServer.start(shared, Optional.empty());
        dockerConfig = shared.resolve("no-docker-config");
        BusyboxImage.push(registry.host() + "/test/busybox:1", dockerConfig, shared, BusyboxImage.allApplets());
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    private static String mainDockerfile(String host) {
        return """
                FROM %s/test/busybox:1 AS base
                ARG GREETING=created
                RUN mkdir -p /data/sub /opq && echo "$GREETING" > /data/new.txt && echo changed > /junk/keep-me.txt \\
                    && rm /etc/group && ln -s new.txt /data/link && ln /data/new.txt /data/hard && chmod 0750 /data/sub \\
                    && echo a > /opq/a && echo b > /opq/b
                RUN rm -rf /opq && mkdir /opq && echo fresh > /opq/fresh
                RUN mkdir /locked && echo secret > /locked/f && chmod 000 /locked/f /locked
                USER app
                RUN echo mine > /home/app/mine.txt && id -u > /home/app/uid.txt
                USER root

                FROM base AS final
                COPY --from=base /data/new.txt /copied.txt
                RUN <<EOF
                cat /copied.txt /data/link > /both.txt
                echo heredoc ran
                EOF
                CMD ["cat", "/both.txt"]
                """.formatted(host);
    }

    private Path context(String dockerfile) throws IOException {
        Path ctx = Files.createDirectories(work.resolve("ctx"));
        Files.writeString(ctx.resolve("Dockerfile"), dockerfile);
        return ctx;
    }

    @Test
    void runChangesBecomeLayersThatUmociAndPodmanAccept() throws Exception {
        Path ctx = context(mainDockerfile(registry.host()));
        Path out = work.resolve("out");
        Events events = new Events();
        BuildResult r = Builder.build(request(ctx, work.resolve("cache"), out), events);
        assertTrue(events.output().contains("heredoc ran"), "RUN output is streamed: " + events.output());

        Path root = unpack(out, r);
        assertEquals("created\n", Files.readString(root.resolve("data/new.txt")), "the ARG reached the RUN");
        assertEquals("changed\n", Files.readString(root.resolve("junk/keep-me.txt")));
        assertFalse(Files.exists(root.resolve("etc/group")), "deleted by RUN (a whiteout)");
        assertTrue(Files.exists(root.resolve("etc/passwd")));
        assertEquals("new.txt", Files.readSymbolicLink(root.resolve("data/link")).toString());
        assertEquals(Files.getAttribute(root.resolve("data/new.txt"), "unix:ino"),
                Files.getAttribute(root.resolve("data/hard"), "unix:ino"), "a hard link");
        assertOwnerAndMode(root.resolve("data/sub"), 0, 0, 0750);
        assertOwnerAndMode(root.resolve("data/new.txt"), 0, 0, 0644);
        assertEquals(Set.of("fresh"), list(root.resolve("opq")), "the replaced directory hid its old children");
        assertOwnerAndMode(root.resolve("locked"), 0, 0, 0);
        assertOwnerAndMode(root.resolve("locked/f"), 0, 0, 0);
        assertEquals("secret\n", Files.readString(root.resolve("locked/f")), "a file the RUN locked is in the layer");
        assertOwnerAndMode(root.resolve("home/app/mine.txt"), 1000, 1000, 0644);
        assertEquals("1000\n", Files.readString(root.resolve("home/app/uid.txt")));
        assertEquals("created\ncreated\n", Files.readString(root.resolve("both.txt")));
        for (String stub : List.of("proc", "dev", "etc/hosts", "etc/resolv.conf")) {
            assertFalse(Files.exists(root.resolve(stub), LinkOption.NOFOLLOW_LINKS), stub + " is a mount point only");
        }
        Set<String> names = layerNames(out);
        assertTrue(names.contains("etc/.wh.group"), names.toString());
        assertTrue(names.contains("opq/.wh..wh..opq"), names.toString());

        Path podman = RequiredTool.find("podman", "podman");
        String printed = tool(podmanEnv(), podman.toString(), "run", "--quiet", "--rm", "oci:" + out + ":final");
        assertEquals("created\ncreated\n", printed);
    }

    @Test
    void environmentShellWorkdirAndCommandFormsAreBuildKits() throws Exception {
        String df = """
                FROM %s/test/busybox:1
                ARG FLAVOUR=default
                ARG UNSET
                ENV KEPT=env-value
                WORKDIR /w
                RUN echo "flavour=$FLAVOUR kept=$KEPT unset=${UNSET-none} path=$PATH pwd=$(pwd) host=$(hostname)" > out.txt
                RUN echo "proxy=$HTTP_PROXY" > proxy.txt
                SHELL ["/bin/sh", "-ec"]
                RUN case "$-" in *e*) echo errexit > shell.txt;; esac
                RUN ["/bin/sh", "-c", "echo exec form $KEPT > /w/exec.txt"]
                RUN <<EOT
                #!/bin/awk -f
                BEGIN { print "awk script" > "/w/awk.txt" }
                EOT
                RUN cat > /w/doc.txt <<EOF
                line from a heredoc
                EOF
                """.formatted(registry.host());
        Path ctx = context(df);
        Path out = work.resolve("out");
        Path dockerfile = ctx.resolve("Dockerfile");
        BuildRequest req = new BuildRequest(dockerfile, df, ctx, Optional.empty(), Map.of("FLAVOUR", "from-arg",
                "HTTP_PROXY", "http://127.0.0.1:3128"),
                Platform.host(), List.of(new Output.OciLayout(out)), Optional.empty(), Optional.empty(),
                work.resolve("cache"), false, false, Map.of(), OptionalLong.empty(), false,
                RegistryOptions.defaults().withDockerConfigDir(dockerConfig));
        BuildResult r = Builder.build(req, e -> { });
        Path root = unpack(out, r);
        assertEquals("flavour=from-arg kept=env-value unset=none path=/bin pwd=/w host=buildkitsandbox\n",
                Files.readString(root.resolve("w/out.txt")));
        assertEquals("errexit\n", Files.readString(root.resolve("w/shell.txt")), "RUN used SHELL");
        assertEquals("proxy=http://127.0.0.1:3128\n", Files.readString(root.resolve("w/proxy.txt")),
                "a proxy build arg reaches RUN undeclared");
        assertEquals("exec form env-value\n", Files.readString(root.resolve("w/exec.txt")));
        assertEquals("awk script\n", Files.readString(root.resolve("w/awk.txt")), "a shebang heredoc runs as a file");
        assertEquals("line from a heredoc\n", Files.readString(root.resolve("w/doc.txt")));
        assertFalse(Files.exists(root.resolve("dev")), "/dev/pipes and /dev stay out of the layer");
        JsonObject config = JsonParser.parseString(Files.readString(
                out.resolve("blobs/sha256").resolve(r.configDigest().hex()))).getAsJsonObject();
        String env = config.getAsJsonObject("config").get("Env").toString();
        assertTrue(env.contains("KEPT=env-value") && !env.contains("FLAVOUR"), "ARGs stay out of the config: " + env);
        String history = config.get("history").toString();
        assertTrue(history.contains("RUN |1 FLAVOUR=from-arg /bin/sh -c echo"), history);
        assertFalse(history.contains("3128") || env.contains("3128"), "nor is it in the history or config: " + history);
    }

    @Test
    void aRebuildIsCachedAndGivesTheSameImage() throws Exception {
        Path ctx = context(mainDockerfile(registry.host()));
        Path cache = work.resolve("cache");
        BuildResult first = Builder.build(request(ctx, cache, work.resolve("out1")), e -> { });
        Events events = new Events();
        BuildResult second = Builder.build(request(ctx, cache, work.resolve("out2")), events);
        assertEquals(first.manifestDigest(), second.manifestDigest());
        assertTrue(events.output().isEmpty(), "no RUN ran again: " + events.output());
        assertEquals(events.started("RUN"), events.cached("RUN"), events.toString());
        BuildResult fresh = Builder.build(request(ctx, work.resolve("cache2"), work.resolve("out3")), e -> { });
        assertEquals(diffIds(work.resolve("out1"), first), diffIds(work.resolve("out3"), fresh),
                "RUN layers are reproducible without SOURCE_DATE_EPOCH too");
    }

    @Test
    void rootAndAnUnprivilegedUserBuildTheSameImage() throws Exception {
        RequiredTool.find("setpriv", "util-linux");
        assertEquals("root", System.getProperty("user.name"), "this test switches users, so it runs as root");
        Path ctx = context(mainDockerfile(registry.host()));
        Files.writeString(ctx.resolve("Dockerfile"), mainDockerfile(registry.host()));
        BuildResult asRoot = Builder.build(request(ctx, work.resolve("cache-root"), work.resolve("out-root"),
                OptionalLong.of(EPOCH)), e -> { });

        Path nobody = nobodyHome(ctx);
        String printed = asNobody(nobody, System.getenv("PATH"), Long.toString(EPOCH)).output();
        assertTrue(printed.contains("digest " + asRoot.manifestDigest()), () -> "root built " + asRoot.manifestDigest()
                + ", nobody printed: " + printed + "\n" + layerListings(work.resolve("out-root"))
                + "\nnobody:\n" + layerListings(nobody.resolve("out")));
    }

    @Test
    void theChrootSandboxGivesTheSameImageAsBubblewrap() throws Exception {
        RequiredTool.find("unshare", "util-linux");
        assertEquals("root", System.getProperty("user.name"), "the chroot sandbox is for root builders");
        Path ctx = context(mainDockerfile(registry.host()));
        BuildResult bwrap;
        System.setProperty("stagesmith.sandbox", "bwrap");
        try {
            bwrap = Builder.build(request(ctx, work.resolve("cache-bwrap"), work.resolve("out-bwrap"),
                    OptionalLong.of(EPOCH)), e -> { });
        } finally {
            System.clearProperty("stagesmith.sandbox");
        }
        Events events = new Events();
        BuildResult chroot;
        System.setProperty("stagesmith.sandbox", "chroot");
        try {
            chroot = Builder.build(request(ctx, work.resolve("cache-chroot"), work.resolve("out-chroot"),
                    OptionalLong.of(EPOCH)), events);
        } finally {
            System.clearProperty("stagesmith.sandbox");
        }
        assertTrue(events.output().contains("heredoc ran"), events.output().toString());
        assertEquals(diffIds(work.resolve("out-bwrap"), bwrap), diffIds(work.resolve("out-chroot"), chroot));
        assertEquals(bwrap.manifestDigest(), chroot.manifestDigest());
    }

    @Test
    void withoutASandboxARunSaysWhatToInstall() throws Exception {
        RequiredTool.find("setpriv", "util-linux");
        assertEquals("root", System.getProperty("user.name"), "this test switches users, so it runs as root");
        Path ctx = context(mainDockerfile(registry.host()));
        // No bwrap on PATH, and not root (so no chroot fallback): a real machine without bubblewrap.
        Path bin = Files.createDirectories(work.resolve("bin-without-bwrap"));
        Result r = asNobody(nobodyHome(ctx), bin.toString(), Long.toString(EPOCH));
        assertTrue(r.exit() != 0, r.output());
        assertTrue(r.output().contains("Dockerfile:3: stage base: " + dev.stagesmith.engine.run.Sandboxes.missingAdvice()),
                r.output());
    }

    @Test
    void aFailingRunReportsItsExitCodeLastLinesAndLine() throws Exception {
        String df = """
                FROM %s/test/busybox:1
                RUN echo first line && echo to stderr >&2 && exit 3
                """.formatted(registry.host());
        Path ctx = context(df);
        BuildException e = org.junit.jupiter.api.Assertions.assertThrows(BuildException.class,
                () -> Builder.build(request(ctx, work.resolve("cache"), work.resolve("out")), ev -> { }));
        String[] lines = e.getMessage().split("\n");
        assertEquals("Dockerfile:2: stage stage-0: `/bin/sh -c echo first line && echo to stderr >&2 && exit 3` exited with code 3",
                lines[0]);
        assertEquals(List.of("first line", "to stderr"), List.of(lines).subList(1, lines.length));
        assertEquals(2, e.line());
    }

    @Test
    void cancellingALongRunStopsItAndTheCacheStaysUsable() throws Exception {
        String df = """
                FROM %s/test/busybox:1
                RUN echo before > /before
                RUN echo started && sleep 60 && echo never > /never
                """.formatted(registry.host());
        Path ctx = context(df);
        Path cache = work.resolve("cache");
        Cancellation cancel = new Cancellation();
        CompletableFuture<String> started = new CompletableFuture<>();
        CompletableFuture<Object> build = CompletableFuture.supplyAsync(() -> {
            try {
                return Builder.build(request(ctx, cache, work.resolve("out")), e -> {
                    if (e instanceof BuildEvent.StepOutput o) {
                        started.complete(o.line());
                    }
                }, cancel);
            } catch (Exception e) {
                return e;
            }
        });
        assertEquals("started", started.get(60, TimeUnit.SECONDS));
        long t0 = System.nanoTime();
        cancel.cancel();
        Object result = build.get(10, TimeUnit.SECONDS);
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertTrue(result instanceof BuildCancelledException, String.valueOf(result));
        assertTrue(ms < 3000, "stopped in " + ms + " ms");
        assertTrue(sleepers().isEmpty(), "no sandboxed process is left: " + sleepers());

        try (Stream<Path> left = Files.list(cache)) {
            List<String> scratch = left.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".scratch-")).toList();
            assertEquals(List.of(), scratch, "the cancelled build cleaned its root directories up");
        }

        Files.writeString(ctx.resolve("Dockerfile"), df.replace("sleep 60", "sleep 0"));
        Events events = new Events();
        BuildResult r = Builder.build(request(ctx, cache, work.resolve("out2")), events);
        assertEquals(4, r.layers());
        assertEquals(1, events.cached("RUN echo before"), "the RUN that finished before the cancel is cached");
        assertEquals(List.of("started"), events.output());
    }

    @Test
    void networkNoneHasOnlyLoopback() throws Exception {
        String df = """
                FROM %s/test/busybox:1
                RUN --network=none ip -o link | cut -d: -f2 | tr -d ' ' > /links
                """.formatted(registry.host());
        Path ctx = context(df);
        Path out = work.resolve("out");
        BuildResult r = Builder.build(request(ctx, work.resolve("cache"), out), e -> { });
        Path root = unpack(out, r);
        assertEquals("lo\n", Files.readString(root.resolve("links")));
    }

    /**
     * Root builds use real ids (the chroot sandbox), so a RUN may chown to anyone and switch users; it keeps
     * only Docker's default capabilities, so it cannot mount.
     */
    @Test
    void asRootARunCanChownAndSwitchUsers() throws Exception {
        assertEquals("root", System.getProperty("user.name"), "root builders get real ids");
        String df = """
                FROM %s/test/busybox:1
                RUN touch /owned && chown 1000:1000 /owned && su app -c 'id -u > /tmp/who' && cp /tmp/who /who
                RUN mkdir /mnt && if mount -t tmpfs tmpfs /mnt 2>/dev/null; then echo mounted; else echo refused; fi > /mount
                """.formatted(registry.host());
        Path ctx = context(df);
        Path out = work.resolve("out");
        BuildResult r = Builder.build(request(ctx, work.resolve("cache"), out), e -> { });
        Path root = unpack(out, r);
        assertEquals("1000\n", Files.readString(root.resolve("who")));
        assertOwnerAndMode(root.resolve("owned"), 1000, 1000, 0644);
        assertEquals("refused\n", Files.readString(root.resolve("mount")), "a RUN keeps only Docker's default capabilities");
    }

    // ---------------------------------------------------------------- helpers

    private record Result(int exit, String output) {}

    /** A world-readable copy of the class path and of the context, in a directory nobody (65534) owns. */
    private Path nobodyHome(Path ctx) throws Exception {
        Path nobody = Files.createDirectories(work.resolve("nobody"));
        int n = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path src = Path.of(entry);
            if (Files.exists(src)) {
                copyTree(src, nobody.resolve("cp").resolve(n++ + (Files.isDirectory(src) ? "" : ".jar")));
            }
        }
        copyTree(ctx, nobody.resolve("ctx"));
        tool(Map.of(), "chown", "-R", "65534:65534", nobody.toString());
        for (Path p = nobody; p.getParent() != null; p = p.getParent()) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
            if (p.equals(Path.of(System.getProperty("java.io.tmpdir")))) {
                break;
            }
        }
        return nobody;
    }

    /** Builds nobody's copy of the context with {@link RunChild} as uid 65534. */
    private Result asNobody(Path nobody, String path, String epoch) throws Exception {
        List<String> cp = new ArrayList<>();
        try (Stream<Path> s = Files.list(nobody.resolve("cp"))) {
            s.sorted((a, b) -> Integer.compare(index(a), index(b))).forEach(p -> cp.add(p.toString()));
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(RequiredTool.find("setpriv", "util-linux").toString(),
                "--reuid=65534", "--regid=65534", "--clear-groups", java, "-cp", String.join(File.pathSeparator, cp),
                RunChild.class.getName(), nobody.resolve("ctx").toString(), nobody.resolve("cache").toString(),
                nobody.resolve("out").toString(), dockerConfig.toString(), epoch)
                .directory(work.toFile()).redirectErrorStream(true);
        pb.environment().put("HOME", nobody.toString());
        pb.environment().put("PATH", path);
        Path out = Files.createTempFile(work, "nobody-", ".txt");
        pb.redirectOutput(out.toFile());
        Process p = pb.start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the build as nobody did not finish in 300 s");
        }
        return new Result(p.exitValue(), Files.readString(out));
    }

    private static int index(Path p) {
        String name = p.getFileName().toString();
        return Integer.parseInt(name.endsWith(".jar") ? name.substring(0, name.length() - 4) : name);
    }

    private BuildRequest request(Path ctx, Path cache, Path out) throws IOException {
        return request(ctx, cache, out, OptionalLong.empty());
    }

    private BuildRequest request(Path ctx, Path cache, Path out, OptionalLong epoch) throws IOException {
        Path dockerfile = ctx.resolve("Dockerfile");
        return new BuildRequest(dockerfile, Files.readString(dockerfile), ctx, Optional.empty(), Map.of(),
                Platform.host(), List.of(new Output.OciLayout(out)), Optional.empty(), Optional.empty(), cache, false,
                false, Map.of(), epoch, false,
                RegistryOptions.defaults().withDockerConfigDir(dockerConfig));
    }

    private static final class Events implements BuildListener {
        final List<BuildEvent> all = new CopyOnWriteArrayList<>();

        @Override
        public void on(BuildEvent event) {
            all.add(event);
        }

        List<String> output() {
            return all.stream().filter(e -> e instanceof BuildEvent.StepOutput)
                    .map(e -> ((BuildEvent.StepOutput) e).line()).toList();
        }

        long started(String keyword) {
            return all.stream().filter(e -> e instanceof BuildEvent.StepStarted s && s.text().startsWith(keyword)).count();
        }

        long cached(String keyword) {
            Set<BuildEvent.StepId> ids = new HashSet<>();
            all.stream().filter(e -> e instanceof BuildEvent.StepStarted s && s.text().startsWith(keyword))
                    .forEach(e -> ids.add(((BuildEvent.StepStarted) e).id()));
            return all.stream().filter(e -> e instanceof BuildEvent.StepCached c && ids.contains(c.id())).count();
        }

        @Override
        public String toString() {
            return all.toString();
        }
    }

    private Path unpack(Path layout, BuildResult r) throws Exception {
        Path bundle = work.resolve("bundle-" + layout.getFileName());
        tool(Map.of(), "umoci", "unpack", "--image", layout + ":" + r.target(), bundle.toString());
        return bundle.resolve("rootfs");
    }

    private static List<String> diffIds(Path layout, BuildResult r) throws IOException {
        JsonObject config = JsonParser.parseString(Files.readString(
                layout.resolve("blobs/sha256").resolve(r.configDigest().hex()))).getAsJsonObject();
        List<String> out = new ArrayList<>();
        config.getAsJsonObject("rootfs").getAsJsonArray("diff_ids").forEach(d -> out.add(d.getAsString()));
        return out;
    }

    /** For failure messages: {@code tar -tv} of every layer blob. */
    private String layerListings(Path layout) {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> blobs = Files.list(layout.resolve("blobs/sha256"))) {
            for (Path b : blobs.sorted().toList()) {
                if (Files.size(b) < 512 || Files.size(b) > 1_000_000) {
                    continue;
                }
                Process p = new ProcessBuilder("tar", "--numeric-owner", "-tvf", b.toString()).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (p.waitFor() == 0) {
                    sb.append(b.getFileName()).append(":\n").append(out);
                }
            }
        } catch (Exception e) {
            sb.append(e);
        }
        return sb.toString();
    }

    /** Every entry name in every layer blob of the layout. */
    private Set<String> layerNames(Path layout) throws Exception {
        Set<String> names = new HashSet<>();
        try (Stream<Path> blobs = Files.list(layout.resolve("blobs/sha256"))) {
            for (Path b : blobs.toList()) {
                byte[] head = new byte[512];
                try (var in = Files.newInputStream(b)) {
                    if (in.readNBytes(head, 0, 512) < 512 || !new String(head, 257, 5, StandardCharsets.US_ASCII).equals("ustar")) {
                        continue;
                    }
                }
                for (String line : tool(Map.of(), "tar", "-tf", b.toString()).split("\n")) {
                    names.add(line.endsWith("/") ? line.substring(0, line.length() - 1) : line);
                }
            }
        }
        return names;
    }

    private static Set<String> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            Set<String> out = new HashSet<>();
            s.forEach(p -> out.add(p.getFileName().toString()));
            return out;
        }
    }

    private static void assertOwnerAndMode(Path p, int uid, int gid, int mode) throws IOException {
        assertEquals(uid, Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS), p + " uid");
        assertEquals(gid, Files.getAttribute(p, "unix:gid", LinkOption.NOFOLLOW_LINKS), p + " gid");
        assertEquals(Integer.toOctalString(mode),
                Integer.toOctalString((int) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777), p + " mode");
    }

    /** Processes still running our RUN's sleep. */
    private static List<ProcessHandle> sleepers() {
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains("sleep 60")
                && p.info().commandLine().orElse("").contains("never")).toList();
    }

    private static void copyTree(Path src, Path dst) throws IOException {
        try (Stream<Path> s = Files.walk(src)) {
            for (Path p : s.toList()) {
                Path t = dst.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.createDirectories(t.getParent());
                    Files.copy(p, t);
                }
            }
        }
    }

    private Map<String, String> podmanEnv() throws IOException {
        Path conf = Files.createDirectories(work.resolve("podman-conf"));
        Path storage = conf.resolve("storage.conf");
        Files.writeString(storage, "[storage]\ndriver = \"vfs\"\ngraphroot = \"" + work.resolve("podman-graph")
                + "\"\nrunroot = \"" + work.resolve("podman-run") + "\"\n");
        Files.writeString(conf.resolve("containers.conf"), "[containers]\n"
                + "default_ulimits = [\"nofile=1024:1024\", \"nproc=1024:1024\"]\nnetns = \"none\"\n"
                + "[engine]\nruntime = \"runc\"\ncgroup_manager = \"cgroupfs\"\nevents_logger = \"file\"\n"
                + "tmp_dir = \"" + work.resolve("podman-tmp") + "\"\n");
        return Map.of("CONTAINERS_STORAGE_CONF", storage.toString(),
                "CONTAINERS_CONF", conf.resolve("containers.conf").toString());
    }

    /** Runs a tool to completion; a non-zero exit fails the test with its output. Returns stdout and stderr. */
    private String tool(Map<String, String> env, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Path out = Files.createTempFile(work, "tool-", ".txt");
        pb.redirectOutput(out.toFile());
        Process p = pb.start();
        p.getOutputStream().close();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in 300 s");
        }
        String text = Files.readString(out);
        assertEquals(0, p.exitValue(), () -> String.join(" ", command) + " failed:\n" + text);
        return text;
    }
}
