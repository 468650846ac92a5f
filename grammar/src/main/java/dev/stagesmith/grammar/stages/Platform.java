package dev.stagesmith.grammar.stages;

import java.util.Locale;
import java.util.Optional;

/** An OCI platform, {@code os/arch[/variant]}, as in {@code --platform=linux/arm64/v8}. */
public record Platform(String os, String arch, Optional<String> variant) {

    /** Parses {@code os/arch[/variant]}; a bare {@code arch} means Linux. */
    public static Optional<Platform> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String[] parts = text.trim().toLowerCase(Locale.ROOT).split("/", -1);
        for (String p : parts) {
            if (p.isEmpty()) {
                return Optional.empty();
            }
        }
        return switch (parts.length) {
            case 1 -> Optional.of(new Platform("linux", parts[0], Optional.empty()));
            case 2 -> Optional.of(new Platform(parts[0], parts[1], Optional.empty()));
            case 3 -> Optional.of(new Platform(parts[0], parts[1], Optional.of(parts[2])));
            default -> Optional.empty();
        };
    }

    /** The platform of this machine, as Docker names it ({@code linux/amd64}, {@code linux/arm64}, ...). */
    public static Platform host() {
        String arch = switch (System.getProperty("os.arch", "amd64").toLowerCase(Locale.ROOT)) {
            case "x86_64", "amd64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            case "x86", "i386", "i686" -> "386";
            case "ppc64le" -> "ppc64le";
            case "s390x" -> "s390x";
            case "riscv64" -> "riscv64";
            case "arm" -> "arm";
            default -> System.getProperty("os.arch");
        };
        return new Platform("linux", arch, arch.equals("arm") ? Optional.of("v7") : Optional.empty());
    }

    @Override
    public String toString() {
        return os + "/" + arch + variant.map(v -> "/" + v).orElse("");
    }
}
