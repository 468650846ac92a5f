package dev.stagesmith.engine.registry;

import dev.stagesmith.engine.registry.WwwAuthenticate.Challenge;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;

/**
 * HTTP to registries: picks the scheme per host, authenticates (anonymous first, then what the 401 challenge
 * asks for) and follows redirects by hand so {@code Authorization} never leaves the registry's origin.
 *
 * <p>Scheme: a host that is neither loopback nor listed in {@code insecureRegistries} is only ever contacted over
 * HTTPS. For the others one anonymous {@code GET /v2/} over plain HTTP decides: if it answers like a registry
 * (200, 401 or 404) the host speaks HTTP, otherwise HTTPS is used. Probing HTTP first (not HTTPS) avoids waiting
 * for a TLS handshake that a plain server never answers; the probe carries no credentials.
 */
final class RegistryTransport {

    /** What a request needs permission for; the token scope asks for exactly that. */
    enum Access {
        PULL("pull", "pull"), PUSH("pull,push", "push");

        final String actions;
        final String verb;

        Access(String actions, String verb) {
            this.actions = actions;
            this.verb = verb;
        }
    }

    /** A request: {@code target} is a path on the registry ({@code /v2/...}) or an absolute URI from a Location. */
    record Call(String method, String target, Map<String, String> headers, Supplier<BodyPublisher> body,
                boolean waitForever) {
        static Call get(String target, Map<String, String> headers) {
            return new Call("GET", target, headers, null, false);
        }
    }

    private static final int MAX_REDIRECTS = 10;

    private final HttpClient http;
    private final RegistryOptions options;
    private final DockerConfigCredentials credentials;
    private final TokenService tokens;
    private final Map<String, String> schemes = new ConcurrentHashMap<>();
    private final Map<String, Boolean> basicHosts = new ConcurrentHashMap<>();
    private final Map<String, DockerConfigCredentials.Lookup> lookups = new ConcurrentHashMap<>();

    RegistryTransport(HttpClient http, RegistryOptions options, DockerConfigCredentials credentials) {
        this.http = http;
        this.options = options;
        this.credentials = credentials;
        this.tokens = new TokenService(this);
    }

    RegistryOptions options() {
        return options;
    }

    /** Sends with authentication; a 401 the registry still answers after one (re)authentication is an error. */
    HttpResponse<InputStream> send(ImageReference ref, Access access, Call call) throws RegistryException {
        URI registry = base(ref);
        URI uri = registry.resolve(call.target());
        String scope = "repository:" + ref.repository() + ":" + access.actions;
        Optional<String> auth = cachedAuthorization(ref, scope);
        boolean reauthenticated = false;
        while (true) {
            HttpResponse<InputStream> r = exchange(ref, call, uri, registry, auth);
            if (r.statusCode() != 401 || !sameOrigin(r.uri(), registry)) {
                return r;
            }
            List<String> challenges = r.headers().allValues("WWW-Authenticate");
            close(r);
            if (reauthenticated) {
                throw unauthorized(ref, access);
            }
            auth = Optional.of(authorize(ref, access, scope, challenges));
            reauthenticated = true;
        }
    }

    private Optional<String> cachedAuthorization(ImageReference ref, String scope) throws RegistryException {
        Optional<String> bearer = tokens.cached(ref.apiHost(), scope);
        if (bearer.isPresent()) {
            return bearer.map(t -> "Bearer " + t);
        }
        if (basicHosts.containsKey(ref.apiHost())) {
            return lookup(ref).credentials().map(Credentials::basicAuthorization);
        }
        return Optional.empty();
    }

    private String authorize(ImageReference ref, Access access, String scope, List<String> challenges)
            throws RegistryException {
        Optional<Challenge> bearer = WwwAuthenticate.find(challenges, "bearer");
        if (bearer.isPresent()) {
            return "Bearer " + tokens.fetch(ref, access, scope, bearer.get());
        }
        Optional<Credentials> creds = lookup(ref).credentials();
        if (WwwAuthenticate.find(challenges, "basic").isPresent() && creds.isPresent()) {
            basicHosts.put(ref.apiHost(), true);
            return creds.get().basicAuthorization();
        }
        throw unauthorized(ref, access);
    }

    DockerConfigCredentials.Lookup lookup(ImageReference ref) throws RegistryException {
        DockerConfigCredentials.Lookup l = lookups.get(ref.apiHost());
        if (l == null) {
            l = credentials.lookup(ref);
            lookups.put(ref.apiHost(), l);
        }
        return l;
    }

    RegistryException unauthorized(ImageReference ref, Access access) throws RegistryException {
        DockerConfigCredentials.Lookup l = lookup(ref);
        String what = "unauthorized to " + access.verb + " " + ref.name();
        if (l.credentials().isPresent()) {
            return new RegistryException(what + " with the credentials from " + l.source()
                    + ": check the user name and password (docker login " + ref.domain() + ")");
        }
        return new RegistryException(what + ": add credentials with docker login or in " + credentials.configFile()
                + " (" + l.source() + ")");
    }

