package dev.stagesmith.server.checks.variables;

import dev.stagesmith.grammar.SourceMap;
import dev.stagesmith.grammar.expand.ExpansionException;
import dev.stagesmith.grammar.expand.Expander;
import dev.stagesmith.grammar.expand.VariableReferences;
import dev.stagesmith.grammar.stages.Binding;
import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.grammar.stages.StageGraph;
import dev.stagesmith.server.checks.CheckInput;
import dev.stagesmith.server.checks.Findings;
import dev.stagesmith.server.checks.Rule;
import dev.stagesmith.server.checks.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * BuildKit's {@code UndefinedVar}: a variable that no ENV or ARG of the stage (or of the stages it is
 * built on) declares expands to an empty string where BuildKit expands it, which is rarely what was meant.
 *
 * <p>BuildKit knows the base image's environment; this rule does not. Where the stage starts from a
 * registry image, any name may come from the image's ENV, so only names one typo away from a variable
 * known to be set ({@code $PAHT}) are reported there. Global and
 * automatic ARGs are left to {@code global-arg-not-redeclared}, which says what to do about them.
 */
public final class UndefinedVarRule implements Rule {

    @Override
    public String code() {
        return "UndefinedVar";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    @Override
    public String summary() {
        return "Variables should be defined before their use";
    }

    @Override
    public void check(CheckInput input, Findings out) {
        StageGraph graph = input.graph();
        Set<String> globals = GlobalArgNotRedeclaredRule.globalNames(graph);
        SourceMap source = input.file().sourceMap();
        char escape = input.file().escape();
        for (Stage stage : graph.stages()) {
            for (ExpansionSite site : ExpansionSites.stage(graph, stage)) {
                Expander.Result result;
                try {
                    result = site.expand();
                } catch (ExpansionException e) {
                    continue; // invalid-variable-syntax reports it
                }
                List<VariableReferences.Reference> refs = null;
                for (String name : result.unmatched()) {
                    if (site.lookup(name).isPresent() || ExpansionSites.NON_ENV_ARGS.contains(name)
                            || globals.contains(name)) {
                        continue;
                    }
                    Optional<String> suggestion = BuildKitSuggestion.of(name, candidates(site));
                    if (site.open() && !likelyTypo(name, suggestion)) {
                        continue; // the base image may set it
                    }
                    if (refs == null) {
                        refs = site.references(escape);
                    }
                    String message = "Usage of undefined variable '$" + name + "'"
                            + suggestion.map(x -> " (did you mean $" + x + "?)").orElse("");
                    ReferenceReport.report(out, source, site.word(), refs, name, message, suggestion);
                }
            }
        }
    }

    /**
     * Where the base image's environment is unknown, only a near miss of a name known to be set is taken
     * for a mistake: a long enough name one typo away ({@code $PAHT}). {@code $GOPATH} is two edits from
     * PATH and is set by the golang image, so BuildKit's wider distance would be wrong here.
     */
    private static boolean likelyTypo(String name, Optional<String> suggestion) {
        return name.length() >= 4 && suggestion.isPresent() && BuildKitSuggestion.oneTypoApart(name, suggestion.get());
    }

    /** BuildKit suggests among the environment's names; an image always has PATH. */
    private static List<String> candidates(ExpansionSite site) {
        List<String> names = new ArrayList<>();
        if (site.open() && site.lookup("PATH").isEmpty()) {
            names.add("PATH");
        }
        for (Binding b : site.visible().values()) {
            if (b.isSet()) {
                names.add(b.name());
            }
        }
        return names;
    }
}
