package dev.stagesmith.engine.registry;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.stagesmith.engine.registry.RegistryTransport.Access;
import dev.stagesmith.engine.registry.WwwAuthenticate.Challenge;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens ({@code auth/token.md}): fetched from the challenge's realm for one repository scope and cached
 * per (host, scope) until {@code expires_in} (default 60 s) runs out.
 */
final class TokenService {

    private static final long DEFAULT_EXPIRES_IN = 60;
    private static final int MAX_TOKEN_RESPONSE = 1 << 20;

    private record Token(String value, Instant expires) {}

    private final RegistryTransport transport;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Token> cache = new ConcurrentHashMap<>();

    TokenService(RegistryTransport transport) {
        this.transport = transport;
    }

    Optional<String> cached(String host, String scope) {
        Token t = cache.get(host + " " + scope);
        return t != null && clock.instant().isBefore(t.expires()) ? Optional.of(t.value()) : Optional.empty();
    }

    /** A fresh token (replacing any cached one, which the registry has just refused). */
    String fetch(ImageReference ref, Access access, String scope, Challenge challenge) throws RegistryException {
        URI realm = realm(ref, challenge);
        String service = challenge.param("service").orElse(ref.apiHost());
        String query = "service=" + encode(service) + "&scope=" + encode(scope);
        URI uri = URI.create(realm + (realm.getRawQuery() == null ? "?" : "&") + query);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(transport.options().timeout()).GET();
        DockerConfigCredentials.Lookup creds = transport.lookup(ref);
        creds.credentials().ifPresent(c -> b.header("Authorization", c.basicAuthorization()));
        HttpResponse<InputStream> r = transport.sendRaw(realm.getAuthority(), b.build());
        byte[] body;
        try (InputStream in = r.body()) {
            body = in.readNBytes(MAX_TOKEN_RESPONSE);
        } catch (IOException e) {
            throw new RegistryException("reading the token from " + realm + " failed: " + e.getMessage(), e);
        }
        if (r.statusCode() == 401 || r.statusCode() == 403) {
            throw transport.unauthorized(ref, access);
        }
        if (r.statusCode() != 200) {
            throw new RegistryException("the token service " + realm + " of " + ref.domain() + " answered HTTP "
                    + r.statusCode() + ": " + RegistryErrors.summary(body));
        }
        Token t = parse(body, realm);
        cache.put(ref.apiHost() + " " + scope, t);
        return t.value();
    }

    private Token parse(byte[] body, URI realm) throws RegistryException {
        try {
            JsonObject o = JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject();
            String value = text(o.get("token")).or(() -> text(o.get("access_token"))).orElseThrow(
                    () -> new IllegalStateException("neither token nor access_token"));
            long expiresIn = o.has("expires_in") ? o.get("expires_in").getAsLong() : DEFAULT_EXPIRES_IN;
            return new Token(value, clock.instant().plusSeconds(expiresIn > 0 ? expiresIn : DEFAULT_EXPIRES_IN));
        } catch (RuntimeException e) {
            throw new RegistryException("the token service " + realm + " answered without a usable token ("
                    + e.getMessage() + ")", e);
        }
    }

    /** The realm must be an absolute URL, and plain HTTP only where credentials may travel unencrypted. */
    private URI realm(ImageReference ref, Challenge challenge) throws RegistryException {
        String text = challenge.param("realm").orElseThrow(() -> new RegistryException("registry " + ref.domain()
                + " asked for a Bearer token but named no realm (token service) in WWW-Authenticate"));
        URI realm;
        try {
            realm = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new RegistryException("registry " + ref.domain() + " named a malformed token realm: " + text, e);
        }
        boolean https = "https".equals(realm.getScheme());
        boolean plainOk = "http".equals(realm.getScheme()) && realm.getHost() != null
                && transport.plainHttpAllowed(RegistryTransport.hostPort(realm));
        if (!https && !plainOk) {
            throw new RegistryException("registry " + ref.domain() + " sent its token service as " + text
                    + ", which is not HTTPS; add that host to insecureRegistries if this is intended");
        }
        return realm;
    }

    private static Optional<String> text(JsonElement e) {
        return e != null && e.isJsonPrimitive() && !e.getAsString().isEmpty() ? Optional.of(e.getAsString())
                : Optional.empty();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
