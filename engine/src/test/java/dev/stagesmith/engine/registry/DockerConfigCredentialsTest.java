package dev.stagesmith.engine.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerConfigCredentialsTest {

    @TempDir Path config;
    @TempDir Path bin;

    private Optional<Credentials> lookup(String json, String ref) throws Exception {
        Files.writeString(config.resolve("config.json"), json);
        return credentials().lookup(ImageReference.parse(ref)).credentials();
    }

    private DockerConfigCredentials credentials() {
        return new DockerConfigCredentials(config, List.of(bin), Duration.ofSeconds(20));
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void authFieldIsBase64UserColonPassword() throws Exception {
        assertEquals(Optional.of(new Credentials("alice", "pa:ss")),
                lookup("{\"auths\":{\"127.0.0.1:5000\":{\"auth\":\"" + b64("alice:pa:ss") + "\"}}}", "127.0.0.1:5000/a"));
    }

    @Test
    void usernameAndPasswordFields() throws Exception {
        assertEquals(Optional.of(new Credentials("bob", "pw")),
                lookup("{\"auths\":{\"reg.example\":{\"username\":\"bob\",\"password\":\"pw\"}}}", "reg.example/a"));
    }

    @Test
    void identityTokenWins() throws Exception {
        assertEquals(Optional.of(new Credentials("<token>", "idt")),
                lookup("{\"auths\":{\"reg.example\":{\"auth\":\"" + b64("u:p") + "\",\"identitytoken\":\"idt\"}}}",
                        "reg.example/a"));
    }

    @Test
    void keysAreMatchedByHost() throws Exception {
        assertEquals(Optional.of(new Credentials("u", "p")),
                lookup("{\"auths\":{\"https://reg.example\":{\"auth\":\"" + b64("u:p") + "\"}}}", "reg.example/a"));
        assertEquals(Optional.of(new Credentials("hub", "p")),
                lookup("{\"auths\":{\"https://index.docker.io/v1/\":{\"auth\":\"" + b64("hub:p") + "\"}}}", "alpine"));
        assertEquals(Optional.of(new Credentials("v", "p")),
                lookup("{\"auths\":{\"http://localhost:5000/v1/\":{\"auth\":\"" + b64("v:p") + "\"}}}",
                        "localhost:5000/a"));
        assertEquals(Optional.empty(),
                lookup("{\"auths\":{\"https://reg.example\":{\"auth\":\"" + b64("u:p") + "\"}}}", "other.example/a"));
    }

    @Test
    void noFileMeansNoCredentials() throws Exception {
        DockerConfigCredentials.Lookup l = credentials().lookup(ImageReference.parse("reg.example/a"));
        assertTrue(l.credentials().isEmpty());
        assertTrue(l.source().contains("config.json"), l.source());
    }

    @Test
    void malformedFileIsAnErrorNamingIt() throws Exception {
        Files.writeString(config.resolve("config.json"), "{\"auths\": {");
        RegistryException e = assertThrows(RegistryException.class,
                () -> credentials().lookup(ImageReference.parse("reg.example/a")));
        assertTrue(e.getMessage().contains(config.resolve("config.json").toString()), e.getMessage());
        Files.writeString(config.resolve("config.json"), "{\"auths\": {\"reg.example\": {\"auth\": {}}}}");
        e = assertThrows(RegistryException.class, () -> credentials().lookup(ImageReference.parse("reg.example/a")));
        assertTrue(e.getMessage().contains(config.resolve("config.json").toString()), e.getMessage());
        Files.writeString(config.resolve("config.json"), "{\"auths\": {\"reg.example\": {\"auth\": \"bm9jb2xvbg==\"}}}");
        e = assertThrows(RegistryException.class, () -> credentials().lookup(ImageReference.parse("reg.example/a")));
        assertTrue(e.getMessage().contains("user:password"), e.getMessage());
    }

    /** A helper that echoes what it was asked, so the test sees the server URL arrived on stdin. */
    private void helper(String name) throws Exception {
        Path script = bin.resolve("docker-credential-" + name);
        Files.writeString(script, """
                #!/bin/sh
                [ "$1" = get ] || exit 3
                read -r server
                printf '{"ServerURL":"%s","Username":"helper-%s","Secret":"s3cret"}' "$server" "$server"
                """);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void credentialHelperPerHost() throws Exception {
        helper("fake");
        assertEquals(Optional.of(new Credentials("helper-reg.example", "s3cret")),
                lookup("{\"credHelpers\":{\"reg.example\":\"fake\"},\"auths\":{\"reg.example\":{\"auth\":\""
                        + b64("inline:x") + "\"}}}", "reg.example/a"));
    }

    @Test
    void credsStoreGetsDockerHubsServerAddress() throws Exception {
        helper("store");
        assertEquals(Optional.of(new Credentials("helper-https://index.docker.io/v1/", "s3cret")),
                lookup("{\"credsStore\":\"store\",\"auths\":{\"https://index.docker.io/v1/\":{}}}", "alpine"));
    }

    @Test
    void missingHelperMeansNoCredentialsAndSaysWhy() throws Exception {
        Files.writeString(config.resolve("config.json"), "{\"credsStore\":\"absent\"}");
        DockerConfigCredentials.Lookup l = credentials().lookup(ImageReference.parse("reg.example/a"));
        assertTrue(l.credentials().isEmpty());
        assertTrue(l.source().contains("docker-credential-absent"), l.source());
        assertTrue(l.source().contains("not installed"), l.source());
    }

    @Test
    void missingHelperFallsBackToInlineAuth() throws Exception {
        assertEquals(Optional.of(new Credentials("inline", "x")),
                lookup("{\"credHelpers\":{\"reg.example\":\"absent\"},\"auths\":{\"reg.example\":{\"auth\":\""
                        + b64("inline:x") + "\"}}}", "reg.example/a"));
    }
}
