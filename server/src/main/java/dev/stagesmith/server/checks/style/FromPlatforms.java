package dev.stagesmith.server.checks.style;

import dev.stagesmith.grammar.expand.ExpansionException;
import dev.stagesmith.grammar.expand.Expander;
import dev.stagesmith.grammar.stages.StageGraph;
import dev.stagesmith.grammar.syntax.Flag;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * FROM's {@code --platform} value as BuildKit's checks see it: expanded with the global ARGs, and parsed
 * the way containerd's {@code platforms.Parse} does (aliases such as {@code aarch64} normalised).
 */
final class FromPlatforms {

    /** An {@code os/arch[/variant]} after containerd's normalisation. */
    record Platform(String os, String arch) {}

    private static final Pattern COMPONENT = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Set<String> KNOWN_OS = Set.of("aix", "android", "darwin", "dragonfly", "freebsd", "hurd",
            "illumos", "ios", "js", "linux", "nacl", "netbsd", "openbsd", "plan9", "solaris", "wasip1", "windows",
            "zos");
    private static final Set<String> KNOWN_ARCH = Set.of("386", "amd64", "amd64p32", "arm", "armbe", "arm64",
            "arm64be", "loong64", "mips", "mipsle", "mips64", "mips64le", "mips64p32", "mips64p32le", "ppc",
            "ppc64", "ppc64le", "riscv", "riscv64", "s390", "s390x", "sparc", "sparc64", "wasm");

    private FromPlatforms() {}

    /** {@code ProcessWordWithMatches} of the flag value in the global scope; empty if expansion fails. */
    static Optional<Expander.Result> expand(StageGraph graph, Flag platform) {
        if (platform.value().isEmpty() || platform.value().get().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Expander.process(platform.value().get(), graph.args().scope().variables(),
                    Expander.Options.standard(graph.file().escape())));
        } catch (ExpansionException e) {
            return Optional.empty();
        }
    }

    /** containerd's {@code platforms.Parse}; empty where it reports an error. */
    static Optional<Platform> parse(String specifier) {
        String[] parts = specifier.toLowerCase(Locale.ROOT).split("/", -1);
        for (String p : parts) {
            if (!COMPONENT.matcher(p).matches()) {
                return Optional.empty();
            }
        }
        return switch (parts.length) {
            case 1 -> {
                String os = normalizeOs(parts[0]);
                if (KNOWN_OS.contains(os)) {
                    yield Optional.of(new Platform(os, dev.stagesmith.grammar.stages.Platform.host().arch()));
                }
                String arch = normalizeArch(parts[0]);
                yield KNOWN_ARCH.contains(arch) ? Optional.of(new Platform("linux", arch)) : Optional.empty();
            }
            case 2, 3 -> Optional.of(new Platform(normalizeOs(parts[0]), normalizeArch(parts[1])));
            default -> Optional.empty();
        };
    }

    private static String normalizeOs(String os) {
        return os.equals("macos") ? "darwin" : os;
    }

    private static String normalizeArch(String arch) {
        return switch (arch) {
            case "i386" -> "386";
            case "x86_64", "x86-64", "amd64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            case "armhf", "armel", "arm" -> "arm";
            default -> arch;
        };
    }
}
