package dev.stagesmith.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --secret} and {@code --ssh} as buildx takes them, and their one-line errors. */
class BuildSecretsTest {

    @TempDir
    Path tmp;

    private Map<String, Path> secrets(Map<String, String> env, String... values) {
        return BuildSecrets.secrets(List.of(values), env::get, tmp.resolve("spill"));
    }

    private void secretError(String value, String expected) {
        UserError e = assertThrows(UserError.class, () -> secrets(Map.of(), value));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void aSecretFromAFile() throws IOException {
        Path f = Files.writeString(tmp.resolve("npmrc"), "token");
        assertEquals(Map.of("npm", f.toAbsolutePath()), secrets(Map.of(), "id=npm,src=" + f));
        assertEquals(Map.of("npm", f.toAbsolutePath()), secrets(Map.of(), "id=npm,source=" + f + ",type=file"));
    }

    @Test
    void aSecretFromTheEnvironmentIsAPrivateFile() throws IOException {
        Files.createDirectories(tmp.resolve("spill"));
        for (String value : List.of("id=tok,env=TOKEN", "id=tok,type=env,src=TOKEN", "id=TOKEN,type=env", "id=TOKEN")) {
            Map<String, Path> got = secrets(Map.of("TOKEN", "abc"), value);
            Path file = got.values().iterator().next();
            assertEquals("abc", Files.readString(file), value);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            assertTrue(file.startsWith(tmp.resolve("spill")));
        }
    }

    @Test
    void secretErrors() {
        secretError("src=/x", "has no id");
        secretError("id=a,src=" + tmp.resolve("missing"), "missing does not exist");
        secretError("id=a,src=" + tmp, "is not a readable file");
        secretError("id=a,env=UNSET_VAR", "UNSET_VAR is not set");
        secretError("id=a,colour=red", "unknown key 'colour'");
        secretError("id=a,type=vault", "type=vault is not file or env");
        secretError("a", "'a' is not key=value");
    }

    @Test
    void theBuildCommandStopsWithOneLineForAMissingSecretFile() throws IOException {
        Files.writeString(tmp.resolve("Dockerfile"), "FROM scratch\n");
        StringWriter err = new StringWriter();
        int exit = Main.run(new String[] {"build", "--secret", "id=npm,src=" + tmp.resolve("nope"), tmp.toString()},
                new ByteArrayInputStream(new byte[0]), new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true));
        assertEquals(ExitCodes.USAGE, exit);
        assertTrue(err.toString().contains("--secret id=npm: " + tmp.resolve("nope") + " does not exist"), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
    }

    @Test
    void sshFromTheAgentOrASocket() throws IOException {
        Path sock = tmp.resolve("agent.sock");
        try (ServerSocketChannel agent = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            agent.bind(UnixDomainSocketAddress.of(sock));
            Map<String, String> env = Map.of("SSH_AUTH_SOCK", sock.toString());
            assertEquals(Map.of("default", sock.toString(), "gh", sock.toString()),
                    BuildSecrets.ssh(List.of("default", "gh=" + sock), env::get));
        }
    }

    @Test
    void sshErrors() throws IOException {
        UserError unset = assertThrows(UserError.class, () -> BuildSecrets.ssh(List.of("default"), k -> null));
        assertTrue(unset.getMessage().contains("SSH_AUTH_SOCK is not set"), unset.getMessage());
        Path key = Files.writeString(tmp.resolve("id_ed25519"), "key");
        UserError file = assertThrows(UserError.class, () -> BuildSecrets.ssh(List.of("gh=" + key), k -> null));
        assertTrue(file.getMessage().contains("is not a socket"), file.getMessage());
        UserError gone = assertThrows(UserError.class,
                () -> BuildSecrets.ssh(List.of("gh=" + tmp.resolve("nope")), k -> null));
        assertTrue(gone.getMessage().contains("does not exist"), gone.getMessage());
    }
}
