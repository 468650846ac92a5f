package dev.stagesmith.engine.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stagesmith.engine.registry.WwwAuthenticate.Challenge;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WwwAuthenticateTest {

    private static void check(String header, Challenge... expected) {
        assertEquals(List.of(expected), WwwAuthenticate.parse(header), header);
    }

    private static Challenge c(String scheme, String... kv) {
        java.util.Map<String, String> m = new java.util.HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return new Challenge(scheme, Map.copyOf(m));
    }

    @Test
    void dockerHubOrder() {
        check("Bearer realm=\"https://auth.example/token\",service=\"registry.example\",scope=\"repository:a/b:pull\"",
                c("bearer", "realm", "https://auth.example/token", "service", "registry.example",
                        "scope", "repository:a/b:pull"));
    }

    @Test
    void parametersInAnyOrderWithCommaInsideQuotedScope() {
        check("Bearer scope=\"repository:a/b:pull,push\", service=\"reg\" ,realm=\"http://127.0.0.1:1/t\"",
                c("bearer", "scope", "repository:a/b:pull,push", "service", "reg", "realm", "http://127.0.0.1:1/t"));
    }

    @Test
    void unquotedTokensAndCaseInsensitiveNames() {
        check("bEaReR Realm=https://a/t,  Service=reg,error=invalid_token",
                c("bearer", "realm", "https://a/t", "service", "reg", "error", "invalid_token"));
    }

    @Test
    void escapedQuotesInsideValues() {
        check("Basic realm=\"say \\\"hi\\\", ok\", charset=\"UTF-8\"",
                c("basic", "realm", "say \"hi\", ok", "charset", "UTF-8"));
    }

    @Test
    void severalChallengesInOneHeader() {
        check("Basic realm=\"basic-realm\", Bearer realm=\"https://a/t\",scope=\"repository:x:pull,push\", Negotiate",
                c("basic", "realm", "basic-realm"),
                c("bearer", "realm", "https://a/t", "scope", "repository:x:pull,push"),
                c("negotiate"));
    }

    @Test
    void token68IsKeptWhole() {
        check("Negotiate abc+/de==, Basic realm=x", c("negotiate", "", "abc+/de=="), c("basic", "realm", "x"));
    }

    @Test
    void findLooksAcrossHeaders() {
        List<String> headers = List.of("Negotiate", "Bearer realm=\"https://a/t\"");
        assertEquals("https://a/t", WwwAuthenticate.find(headers, "bearer").orElseThrow().param("realm").orElseThrow());
        assertEquals(List.of(), WwwAuthenticate.parse(""));
    }
}
