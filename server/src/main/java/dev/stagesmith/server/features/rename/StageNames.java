package dev.stagesmith.server.features.rename;

import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.grammar.stages.StageGraph;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The stage names BuildKit accepts, and the ones a rename must not take. */
final class StageNames {

    /** BuildKit's rule, applied after lower-casing ({@code instructions/parse.go}). */
    private static final Pattern VALID = Pattern.compile("[a-z][a-z0-9._-]*");

    private static final Set<String> RESERVED = Set.of("scratch", "context");

    private StageNames() {}

    static void validate(StageGraph graph, Stage stage, String newName) {
        String lower = newName.toLowerCase(Locale.ROOT);
        if (!VALID.matcher(lower).matches()) {
            throw new RenameRefusedException("'" + newName + "' is not a valid stage name: BuildKit wants a letter"
                    + " first, then only letters, digits, '-', '_' and '.'.");
        }
        if (RESERVED.contains(lower)) {
            throw new RenameRefusedException("'" + newName + "' is reserved: BuildKit reads it as "
                    + (lower.equals("scratch") ? "the empty image" : "the build context") + "; choose another name.");
        }
        for (Stage other : graph.stages()) {
            if (other != stage && other.name().filter(lower::equals).isPresent()) {
                throw new RenameRefusedException("A stage named '" + other.name().get() + "' already exists (line "
                        + graph.file().lineNumber(other.from().range().start()) + "); choose another name.");
            }
        }
    }
}
