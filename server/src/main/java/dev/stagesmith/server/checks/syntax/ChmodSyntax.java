package dev.stagesmith.server.checks.syntax;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What {@code COPY --chmod} and {@code ADD --chmod} accept: an octal mode from 0 to 07777, or (Dockerfile
 * 1.14 and later) a symbolic mode as chmod(1) writes it, read the way BuildKit's copy of BSD's setmode
 * reads it.
 */
final class ChmodSyntax {

    private static final String CLAUSE = "[augo]*(?:[-+=][rwxXstugo]*)+";
    private static final Pattern SYMBOLIC = Pattern.compile(CLAUSE + "(?:," + CLAUSE + ")*");

    private ChmodSyntax() {}

    /** Why BuildKit rejects {@code mode}, or empty when it accepts it. An empty mode means "no chmod". */
    static Optional<String> problem(String mode) {
        if (mode.isEmpty()) {
            return Optional.empty();
        }
        if (Character.isDigit(mode.charAt(0)) && mode.charAt(0) < 128) {
            // BuildKit first reads the value as octal; a value that starts with a digit and fails is a number error.
            if (mode.chars().allMatch(c -> c >= '0' && c <= '7') && fitsOctal(mode)) {
                return Optional.empty();
            }
            return Optional.of("invalid chmod parameter: '" + mode + "'. it should be octal string and between 0 and"
                    + " 07777");
        }
        if (SYMBOLIC.matcher(mode).matches()) {
            return Optional.empty();
        }
        return Optional.of("invalid chmod parameter: '" + mode + "': invalid syntax (use an octal mode up to 07777, or a"
                + " symbolic mode such as u=rwX,go=rX)");
    }

    private static boolean fitsOctal(String digits) {
        String trimmed = digits.replaceFirst("^0+", "");
        return trimmed.length() <= 4 && (trimmed.isEmpty() || Integer.parseInt(trimmed, 8) <= 07777);
    }
}
