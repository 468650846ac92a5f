package dev.stagesmith.server.checks.variables;

import dev.stagesmith.grammar.SourceMap;
import dev.stagesmith.grammar.expand.VariableReferences;
import dev.stagesmith.grammar.syntax.Word;
import dev.stagesmith.server.checks.Findings;
import dev.stagesmith.server.checks.Fix;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reports a variable at each of its references in a word, or at the whole word when the references
 * cannot be placed exactly (a quoted flag value, for one).
 */
final class ReferenceReport {

    private ReferenceReport() {}

    /**
     * @param replacement a name to offer instead (did-you-mean), as a quick fix on each reference
     * @param extra quick fixes offered on every finding
     */
    static void report(Findings out, SourceMap source, Word word, List<VariableReferences.Reference> refs,
            String name, String message, Optional<String> replacement, Fix... extra) {
        List<VariableReferences.Reference> named = VariableReferences.named(refs, name);
        if (named.isEmpty() || !source.isExact(word)) {
            out.report(word.range(), message, extra);
            return;
        }
        for (VariableReferences.Reference r : named) {
            List<Fix> fixes = new ArrayList<>();
            replacement.ifPresent(s -> fixes.add(
                    Fix.replace("Change to '" + s + "'", source.range(word, r.nameStart(), r.nameEnd()), s)));
            fixes.addAll(List.of(extra));
            out.report(source.range(word, r.start(), r.end()), message, fixes.toArray(Fix[]::new));
        }
    }
}
