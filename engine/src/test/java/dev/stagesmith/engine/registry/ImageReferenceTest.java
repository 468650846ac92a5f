package dev.stagesmith.engine.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ImageReferenceTest {

    private static final String D = "sha256:" + "ab".repeat(32);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
        alpine                                | docker.io       | library/alpine   | latest | -  | alpine:latest                        | docker.io/library/alpine:latest
        alpine:3.19                           | docker.io       | library/alpine   | 3.19   | -  | alpine:3.19                          | docker.io/library/alpine:3.19
        user/app:1                            | docker.io       | user/app         | 1      | -  | user/app:1                           | docker.io/user/app:1
        docker.io/library/alpine              | docker.io       | library/alpine   | latest | -  | alpine:latest                        | docker.io/library/alpine:latest
        index.docker.io/library/alpine:edge   | docker.io       | library/alpine   | edge   | -  | alpine:edge                          | docker.io/library/alpine:edge
        docker.io/library/foo/bar             | docker.io       | library/foo/bar  | latest | -  | library/foo/bar:latest               | docker.io/library/foo/bar:latest
        127.0.0.1:5000/test/img:1             | 127.0.0.1:5000  | test/img         | 1      | -  | 127.0.0.1:5000/test/img:1            | 127.0.0.1:5000/test/img:1
        localhost/img                         | localhost       | img              | latest | -  | localhost/img:latest                 | localhost/img:latest
        localhost:5000/a/b/c:v1.2-rc_3        | localhost:5000  | a/b/c            | v1.2-rc_3 | - | localhost:5000/a/b/c:v1.2-rc_3    | localhost:5000/a/b/c:v1.2-rc_3
        ghcr.io/o/r                           | ghcr.io         | o/r              | latest | -  | ghcr.io/o/r:latest                   | ghcr.io/o/r:latest
        Foo/bar                               | Foo             | bar              | latest | -  | Foo/bar:latest                       | Foo/bar:latest
        a__b/c-d.e---f                        | docker.io       | a__b/c-d.e---f   | latest | -  | a__b/c-d.e---f:latest                | docker.io/a__b/c-d.e---f:latest
        [::1]:5000/img:2                      | [::1]:5000      | img              | 2      | -  | [::1]:5000/img:2                     | [::1]:5000/img:2
        """)
    void normalizes(String input, String domain, String repo, String tag, String digest, String familiar, String full) {
        ImageReference r = ImageReference.parse(input);
        assertEquals(domain, r.domain());
        assertEquals(repo, r.repository());
        assertEquals(tag, r.tag().orElse(null));
        assertEquals(digest, r.digest().map(Object::toString).orElse(null));
        assertEquals(familiar, r.familiar());
        assertEquals(full, r.toString());
        assertEquals(r, ImageReference.parse(full), "the normalized form parses to itself");
    }

    @Test
    void digestReferencesResolveByDigest() {
        ImageReference byDigest = ImageReference.parse("alpine@" + D);
        assertTrue(byDigest.tag().isEmpty(), "no default tag next to a digest");
        assertEquals(D, byDigest.reference());
        assertEquals("alpine@" + D, byDigest.familiar());

        ImageReference both = ImageReference.parse("127.0.0.1:5000/x/y:1@" + D);
        assertEquals("1", both.tag().orElseThrow());
        assertEquals(D, both.reference(), "digest wins over tag, as ParseDockerRef does");
        assertEquals("127.0.0.1:5000/x/y:1@" + D, both.toString());
    }

    @Test
    void tagIsWhatGoesInTheUrlWithoutDigest() {
        assertEquals("3.19", ImageReference.parse("alpine:3.19").reference());
        assertEquals("latest", ImageReference.parse("alpine").reference());
        assertEquals("docker.io/library/alpine:9", ImageReference.parse("alpine:3").withTag("9").toString());
    }

    @Test
    void defaultDomainMapsToItsApiHostOnlyThere() {
        assertEquals("registry-1.docker.io", ImageReference.parse("alpine").apiHost());
        assertEquals("127.0.0.1:5000", ImageReference.parse("127.0.0.1:5000/a").apiHost());
        assertEquals(ImageReference.DEFAULT_DOMAIN, ImageReference.parse("alpine").domain());
    }

    @ParameterizedTest
    @CsvSource({"localhost:5000/a,true", "localhost/a,true", "127.0.0.1:5000/a,true", "127.1.2.3/a,true",
        "[::1]:5000/a,true", "10.0.0.1:5000/a,false", "example.com/a,false", "alpine,false", "localhost.evil.com/a,false"})
    void loopback(String ref, boolean loopback) {
        assertEquals(loopback, ImageReference.parse(ref).isLoopback());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        Alpine                          | lower-case
        docker.io/User/app              | lower-case
        example.com/Team/app            | lower-case
        alpine:-bad                     | tag
        alpine:a+b                      | tag
        alpine:                         | tag
        abababababababababababababababababababababababababababababababab | 64-hex
        alpine@sha256:123               | digest
        alpine@md5:abc                  | digest
        a//b                            | component
        a/-b                            | component
        -host.com:x/a                   | registry host
        """)
    void rejectsInvalid(String input, String why) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImageReference.parse(input));
        assertTrue(e.getMessage().contains(input), e.getMessage());
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }

    @Test
    void rejectsEmptyAndOverlong() {
        assertThrows(IllegalArgumentException.class, () -> ImageReference.parse(""));
        assertThrows(IllegalArgumentException.class, () -> ImageReference.parse("a/" + "b".repeat(260)));
        assertFalse(ImageReference.parse("a/" + "b".repeat(200)).repository().isEmpty());
    }
}