    /** One request and its redirects; Authorization is only sent to the registry's own origin. */
    private HttpResponse<InputStream> exchange(ImageReference ref, Call call, URI start, URI registry,
                                               Optional<String> auth)
            throws RegistryException {
        URI uri = start;
        String method = call.method();
        Supplier<BodyPublisher> body = call.body();
        for (int hop = 0; ; hop++) {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body.get());
            call.headers().forEach(b::header);
            if (auth.isPresent() && sameOrigin(uri, registry)) {
                b.header("Authorization", auth.get());
            }
            if (!call.waitForever()) {
                b.timeout(options.timeout());
            }
            HttpResponse<InputStream> r = sendRaw(ref.domain(), b.build());
            int code = r.statusCode();
            if (code != 301 && code != 302 && code != 303 && code != 307 && code != 308) {
                return r;
            }
            Optional<String> location = r.headers().firstValue("Location");
            close(r);
            if (location.isEmpty()) {
                throw new RegistryException("registry " + ref.domain() + " answered " + code + " without a Location for "
                        + method + " " + uri);
            }
            if (hop >= MAX_REDIRECTS) {
                throw new RegistryException("registry " + ref.domain() + " redirected " + method + " " + start
                        + " more than " + MAX_REDIRECTS + " times");
            }
            uri = checkedRedirect(ref, uri, location.get());
            if (code == 303 || (code == 301 || code == 302) && method.equals("POST")) {
                method = "GET";
                body = null;
            }
        }
    }

    /** A redirect may go anywhere over HTTPS, but to plain HTTP only where plain HTTP is allowed at all. */
    private URI checkedRedirect(ImageReference ref, URI from, String location) throws RegistryException {
        URI next;
        try {
            next = from.resolve(location);
        } catch (IllegalArgumentException e) {
            throw new RegistryException("registry " + ref.domain() + " redirected to a malformed URL: " + location, e);
        }
        String scheme = String.valueOf(next.getScheme());
        if (scheme.equals("https") || scheme.equals("http") && plainHttpAllowed(hostPort(next))) {
            return next;
        }
        throw new RegistryException("registry " + ref.domain() + " redirected to " + next.getScheme() + "://"
                + next.getAuthority() + ", which is not HTTPS; add that host to insecureRegistries if this is intended");
    }

    HttpResponse<InputStream> sendRaw(String host, HttpRequest request) throws RegistryException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (ConnectException e) {
            throw new RegistryException("cannot reach registry " + host + " (connection refused): is it running?"
                    + " For a registry without TLS on another host, add it to insecureRegistries", e);
        } catch (HttpTimeoutException e) {
            throw new RegistryException("registry " + host + " did not answer " + request.method() + " "
                    + request.uri().getPath() + " within " + options.timeout().toSeconds() + " s; check the network"
                    + " or raise the timeout", e);
        } catch (SSLException e) {
            throw new RegistryException("TLS with registry " + host + " failed (" + e.getMessage() + "); if it serves"
                    + " plain HTTP, add it to insecureRegistries", e);
        } catch (IOException e) {
            throw new RegistryException("cannot reach registry " + host + " (" + e + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException("interrupted while talking to registry " + host, e);
        }
    }

    /** {@code scheme://host} for the registry API; see the class comment for how the scheme is chosen. */
    URI base(ImageReference ref) throws RegistryException {
        String host = ref.apiHost();
        String scheme = schemes.get(host);
        if (scheme == null) {
            Optional<String> probed = plainHttpAllowed(host) ? probe(host) : Optional.of("https");
            scheme = probed.orElse("https");
            // a host that did not answer is probed again next time: it may just not be started yet
            probed.ifPresent(s -> schemes.put(host, s));
        }
        try {
            return new URI(scheme + "://" + host);
        } catch (java.net.URISyntaxException e) {
            throw new RegistryException("registry host " + host + " does not form a valid URL", e);
        }
    }

    private Optional<String> probe(String host) {
        HttpRequest ping = HttpRequest.newBuilder(URI.create("http://" + host + "/v2/")).timeout(options.timeout())
                .GET().build();
        try {
            HttpResponse<InputStream> r = http.send(ping, HttpResponse.BodyHandlers.ofInputStream());
            close(r);
            int code = r.statusCode();
            return Optional.of(code == 200 || code == 401 || code == 404 ? "http" : "https");
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    boolean plainHttpAllowed(String hostPort) {
        return ImageReference.isLoopbackHost(hostPort) || options.insecureRegistries().contains(hostPort);
    }

    static String hostPort(URI uri) {
        return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }

    static boolean sameOrigin(URI a, URI b) {
        return String.valueOf(a.getScheme()).equalsIgnoreCase(String.valueOf(b.getScheme()))
                && String.valueOf(a.getHost()).equalsIgnoreCase(String.valueOf(b.getHost()))
                && port(a) == port(b);
    }

    private static int port(URI u) {
        return u.getPort() >= 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    static void close(HttpResponse<InputStream> r) {
        try (InputStream in = r.body()) {
            in.skipNBytes(0);
        } catch (IOException ignored) {
            // the connection is dropped instead of reused; nothing to report
        }
    }
}
