package dev.stagesmith.engine.run.mount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagesmith.engine.run.SandboxMount;
import dev.stagesmith.engine.run.mount.MountPlanner.Planned;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Planning mounts on real directories: what is bound where, what the key holds, and cache sharing at once. */
class MountPlannerTest {

    private static final String SECRET = "s3cr3t-value-7f2a";

    @TempDir
    Path tmp;

    private Path context;
    private Path stage;
    private MountSources sources;
    private final ExecutorService pool = Executors.newCachedThreadPool();

    @BeforeEach
    void setUp() throws IOException {
        context = Files.createDirectories(tmp.resolve("context"));
        Files.writeString(context.resolve("go.mod"), "module x\n");
        Files.createDirectories(context.resolve("src"));
        Files.writeString(context.resolve("src/main.go"), "package main\n");
        stage = Files.createDirectories(tmp.resolve("stage"));
        Files.createDirectories(stage.resolve("opt/app"));
        Files.writeString(stage.resolve("opt/app/bin"), "binary\n");
        Files.createSymbolicLink(stage.resolve("current"), Path.of("/opt/app"));
        Files.createSymbolicLink(stage.resolve("escape"), Path.of("../../../../../../etc"));
        Files.createDirectories(stage.resolve("etc"));
        Files.writeString(stage.resolve("etc/hostname"), "stage-host\n");
        Path secret = tmp.resolve("secret.txt");
        Files.writeString(secret, SECRET);
        sources = sources(Map.of("tok", secret), Map.of());
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private MountSources sources(Map<String, Path> secrets, Map<String, String> ssh) {
        MountSources.Roots roots = new MountSources.Roots() {
            @Override
            public MountSources.Root context(String subpath) throws MountException {
                Path p = context.resolve(subpath.replaceFirst("^/+", ""));
                if (!Files.exists(p)) {
                    throw new MountException("no " + subpath + " in the context");
                }
                return MountSources.Root.of(p, "ctx:" + subpath);
            }

            @Override
            public MountSources.Root from(String name) throws MountException {
                if (!name.equalsIgnoreCase("build")) {
                    throw new MountException("no stage or image " + name);
                }
                return MountSources.Root.of(stage, "stage-key");
            }
        };
        return new MountSources(tmp.resolve("cache"), secrets, ssh, tmp.resolve("scratch"), roots);
    }

    private Planned plan(String... values) throws MountException {
        return MountPlanner.plan(List.of(values), "/work", sources);
    }

    private static SandboxMount only(Planned p) {
        assertEquals(1, p.mounts().size(), () -> "mounts: " + p.mounts());
        return p.mounts().get(0);
    }

    @Test
    void noMountsPlanNothing() throws Exception {
        Planned p = MountPlanner.plan(List.of(), "/", sources);
        assertEquals(List.of(), p.mounts());
        assertEquals("", p.cacheKey());
    }

    @Test
    void theKeyAloneMatchesThePlanAndSetsNothingUp() throws Exception {
        List<String> values = List.of("type=bind,from=build,source=/opt/app,target=/app,rw",
                "type=bind,source=go.mod,target=go.mod", "type=cache,target=/root/.cache,sharing=locked",
                "type=tmpfs,target=/tmp", "type=secret,id=tok");
        MountSources.Roots lazy = new MountSources.Roots() {
            @Override
            public MountSources.Root context(String subpath) throws MountException {
                return new MountSources.Root("ctx:" + subpath, () -> {
                    throw new AssertionError("key() asked for the context directory");
                });
            }

            @Override
            public MountSources.Root from(String name) {
                return new MountSources.Root("stage-key", () -> {
                    throw new AssertionError("key() laid out the stage");
                });
            }
        };
        MountSources keyOnly = new MountSources(tmp.resolve("cache"), Map.of("tok", tmp.resolve("secret.txt")),
                Map.of(), tmp.resolve("scratch"), lazy);
        String key = MountPlanner.key(values, "/work", keyOnly);
        assertFalse(Files.exists(tmp.resolve("cache")), "key() made the cache mount's directory");
        assertFalse(Files.exists(tmp.resolve("scratch")), "key() made a scratch copy");
        Planned p = MountPlanner.plan(values, "/work", sources);
        try (AutoCloseable release = p.release()) {
            assertEquals(p.cacheKey(), key);
        }
    }

    @Test
    void bindFromTheContextIsReadOnlyAndKeyedByItsContent() throws Exception {
        Planned p = plan("type=bind,source=go.mod,target=go.mod");
        SandboxMount m = only(p);
        assertEquals(SandboxMount.bind(context.resolve("go.mod"), "/work/go.mod", true), m);
        assertTrue(p.cacheKey().contains("ctx:go.mod"), p.cacheKey());
        Planned whole = plan("target=/src");
        assertEquals(context.resolve(""), only(whole).source().orElseThrow().resolve(""));
    }

    @Test
    void rwBindsACopySoWritesNeverReachTheSource() throws Exception {
        Planned p = plan("source=src,target=/src,rw");
        SandboxMount m = only(p);
        assertFalse(m.readOnly());
        Path copy = m.source().orElseThrow();
        assertTrue(copy.startsWith(tmp.resolve("scratch")), copy.toString());
        assertEquals("package main\n", Files.readString(copy.resolve("main.go")));
        Files.writeString(copy.resolve("main.go"), "changed");
        assertEquals("package main\n", Files.readString(context.resolve("src/main.go")));
        p.release().close();
        assertFalse(Files.exists(copy), "the copy goes with the step");
    }

    @Test
    void bindFromAStageFollowsLinksInsideTheStage() throws Exception {
        Planned p = plan("from=build,source=/current/bin,target=/usr/local/bin/app");
        assertEquals(stage.resolve("opt/app/bin"), only(p).source().orElseThrow());
        assertTrue(only(p).readOnly());
        assertTrue(p.cacheKey().contains("stage-key"), p.cacheKey());
        Planned escape = plan("from=BUILD,source=escape/hostname,target=/h");
        assertEquals(stage.resolve("etc/hostname"), only(escape).source().orElseThrow(),
                "a link climbing out of the stage stops at its root");
    }

    @Test
    void bindErrorsNameTheSource() {
        MountException missing = assertThrows(MountException.class,
                () -> plan("from=build,source=/nope,target=/x"));
        assertTrue(missing.getMessage().contains("/nope does not exist"), missing.getMessage());
        MountException stage = assertThrows(MountException.class, () -> plan("from=other,target=/x"));
        assertTrue(stage.getMessage().contains("other"), stage.getMessage());
    }

    @Test
    void tmpfsIsAnEmptyTmpfsWithItsSize() throws Exception {
        assertEquals(SandboxMount.tmpfs("/work/tmp", 1 << 20), only(plan("type=tmpfs,target=tmp,size=1m")));
    }

    @Test
    void cachePersistsAndItsKeyIgnoresItsContent() throws Exception {
        Planned first = plan("type=cache,target=/root/.cache,mode=0750");
        Path dir = only(first).source().orElseThrow();
        assertTrue(dir.startsWith(tmp.resolve("cache")), dir.toString());
        assertFalse(only(first).readOnly());
        assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        Files.writeString(dir.resolve("built.o"), "object");
        first.release().close();
        Planned second = plan("type=cache,target=/root/.cache,mode=0750");
        assertEquals(dir, only(second).source().orElseThrow());
        assertEquals("object", Files.readString(dir.resolve("built.o")));
        assertEquals(first.cacheKey(), second.cacheKey());
        Planned otherId = plan("type=cache,target=/root/.cache,id=other");
        assertNotEquals(dir, only(otherId).source().orElseThrow());
        assertNotEquals(first.cacheKey(), otherId.cacheKey());
    }

    @Test
    void cacheIsSeededFromAStageOnlyWhenNew() throws Exception {
        Planned p = plan("type=cache,target=/c,from=build,source=/opt/app");
        Path dir = only(p).source().orElseThrow();
        assertEquals("binary\n", Files.readString(dir.resolve("bin")));
        Files.delete(dir.resolve("bin"));
        p.release().close();
        Planned again = plan("type=cache,target=/c,from=build,source=/opt/app");
        assertFalse(Files.exists(only(again).source().orElseThrow().resolve("bin")), "an existing cache is kept as is");
    }

    @Test
    void sharedCachesAreTheSameDirectoryAtOnce() throws Exception {
        Planned a = plan("type=cache,target=/c");
        Planned b = plan("type=cache,target=/c,sharing=shared");
        assertEquals(only(a).source(), only(b).source());
    }

    @Test
    void privateCachesGetAnotherDirectoryWhileOneIsInUse() throws Exception {
        Planned a = plan("type=cache,target=/c,sharing=private");
        Planned b = plan("type=cache,target=/c,sharing=private");
        Path da = only(a).source().orElseThrow();
        Path db = only(b).source().orElseThrow();
        assertNotEquals(da, db);
        a.release().close();
        Planned c = plan("type=cache,target=/c,sharing=private");
        assertEquals(da, only(c).source().orElseThrow(), "a released directory is used again");
        b.release().close();
        c.release().close();
    }

    @Test
    void aLockedCacheWaitsForTheHolderToRelease() throws Exception {
        Planned a = plan("type=cache,target=/c,sharing=locked");
        Thread[] waiter = new Thread[1];
        Future<Planned> b = pool.submit(() -> {
            waiter[0] = Thread.currentThread();
            return plan("type=cache,target=/c,sharing=locked");
        });
        await(() -> waiter[0] != null && waiter[0].getState() == Thread.State.WAITING, "the second plan waits");
        assertFalse(b.isDone(), "the second plan must not get the cache while the first holds it");
        Files.writeString(only(a).source().orElseThrow().resolve("from-a"), "a");
        a.release().close();
        Planned got = b.get(30, TimeUnit.SECONDS);
        assertEquals(only(a).source(), only(got).source());
        assertTrue(Files.exists(only(got).source().orElseThrow().resolve("from-a")));
        got.release().close();
    }

    @Test
    void aFailedPlanGivesBackWhatItTook() throws Exception {
        assertThrows(MountException.class,
                () -> plan("type=cache,target=/c,sharing=locked", "from=nowhere,target=/x"));
        Planned p = CompletableFuture.supplyAsync(() -> {
            try {
                return plan("type=cache,target=/c,sharing=private");
            } catch (MountException e) {
                throw new IllegalStateException(e);
            }
        }, pool).get(30, TimeUnit.SECONDS);
        assertTrue(only(p).source().orElseThrow().endsWith("data"), "the lock on the first instance was released");
    }

    @Test
    void aSecretIsAPrivateReadOnlyCopyAndNeverInTheKey() throws Exception {
        Planned p = plan("type=secret,id=tok");
        SandboxMount m = only(p);
        assertEquals("/run/secrets/tok", m.target());
        assertTrue(m.readOnly());
        Path copy = m.source().orElseThrow();
        assertNotEquals(tmp.resolve("secret.txt"), copy);
        assertEquals(SECRET, Files.readString(copy));
        assertEquals("r--------", PosixFilePermissions.toString(Files.getPosixFilePermissions(copy)));
        assertFalse(p.cacheKey().contains(SECRET), p.cacheKey());
        assertTrue(p.cacheKey().contains("tok"), p.cacheKey());
        assertEquals(Map.of(), p.env());
        p.release().close();
        assertFalse(Files.exists(copy, LinkOption.NOFOLLOW_LINKS), "the copy is removed after the RUN");
    }

    @Test
    void aSecretsKeyDoesNotChangeWithItsValue() throws Exception {
        String before = plan("type=secret,id=tok,target=/t,mode=0440").cacheKey();
        Files.writeString(tmp.resolve("secret.txt"), "another value");
        assertEquals(before, plan("type=secret,id=tok,target=/t,mode=0440").cacheKey());
    }

    @Test
    void secretModeOwnerAndEnv() throws Exception {
        Planned p = plan("type=secret,id=tok,target=/t,mode=0440,uid=123,gid=45,env=TOKEN");
        Path copy = only(p).source().orElseThrow();
        assertEquals("r--r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(copy)));
        if ("root".equals(System.getProperty("user.name"))) {
            assertEquals(123, Files.getAttribute(copy, "unix:uid"));
            assertEquals(45, Files.getAttribute(copy, "unix:gid"));
        }
        assertEquals(Map.of("TOKEN", SECRET), p.env());
        assertFalse(p.cacheKey().contains(SECRET));
        Planned envOnly = plan("type=secret,id=tok,env=TOKEN");
        assertEquals(List.of(), envOnly.mounts());
        assertEquals(Map.of("TOKEN", SECRET), envOnly.env());
    }

    @Test
    void aMissingSecretIsSkippedUnlessRequired() throws Exception {
        Planned p = plan("type=secret,id=absent");
        assertEquals(List.of(), p.mounts());
        MountException e = assertThrows(MountException.class, () -> plan("type=secret,id=absent,required"));
        assertTrue(e.getMessage().contains("id=absent"), e.getMessage());
        assertTrue(e.getMessage().contains("--secret id=absent,src="), e.getMessage());
    }

    @Test
    void anUnreadableSecretSaysWhichWithoutItsValue() throws Exception {
        sources = sources(Map.of("gone", tmp.resolve("no-such-file")), Map.of());
        MountException e = assertThrows(MountException.class, () -> plan("type=secret,id=gone"));
        assertTrue(e.getMessage().contains("id=gone"), e.getMessage());
    }

    @Test
    void sshForwardsTheAgentSocketAndSetsSshAuthSock() throws Exception {
        Path sock = tmp.resolve("agent.sock");
        try (ServerSocketChannel agent = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            agent.bind(UnixDomainSocketAddress.of(sock));
            sources = sources(Map.of(), Map.of("default", sock.toString(), "gh", sock.toString()));
            Planned p = plan("type=ssh", "type=ssh,id=gh,target=/gh.sock");
            assertEquals(List.of(SandboxMount.bind(sock, "/run/buildkit/ssh_agent.0", false),
                    SandboxMount.bind(sock, "/gh.sock", false)), p.mounts());
            assertEquals(Map.of("SSH_AUTH_SOCK", "/run/buildkit/ssh_agent.0"), p.env());
        }
    }

    @Test
    void aMissingAgentIsSkippedUnlessRequired() throws Exception {
        assertEquals(List.of(), plan("type=ssh").mounts());
        MountException e = assertThrows(MountException.class, () -> plan("type=ssh,required"));
        assertTrue(e.getMessage().contains("--ssh default"), e.getMessage());
        MountException named = assertThrows(MountException.class, () -> plan("type=ssh,id=gh,required=true"));
        assertTrue(named.getMessage().contains("--ssh gh=SOCKET"), named.getMessage());
    }

    private static void await(BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.onSpinWait();
        }
    }
}
