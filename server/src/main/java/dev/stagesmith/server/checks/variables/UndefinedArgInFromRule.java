package dev.stagesmith.server.checks.variables;

import dev.stagesmith.grammar.SourceMap;
import dev.stagesmith.grammar.expand.ExpansionException;
import dev.stagesmith.grammar.expand.Expander;
import dev.stagesmith.grammar.expand.VariableReferences;
import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.grammar.stages.StageGraph;
import dev.stagesmith.server.checks.CheckInput;
import dev.stagesmith.server.checks.Findings;
import dev.stagesmith.server.checks.Rule;
import dev.stagesmith.server.checks.Severity;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * BuildKit's {@code UndefinedArgInFrom}: a FROM line can only use the ARGs declared before the first
 * FROM and the automatic platform args; anything else silently expands to nothing.
 */
public final class UndefinedArgInFromRule implements Rule {

    @Override
    public String code() {
        return "UndefinedArgInFrom";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    @Override
    public String summary() {
        return "FROM command must use declared ARGs";
    }

    @Override
    public void check(CheckInput input, Findings out) {
        StageGraph graph = input.graph();
        Set<String> known = new LinkedHashSet<>(ExpansionSites.automaticArgs(graph));
        known.addAll(ExpansionSites.globalArgNames(graph));
        known.addAll(graph.args().scope().bindings().keySet());
        SourceMap source = input.file().sourceMap();
        char escape = input.file().escape();
        for (Stage stage : graph.stages()) {
            for (ExpansionSite site : ExpansionSites.from(graph, stage)) {
                Expander.Result result;
                try {
                    result = site.expand();
                } catch (ExpansionException e) {
                    continue; // invalid-variable-syntax reports it
                }
                List<VariableReferences.Reference> refs = site.references(escape);
                for (String name : result.unmatched()) {
                    if (!known.contains(name)) {
                        Optional<String> suggestion = BuildKitSuggestion.of(name, known);
                        String message = "FROM argument '" + name + "' is not declared"
                                + suggestion.map(x -> " (did you mean " + x + "?)").orElse("");
                        ReferenceReport.report(out, source, site.word(), refs, name, message, suggestion);
                    }
                }
            }
        }
    }
}
