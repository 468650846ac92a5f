package dev.stagesmith.engine.registry;

import dev.stagesmith.engine.oci.Digest;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An image reference normalized the way Docker does it ({@code distribution/reference normalize.go}):
 * {@code alpine} is {@code docker.io/library/alpine:latest}. Valid on creation, so clients can build URLs from it.
 */
public final class ImageReference {

    /** The canonical name of Docker Hub. Only used to normalize names; nothing here contacts it by itself. */
    public static final String DEFAULT_DOMAIN = "docker.io";
    /** Where Docker Hub's registry API actually answers (Jib's REGISTRY_HOST_MAP has the same single entry). */
    private static final String DEFAULT_API_HOST = "registry-1.docker.io";
    /** The old name of Docker Hub, still accepted in references and used as the key in docker config files. */
    private static final String LEGACY_DEFAULT_DOMAIN = "index.docker.io";
    private static final String OFFICIAL_PREFIX = "library/";
    private static final String DEFAULT_TAG = "latest";

    private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
    private static final Pattern DOMAIN = Pattern.compile(
            "(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*"
            + "|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?");
    private static final Pattern HEX64 = Pattern.compile("[a-f0-9]{64}");
    private static final int MAX_NAME_LENGTH = 255;

    private final String domain;
    private final String repository;
    private final Optional<String> tag;
    private final Optional<Digest> digest;

    private ImageReference(String domain, String repository, Optional<String> tag, Optional<Digest> digest) {
        this.domain = domain;
        this.repository = repository;
        this.tag = tag;
        this.digest = digest;
    }

