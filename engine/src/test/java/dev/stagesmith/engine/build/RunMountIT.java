package dev.stagesmith.engine.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagesmith.engine.oci.Digest;
import dev.stagesmith.engine.registry.RegistryOptions;
import dev.stagesmith.engine.testing.BusyboxImage;
import dev.stagesmith.engine.testing.RegistryServer;
import dev.stagesmith.engine.testing.RequiredTool;
import dev.stagesmith.grammar.stages.Platform;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RUN --mount end to end: real bwrap runs the steps on a busybox base from a loopback registry, umoci (an
 * independent tool) unpacks what the engine wrote, and every byte the build left behind is searched for the
 * secret.
 */
class RunMountIT {

    @TempDir
    static Path shared;

    @TempDir
    Path work;

    private static RegistryServer registry;

    @BeforeAll
    static void startRegistryWithBaseImage() throws Exception {
        RequiredTool.find("bwrap", "bubblewrap");
        RequiredTool.find("umoci", "umoci");
        registry = RegistryServer.start(shared, Optional.empty());
        BusyboxImage.push(registry.host() + "/test/busybox:1", shared.resolve("no-docker-config"), shared,
                BusyboxImage.allApplets());
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void aCacheMountPersistsBetweenBuildsAndStaysOutOfTheImage() throws Exception {
        Path cache = work.resolve("cache");
        Path ctx = context("""
                FROM %s/test/busybox:1
                RUN --mount=type=cache,target=/var/cache/demo,id=demo \\
                    echo first > /var/cache/demo/seen && ls /var/cache/demo > /build1.txt
                """);
        Path first = build(ctx, cache, Map.of(), new Events());
        Path root1 = unpack(first);
        assertEquals("seen\n", Files.readString(root1.resolve("build1.txt")));
        assertAbsent(root1, "var/cache/demo/seen");

        write(ctx, "Dockerfile", """
                FROM %s/test/busybox:1
                RUN --mount=type=cache,target=/cache,id=demo cat /cache/seen > /build2.txt
                """.formatted(registry.host()));
        Path second = build(ctx, cache, Map.of(), new Events());
        Path root2 = unpack(second);
        assertEquals("first\n", Files.readString(root2.resolve("build2.txt")), "the second build saw the first's file");
        assertAbsent(root2, "cache/seen");
    }

    @Test
    void aSecretIsReadableDuringRunAndNowhereAfterwards() throws Exception {
        String secret = "tok-" + UUID.randomUUID();
        Path secretFile = Files.writeString(work.resolve("token.txt"), secret);
        Path cache = work.resolve("cache");
        Path ctx = context("""
                FROM %s/test/busybox:1
                RUN --mount=type=secret,id=token sha256sum /run/secrets/token | cut -d' ' -f1 > /file.sha \\
                    && stat -c %%a /run/secrets/token > /file.mode
                RUN --mount=type=secret,id=token,env=TOKEN,target=/etc/app/token \\
                    printf %%s "$TOKEN" | sha256sum | cut -d' ' -f1 > /env.sha && cat /etc/app/token > /dev/null
                """);
        Events events = new Events();
        Path out = build(ctx, cache, Map.of("token", secretFile), events);
        Path root = unpack(out);
        String sha = HexFormat.of().formatHex(Digest.sha256().digest(secret.getBytes(StandardCharsets.UTF_8)));
        assertEquals(sha + "\n", Files.readString(root.resolve("file.sha")), "the RUN read the secret file");
        assertEquals("400\n", Files.readString(root.resolve("file.mode")));
        assertEquals(sha + "\n", Files.readString(root.resolve("env.sha")), "the RUN had it in $TOKEN");
        assertAbsent(root, "run/secrets/token", "etc/app/token");

        byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
        assertNotIn(out, needle);   // every layer, the config with its history, the manifest and index
        assertNotIn(cache, needle); // step records, blobs, cache mounts
        assertFalse(events.toString().contains(secret), "the log");

        Events again = new Events();
        build(ctx, cache, Map.of("token", secretFile), again);
        assertEquals(2, again.cachedRuns(), "both RUNs are cached the second time: " + again);
    }

    @Test
    void bindsFromTheContextAndAStageAreReadOnlyAndNotInTheLayer() throws Exception {
        Path cache = work.resolve("cache");
        Path ctx = context("""
                FROM %s/test/busybox:1 AS tools
                RUN mkdir -p /opt/tools && echo tool > /opt/tools/tool.txt

                FROM %<s/test/busybox:1
                RUN --mount=type=bind,source=data,target=/mnt/ctx \\
                    --mount=type=bind,from=tools,source=/opt/tools,target=/mnt/tools \\
                    cat /mnt/ctx/hello.txt /mnt/tools/tool.txt > /seen.txt \\
                    && if touch /mnt/ctx/new 2>/dev/null; then echo writable; else echo read-only; fi > /ro.txt
                RUN --mount=type=bind,source=data,target=/mnt/rw,rw echo changed > /mnt/rw/hello.txt
                """);
        write(ctx, "data/hello.txt", "hello\n");
        Path out = build(ctx, cache, Map.of(), new Events());
        Path root = unpack(out);
        assertEquals("hello\ntool\n", Files.readString(root.resolve("seen.txt")));
        assertEquals("read-only\n", Files.readString(root.resolve("ro.txt")));
        assertAbsent(root, "mnt/ctx/hello.txt", "mnt/tools/tool.txt", "mnt/rw/hello.txt", "opt/tools");
        assertEquals("hello\n", Files.readString(ctx.resolve("data/hello.txt")), "rw writes never reach the context");

        write(ctx, "data/hello.txt", "hello again\n");
        Events events = new Events();
        Path again = build(ctx, cache, Map.of(), events);
        assertEquals("hello again\ntool\n", Files.readString(unpack(again).resolve("seen.txt")),
                "a changed bound file runs the step again: " + events);
    }

    @Test
    void aTmpfsIsEmptyAndNotInTheLayer() throws Exception {
        Path ctx = context("""
                FROM %s/test/busybox:1
                RUN mkdir -p /scratch && echo image > /scratch/from-image
                RUN --mount=type=tmpfs,target=/scratch,size=1m \\
                    ls -A /scratch | wc -l > /tmpfs-count && grep -c ' /scratch tmpfs ' /proc/mounts > /tmpfs-mounts \\
                    && echo junk > /scratch/junk
                """);
        Path root = unpack(build(ctx, work.resolve("cache"), Map.of(), new Events()));
        assertEquals("0", Files.readString(root.resolve("tmpfs-count")).strip(), "the tmpfs hides what was there");
        assertEquals("1", Files.readString(root.resolve("tmpfs-mounts")).strip());
        assertAbsent(root, "scratch/junk");
        assertEquals("image\n", Files.readString(root.resolve("scratch/from-image")), "the image's own file is kept");
    }

    @Test
    void anSshAgentSocketIsForwardedAtSshAuthSock() throws Exception {
        Path socket = work.resolve("agent.sock");
        try (ServerSocketChannel agent = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            agent.bind(UnixDomainSocketAddress.of(socket));
            Path ctx = context("""
                    FROM %s/test/busybox:1
                    RUN --mount=type=ssh echo "$SSH_AUTH_SOCK" > /sock.txt && test -S "$SSH_AUTH_SOCK" && echo socket > /kind.txt
                    """);
            Path dockerfile = ctx.resolve("Dockerfile");
            Path out = work.resolve("out-ssh");
            BuildRequest request = new BuildRequest(dockerfile, Files.readString(dockerfile), ctx, Optional.empty(),
                    Map.of(), Platform.host(), List.of(new Output.OciLayout(out)), Optional.empty(), Optional.empty(),
                    work.resolve("cache"), false, false, Map.of(), OptionalLong.empty(), false,
                    RegistryOptions.defaults().withDockerConfigDir(shared.resolve("no-docker-config")), Map.of(),
                    Map.of("default", socket.toString()));
            Builder.build(request, new Events());
            Path root = unpack(out);
            assertEquals("/run/buildkit/ssh_agent.0\n", Files.readString(root.resolve("sock.txt")));
            assertEquals("socket\n", Files.readString(root.resolve("kind.txt")));
            assertAbsent(root, "run/buildkit/ssh_agent.0");
        }
    }

    // ---------------------------------------------------------------- helpers

    private Path context(String dockerfile) throws IOException {
        Path ctx = Files.createDirectories(work.resolve("ctx"));
        write(ctx, "Dockerfile", dockerfile.formatted(registry.host()));
        return ctx;
    }

    private static void write(Path root, String rel, String content) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    private int builds;

    /** Builds the last stage into a fresh OCI layout and returns it. */
    private Path build(Path ctx, Path cache, Map<String, Path> secrets, Events events) throws Exception {
        Path out = work.resolve("out-" + ++builds);
        Path dockerfile = ctx.resolve("Dockerfile");
        BuildRequest request = new BuildRequest(dockerfile, Files.readString(dockerfile), ctx, Optional.empty(),
                Map.of(), Platform.host(), List.of(new Output.OciLayout(out)), Optional.empty(), Optional.empty(),
                cache, false, false, Map.of(), OptionalLong.empty(), false,
                RegistryOptions.defaults().withDockerConfigDir(shared.resolve("no-docker-config")), secrets, Map.of());
        Builder.build(request, events);
        return out;
    }

    /** umoci unpack (as root, so owners are real); returns the rootfs. */
    private Path unpack(Path layout) throws Exception {
        Path bundle = work.resolve("bundle-" + layout.getFileName());
        String ref = Files.readString(layout.resolve("index.json")).replaceAll(
                "(?s).*\"org.opencontainers.image.ref.name\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        Process p = new ProcessBuilder(RequiredTool.find("umoci", "umoci").toString(), "unpack", "--image",
                layout + ":" + ref, bundle.toString()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "umoci finished");
        assertEquals(0, p.exitValue(), "umoci unpack: " + log);
        return bundle.resolve("rootfs");
    }

    private static void assertAbsent(Path root, String... paths) {
        for (String p : paths) {
            assertFalse(Files.exists(root.resolve(p), LinkOption.NOFOLLOW_LINKS), p + " is in the image");
        }
    }

    /** No file under {@code dir} contains {@code needle}. */
    private static void assertNotIn(Path dir, byte[] needle) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> all = Files.walk(dir)) {
            all.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).forEach(files::add);
        }
        assertFalse(files.isEmpty(), dir + " has files to search");
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            assertFalse(indexOf(bytes, needle) >= 0, "the secret is in " + f);
        }
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Collects events from any thread. */
    private static final class Events implements BuildListener {
        final List<BuildEvent> all = new CopyOnWriteArrayList<>();

        @Override
        public void on(BuildEvent event) {
            all.add(event);
        }

        long cachedRuns() {
            List<BuildEvent.StepId> runs = all.stream().filter(e -> e instanceof BuildEvent.StepStarted s
                    && s.text().startsWith("RUN")).map(e -> ((BuildEvent.StepStarted) e).id()).toList();
            return all.stream().filter(e -> e instanceof BuildEvent.StepCached c && runs.contains(c.id())).count();
        }

        @Override
        public String toString() {
            return all.toString();
        }
    }
}
