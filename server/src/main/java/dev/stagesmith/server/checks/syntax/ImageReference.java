package dev.stagesmith.server.checks.syntax;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * distribution's {@code reference.ParseNormalizedNamed}, which BuildKit applies to every FROM image: the
 * repository must be lower case, the tag at most 128 word characters, the digest well formed. Only the
 * rejections are reproduced, with distribution's messages.
 */
final class ImageReference {

    private static final String ALNUM = "[a-z0-9]+";
    private static final String SEPARATOR = "(?:[._]|__|[-]+)";
    private static final String PATH_COMPONENT = ALNUM + "(?:" + SEPARATOR + ALNUM + ")*";
    private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final String DOMAIN = "(?:" + DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*"
            + "|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?";
    private static final String NAME = "(?:" + DOMAIN + "/)?" + PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*";
    private static final String TAG = "[\\w][\\w.-]{0,127}";
    private static final String DIGEST = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";
    private static final Pattern REFERENCE = Pattern.compile("(" + NAME + ")(?::(" + TAG + "))?(?:@(" + DIGEST + "))?");
    private static final Pattern HEX64 = Pattern.compile("[a-f0-9]{64}");
    private static final int NAME_TOTAL_LENGTH_MAX = 255;
    private static final int MAX_CHECKED_LENGTH = 1024;

    private ImageReference() {}

    /** Why {@code s} is not a reference BuildKit can pull, or empty when it is. */
    static Optional<String> problem(String s) {
        if (s.length() > MAX_CHECKED_LENGTH) {
            // Far beyond any valid reference (name, tag and digest together); spares the regex a pathological input.
            return Optional.of("invalid reference format: the reference is " + s.length() + " characters long");
        }
        if (HEX64.matcher(s).matches()) {
            return Optional.of("invalid repository name (" + s + "), cannot specify 64-byte hexadecimal strings");
        }
        String domain;
        String remainder;
        int slash = s.indexOf('/');
        String first = slash < 0 ? "" : s.substring(0, slash);
        if (slash < 0 || (!first.contains(".") && !first.contains(":") && !first.equals("localhost")
                && first.toLowerCase(Locale.ROOT).equals(first))) {
            domain = "docker.io";
            remainder = s;
        } else {
            domain = first;
            remainder = s.substring(slash + 1);
        }
        if (domain.equals("index.docker.io")) {
            domain = "docker.io";
        }
        if (domain.equals("docker.io") && !remainder.contains("/")) {
            remainder = "library/" + remainder;
        }
        int tagSep = remainder.indexOf(':');
        String remoteName = tagSep < 0 ? remainder : remainder.substring(0, tagSep);
        if (!remoteName.toLowerCase(Locale.ROOT).equals(remoteName)) {
            return Optional.of("invalid reference format: repository name (" + remoteName + ") must be lowercase");
        }
        return parse(domain + "/" + remainder);
    }

    private static Optional<String> parse(String s) {
        Matcher m = REFERENCE.matcher(s);
        if (!m.matches()) {
            if (REFERENCE.matcher(s.toLowerCase(Locale.ROOT)).matches()) {
                return Optional.of("invalid reference format: repository name must be lowercase");
            }
            return Optional.of("invalid reference format");
        }
        if (m.group(1).length() > NAME_TOTAL_LENGTH_MAX) {
            return Optional.of("repository name must not be more than " + NAME_TOTAL_LENGTH_MAX + " characters");
        }
        String digest = m.group(3);
        return digest == null ? Optional.empty() : digestProblem(digest);
    }

    /** go-digest's {@code Parse}: a known algorithm and an encoded part of the right length. */
    private static Optional<String> digestProblem(String digest) {
        int colon = digest.indexOf(':');
        String algorithm = digest.substring(0, colon);
        String encoded = digest.substring(colon + 1);
        int length = switch (algorithm) {
            case "sha256" -> 64;
            case "sha384" -> 96;
            case "sha512" -> 128;
            default -> -1;
        };
        if (length < 0) {
            return Optional.of("unsupported digest algorithm");
        }
        if (encoded.length() != length) {
            return Optional.of("invalid checksum digest length");
        }
        if (!encoded.matches("[a-f0-9]+")) {
            return Optional.of("invalid checksum digest format");
        }
        return Optional.empty();
    }
}
