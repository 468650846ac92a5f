package dev.stagesmith.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bwrap command line a RunSpec becomes, and the /etc files it binds. */
class BwrapExecutorTest {

    @TempDir
    Path tmp;

    private final BwrapExecutor bwrap = new BwrapExecutor(Path.of("/usr/bin/bwrap"));

    private RunSpec spec(Network network, List<SandboxMount> mounts) {
        return new RunSpec(List.of("/bin/sh", "-c", "make -j2"), List.of("PATH=/bin", "A=b=c"), "/src", 1000, 100,
                List.of(), "buildkitsandbox", network, mounts, Optional.empty());
    }

    @Test
    void networkNoneUnsharesTheNetworkAndBindsNoResolvConf() throws Exception {
        RunSpec s = spec(Network.NONE, List.of());
        List<String> c = bwrap.command(Path.of("/r"), s, EtcFiles.write(tmp, s));
        assertTrue(c.contains("--unshare-net"), c.toString());
        assertFalse(c.contains("/etc/resolv.conf"), c.toString());
        assertFalse(Files.exists(tmp.resolve("resolv.conf")));
    }

    @Test
    void defaultNetworkSharesTheHostsAndBindsItsResolvConf() throws Exception {
        RunSpec s = spec(Network.DEFAULT, List.of());
        List<String> c = bwrap.command(Path.of("/r"), s, EtcFiles.write(tmp, s));
        assertFalse(c.contains("--unshare-net"), c.toString());
        int i = c.indexOf("/etc/resolv.conf");
        assertEquals(List.of("--ro-bind", tmp.resolve("resolv.conf").toString()), c.subList(i - 2, i));
        assertEquals("127.0.0.1\tlocalhost buildkitsandbox\n::1\tlocalhost ip6-localhost ip6-loopback\n",
                Files.readString(tmp.resolve("hosts")));
    }

    @Test
    void userRootMountsInOrderThenTheCommand() throws Exception {
        RunSpec s = spec(Network.HOST, List.of(SandboxMount.bind(Path.of("/cache"), "/root/.cache", false),
                SandboxMount.tmpfs("/root/.cache/tmp", 1 << 20), SandboxMount.bind(Path.of("/ctx"), "/src", true)));
        List<String> c = bwrap.command(Path.of("/r"), s, EtcFiles.write(tmp, s));
        assertEquals(List.of("--uid", "1000", "--gid", "100"), c.subList(c.indexOf("--uid"), c.indexOf("--uid") + 4));
        assertEquals(List.of("--bind", "/r", "/"), c.subList(c.indexOf("/r") - 1, c.indexOf("/r") + 2));
        int first = c.indexOf("/cache");
        assertEquals(List.of("--bind", "/cache", "/root/.cache", "--size", "1048576", "--tmpfs", "/root/.cache/tmp",
                "--ro-bind", "/ctx", "/src", "--chdir", "/src", "--", "/bin/sh", "-c", "make -j2"),
                c.subList(first - 1, c.size()));
        assertTrue(c.indexOf("--die-with-parent") > 0 && c.indexOf("--unshare-pid") > 0 && c.indexOf("--proc") > 0);
        assertEquals(1, Collections.frequency(c, "--dev"));
    }

    @Test
    void theEnvironmentIsExactlyTheSpecs() {
        assertEquals(List.of("PATH", "A"), List.copyOf(BwrapExecutor.env(spec(Network.NONE, List.of())).keySet()));
        assertEquals("b=c", BwrapExecutor.env(spec(Network.NONE, List.of())).get("A"));
    }
}