    /** Parses and normalizes; an invalid reference is an {@link IllegalArgumentException} that says why. */
    public static ImageReference parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty image reference");
        }
        if (HEX64.matcher(text).matches()) {
            throw invalid(text, "a bare 64-hex string is an image ID, not a repository name");
        }
        String rest = text;
        Optional<Digest> digest = Optional.empty();
        int at = rest.indexOf('@');
        if (at >= 0) {
            try {
                digest = Optional.of(Digest.parse(rest.substring(at + 1)));
            } catch (IllegalArgumentException e) {
                throw invalid(text, "the digest after '@' must be sha256:<64 lower-case hex>");
            }
            rest = rest.substring(0, at);
        }
        Optional<String> tag = Optional.empty();
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            String t = rest.substring(colon + 1);
            if (!TAG.matcher(t).matches()) {
                throw invalid(text, "tag '" + t + "' must be 1-128 of [A-Za-z0-9_.-] and not start with '.' or '-'");
            }
            tag = Optional.of(t);
            rest = rest.substring(0, colon);
        }
        if (tag.isEmpty() && digest.isEmpty()) {
            tag = Optional.of(DEFAULT_TAG);
        }
        String[] split = splitDomain(rest);
        String domain = split[0];
        String repository = split[1];
        if (!DOMAIN.matcher(domain).matches()) {
            throw invalid(text, "'" + domain + "' is not a valid registry host[:port]");
        }
        checkRepository(text, repository);
        if (domain.length() + 1 + repository.length() > MAX_NAME_LENGTH) {
            throw invalid(text, "the name is longer than " + MAX_NAME_LENGTH + " characters");
        }
        return new ImageReference(domain, repository, tag, digest);
    }

    /** The first component is a registry when it looks like a host (has '.' or ':', is localhost, or upper-case). */
    private static String[] splitDomain(String name) {
        int slash = name.indexOf('/');
        String domain;
        String repository;
        if (slash < 0) {
            domain = DEFAULT_DOMAIN;
            repository = name;
        } else {
            String first = name.substring(0, slash);
            boolean looksLikeHost = first.contains(".") || first.contains(":") || first.equals("localhost")
                    || !first.equals(first.toLowerCase(Locale.ROOT));
            domain = looksLikeHost ? first : DEFAULT_DOMAIN;
            repository = looksLikeHost ? name.substring(slash + 1) : name;
        }
        if (domain.equals(LEGACY_DEFAULT_DOMAIN)) {
            domain = DEFAULT_DOMAIN;
        }
        if (domain.equals(DEFAULT_DOMAIN) && !repository.contains("/")) {
            repository = OFFICIAL_PREFIX + repository;
        }
        return new String[] {domain, repository};
    }

    private static void checkRepository(String text, String repository) {
        if (!repository.equals(repository.toLowerCase(Locale.ROOT))) {
            throw invalid(text, "repository name must be lower-case");
        }
        for (String component : repository.split("/", -1)) {
            if (!COMPONENT.matcher(component).matches()) {
                throw invalid(text, "repository path component '" + component
                        + "' must be lower-case letters and digits, separated by '.', '_', '__' or '-'");
            }
        }
    }

    private static IllegalArgumentException invalid(String text, String why) {
        return new IllegalArgumentException("invalid image reference '" + text + "': " + why);
    }

    /** The registry as named in the reference: {@code docker.io}, {@code 127.0.0.1:5000}, {@code localhost}. */
    public String domain() {
        return domain;
    }

    /** The host[:port] that serves the registry API for {@link #domain()}. */
    public String apiHost() {
        return domain.equals(DEFAULT_DOMAIN) ? DEFAULT_API_HOST : domain;
    }

    /** The server address {@code docker login} stores credentials under (Docker Hub keeps its v1 URL). */
    public String credentialServerAddress() {
        return domain.equals(DEFAULT_DOMAIN) ? "https://" + LEGACY_DEFAULT_DOMAIN + "/v1/" : domain;
    }

    /** Every name a docker config file may use for this registry (Docker Hub has three). */
    public Set<String> hostAliases() {
        return domain.equals(DEFAULT_DOMAIN) ? Set.of(DEFAULT_DOMAIN, LEGACY_DEFAULT_DOMAIN, DEFAULT_API_HOST)
                : Set.of(domain);
    }

    public String repository() {
        return repository;
    }

    public Optional<String> tag() {
        return tag;
    }

    public Optional<Digest> digest() {
        return digest;
    }

    /** What goes in {@code /v2/<repo>/manifests/<reference>}: the digest when there is one, else the tag. */
    public String reference() {
        return digest.map(Digest::toString).orElseGet(tag::get);
    }

    public ImageReference withTag(String newTag) {
        return parse(domain + "/" + repository + ":" + newTag);
    }

    /** The same repository at a digest (the tag is dropped: a digest says exactly which image). */
    public ImageReference withDigest(Digest d) {
        return new ImageReference(domain, repository, Optional.empty(), Optional.of(d));
    }

    /** True for localhost, 127.0.0.0/8 and ::1, where plain HTTP cannot leak anything off the machine. */
    public boolean isLoopback() {
        return isLoopbackHost(domain);
    }

    static boolean isLoopbackHost(String hostPort) {
        String host = hostPort;
        if (host.startsWith("[")) {
            host = host.substring(1, host.indexOf(']'));
        } else if (host.indexOf(':') >= 0) {
            host = host.substring(0, host.indexOf(':'));
        }
        return host.equalsIgnoreCase("localhost") || host.equals("::1")
                || host.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    /** The short form Docker shows: {@code alpine:3.19}, {@code user/app:1}, {@code 127.0.0.1:5000/test/img:1}. */
    public String familiar() {
        String name;
        if (domain.equals(DEFAULT_DOMAIN)) {
            String stripped = repository.startsWith(OFFICIAL_PREFIX) ? repository.substring(OFFICIAL_PREFIX.length())
                    : repository;
            name = stripped.contains("/") ? repository : stripped;
        } else {
            name = domain + "/" + repository;
        }
        return name + suffix();
    }

    /** {@code domain/repository[:tag][@digest]} without abbreviations. */
    @Override
    public String toString() {
        return domain + "/" + repository + suffix();
    }

    /** The name without tag or digest, for messages about the repository as a whole. */
    public String name() {
        return domain + "/" + repository;
    }

    private String suffix() {
        return tag.map(t -> ":" + t).orElse("") + digest.map(d -> "@" + d).orElse("");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImageReference r && r.toString().equals(toString());
    }

    @Override
    public int hashCode() {
        return Objects.hash(toString());
    }
}
