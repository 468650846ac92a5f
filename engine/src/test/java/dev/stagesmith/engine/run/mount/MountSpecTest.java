package dev.stagesmith.engine.run.mount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagesmith.engine.run.mount.MountSpec.Sharing;
import dev.stagesmith.engine.run.mount.MountSpec.Type;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Parsing of {@code --mount} values: BuildKit's keys, aliases, defaults and errors. */
class MountSpecTest {

    private static MountSpec parse(String value) throws MountException {
        return MountSpec.parse(value, "/work", 0);
    }

    /** The error for {@code value} contains every one of {@code parts}. */
    private static void error(String value, String... parts) {
        MountException e = assertThrows(MountException.class, () -> parse(value));
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), () -> "'" + e.getMessage() + "' lacks '" + p + "'");
        }
    }

    @Test
    void bindIsTheDefaultTypeAndReadOnly() throws Exception {
        MountSpec m = parse("target=/src,source=app");
        assertEquals(Type.BIND, m.type());
        assertEquals("/src", m.target());
        assertEquals("app", m.source());
        assertTrue(m.readOnly());
        assertEquals(Optional.empty(), m.from());
    }

    @Test
    void aliasesOfTargetSourceAndReadWrite() throws Exception {
        assertEquals("/a", parse("dst=/a").target());
        assertEquals("/a", parse("destination=/a").target());
        assertEquals("x", parse("src=x,target=/a").source());
        assertEquals(false, parse("target=/a,rw").readOnly());
        assertEquals(false, parse("target=/a,readwrite=true").readOnly());
        assertEquals(true, parse("type=cache,target=/a,ro").readOnly());
        assertEquals(true, parse("type=cache,target=/a,readonly=1").readOnly());
        assertEquals(false, parse("target=/a,ro=false").readOnly());
    }

    @Test
    void keysAreCaseInsensitiveAndTypeMayComeLast() throws Exception {
        MountSpec m = parse("Target=/c,SHARING=locked,Type=cache");
        assertEquals(Type.CACHE, m.type());
        assertEquals(Sharing.LOCKED, m.sharing());
    }

    @Test
    void relativeTargetsAreAgainstTheWorkdirAndCleaned() throws Exception {
        assertEquals("/work/node_modules", parse("type=tmpfs,target=node_modules").target());
        assertEquals("/x", parse("type=tmpfs,target=../x/.").target());
        assertEquals("/a/b", parse("type=tmpfs,target=//a/./b/").target());
    }

    @Test
    void cacheDefaults() throws Exception {
        MountSpec m = parse("type=cache,target=/root/.cache/");
        assertEquals("/root/.cache", m.id());
        assertEquals(Sharing.SHARED, m.sharing());
        assertEquals(0755, m.mode());
        assertEquals(0, m.uid());
        assertEquals(false, m.readOnly());
        MountSpec n = parse("type=cache,target=/c,id=go,sharing=private,mode=0700,uid=1000,gid=100");
        assertEquals("go", n.id());
        assertEquals(Sharing.PRIVATE, n.sharing());
        assertEquals(0700, n.mode());
        assertEquals(1000, n.uid());
        assertEquals(100, n.gid());
    }

    @Test
    void tmpfsSizes() throws Exception {
        assertEquals(0, parse("type=tmpfs,target=/t").sizeBytes());
        assertEquals(64L << 20, parse("type=tmpfs,target=/t,size=64m").sizeBytes());
        assertEquals(1L << 30, parse("type=tmpfs,target=/t,size=1GiB").sizeBytes());
        assertEquals(1536, parse("type=tmpfs,target=/t,size=1.5k").sizeBytes());
        assertEquals(100, parse("type=tmpfs,target=/t,size=100").sizeBytes());
        assertEquals(false, parse("type=tmpfs,target=/t").readOnly());
    }

    @Test
    void secretDefaults() throws Exception {
        MountSpec byId = parse("type=secret,id=npmrc");
        assertEquals("npmrc", byId.id());
        assertEquals("/run/secrets/npmrc", byId.target());
        assertEquals(0400, byId.mode());
        assertEquals(false, byId.required());
        assertTrue(byId.readOnly());
        assertEquals("token", parse("type=secret,target=/etc/token").id());
        assertEquals("/work/token", parse("type=secret,target=token").target());
        assertEquals("aws", parse("type=secret,source=aws").id());
        MountSpec env = parse("type=secret,id=tok,env=TOKEN,required");
        assertEquals(Optional.of("TOKEN"), env.env());
        assertEquals("", env.target(), "env= without target= is the variable alone");
        assertTrue(env.required());
        assertEquals("/t", parse("type=secret,id=tok,env=TOKEN,target=/t").target());
    }

    @Test
    void sshDefaults() throws Exception {
        MountSpec m = MountSpec.parse("type=ssh", "/", 0);
        assertEquals("default", m.id());
        assertEquals("/run/buildkit/ssh_agent.0", m.target());
        assertEquals(0600, m.mode());
        assertEquals("/run/buildkit/ssh_agent.2", MountSpec.parse("type=ssh,id=gh,required=true", "/", 2).target());
    }

    @Test
    void quotedFieldsMayHoldCommas() throws Exception {
        assertEquals("/a,b", parse("type=tmpfs,\"target=/a,b\"").target());
        assertEquals("/say \"hi\"", parse("\"target=/say \"\"hi\"\"\",type=tmpfs").target());
        error("type=tmpfs,\"target=/a", "quote is not closed");
    }

    @Test
    void errorsNameTheOptionAndWhatIsAllowed() {
        error("type=volume,target=/a", "unknown type 'volume'", "bind, cache, tmpfs, secret or ssh");
        error("target=/a,colour=red", "unknown option 'colour'", "sharing");
        error("target=/a,bogus", "'bogus' is not key=value");
        error("type=cache,target=/a,sharing=exclusive", "sharing=exclusive", "shared, private or locked");
        error("target=/a,sharing=locked", "'sharing' does not apply to type=bind", "type=cache");
        error("type=tmpfs,target=/a,mode=0700", "'mode' does not apply to type=tmpfs");
        error("target=/a,uid=0", "'uid' does not apply to type=bind");
        error("type=cache,target=/a,size=1m", "'size' does not apply to type=cache", "type=tmpfs");
        error("type=cache,target=/a,env=X", "'env' does not apply", "type=secret");
        error("target=/a,required", "'required' does not apply to type=bind", "type=secret, type=ssh");
        error("type=cache,target=/a,mode=0999", "mode=0999", "octal");
        error("type=cache,target=/a,uid=-1", "uid=-1");
        error("type=tmpfs,target=/a,size=lots", "size=lots");
        error("target=/a,ro=maybe", "ro=maybe", "true or false");
        error("type=secret,id=a,env=1X", "env=1X");
        error("type=bind,source=x", "type=bind needs target=");
        error("type=cache", "type=cache needs target=");
        error("type=tmpfs,target=/", "target=/");
        error("type=secret", "needs id=");
        error("type=secret,id=a,source=b", "id= or source=, not both");
        error("type=secret,id=a,from=build", "no from=");
    }

    @Test
    void theKeyDescribesOptionsOnly() throws Exception {
        String a = parse("type=cache,target=/c").describe();
        String b = parse("type=cache,target=/c,sharing=locked").describe();
        assertTrue(!a.equals(b), "sharing changes the key");
        assertEquals(a, parse("type=cache,dst=/c/").describe(), "aliases and spelling do not");
    }
}
