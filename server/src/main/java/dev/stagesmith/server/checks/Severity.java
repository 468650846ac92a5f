package dev.stagesmith.server.checks;

import java.util.Locale;
import java.util.Optional;

/** How serious a finding is; {@link #OFF} switches a rule off. Ordered from most to least serious. */
public enum Severity {
    ERROR, WARNING, INFO, HINT, OFF;

    /** {@code error}, {@code warning}, {@code info} (or {@code information}), {@code hint}, {@code off}. */
    public static Optional<Severity> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "error" -> Optional.of(ERROR);
            case "warning", "warn" -> Optional.of(WARNING);
            case "info", "information" -> Optional.of(INFO);
            case "hint" -> Optional.of(HINT);
            case "off", "ignore", "none" -> Optional.of(OFF);
            default -> Optional.empty();
        };
    }

    /** Whether this is at least as serious as {@code threshold}. */
    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
