package dev.stagesmith.server.checks.variables;

import dev.stagesmith.grammar.SourceMap;
import dev.stagesmith.grammar.GoQuoting;
import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.grammar.expand.ExpansionException;
import dev.stagesmith.grammar.expand.VariableReferences;
import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.grammar.stages.StageGraph;
import dev.stagesmith.server.checks.CheckInput;
import dev.stagesmith.server.checks.Findings;
import dev.stagesmith.server.checks.Rule;
import dev.stagesmith.server.checks.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Words BuildKit fails to expand, which fail the build: {@code ${}}, a missing {@code }}, an unsupported
 * modifier such as {@code ${a:=b}}, an unterminated quote, and {@code ${NAME:?message}} where NAME can
 * never be set there. A required variable that a {@code --build-arg} or the base image may supply is
 * a deliberate guard and is not reported.
 */
public final class InvalidVariableSyntaxRule implements Rule {

    @Override
    public String code() {
        return "invalid-variable-syntax";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public String summary() {
        return "BuildKit cannot expand a variable reference and the build fails";
    }

    @Override
    public void check(CheckInput input, Findings out) {
        StageGraph graph = input.graph();
        List<ExpansionSite> sites = new ArrayList<>(ExpansionSites.globalArgs(graph));
        for (Stage stage : graph.stages()) {
            sites.addAll(ExpansionSites.from(graph, stage));
            sites.addAll(ExpansionSites.stage(graph, stage));
        }
        SourceMap source = input.file().sourceMap();
        for (ExpansionSite site : sites) {
            try {
                site.expand();
            } catch (ExpansionException e) {
                report(site, e, source, input.file().escape(), out);
            }
        }
    }

    private static void report(ExpansionSite site, ExpansionException e, SourceMap source, char escape,
            Findings out) {
        List<VariableReferences.Reference> refs = site.references(escape);
        Optional<String> required = requiredName(site, e);
        if (required.isPresent()) {
            String name = required.get();
            if (site.lookup(name).isPresent() || site.open()) {
                return; // a --build-arg or the base image can set it: a guard, not a mistake
            }
            Optional<VariableReferences.Reference> ref = refs.stream()
                    .filter(r -> r.name().equals(name) && r.requires() && r.closed())
                    .filter(r -> !site.inputIsWord() || r.start() == e.index())
                    .findFirst();
            TextRange range = ref.map(r -> source.range(site.word(), r.start(), r.end())).orElse(site.word().range());
            out.report(range, "BuildKit stops here: " + e.getMessage() + ". Nothing sets '" + name
                    + "' at this point; set it with ARG or ENV before this line");
            return;
        }
        String advice = e.getMessage().endsWith("-quote")
                ? "Close the quote, or write " + escape + "' or " + escape + "\" for a literal one outside quotes"
                : "Write $NAME, ${NAME} or ${NAME:-default}, or " + escape + "$ for a literal dollar sign";
        out.report(syntaxRange(site, e, refs, source), "BuildKit cannot expand this: " + e.getMessage() + ". "
                + advice);
    }

    /**
     * The variable of a {@code ${NAME:?message}} failure. BuildKit's other failures all come with fixed
     * wording; this one is {@code <name>: <message>} after the word.
     */
    private static Optional<String> requiredName(ExpansionSite site, ExpansionException e) {
        String prefix = "failed to process " + GoQuoting.quote(site.input()) + ": ";
        String message = e.getMessage();
        if (!message.startsWith(prefix)) {
            return Optional.empty();
        }
        String rest = message.substring(prefix.length());
        if (rest.startsWith("syntax error") || rest.startsWith("unsupported modifier")
                || rest.startsWith("unexpected end of statement") || rest.startsWith("invalid pattern")) {
            return Optional.empty();
        }
        int colon = rest.indexOf(": ");
        return colon > 0 ? Optional.of(rest.substring(0, colon)) : Optional.empty();
    }

    /** The bad substitution itself when it can be placed, else from where it starts to the word's end. */
    private static TextRange syntaxRange(ExpansionSite site, ExpansionException e,
            List<VariableReferences.Reference> refs, SourceMap source) {
        int length = site.word().value().length();
        if (!site.inputIsWord() || e.index() < 0 || e.index() >= length) {
            return site.word().range();
        }
        String value = site.word().value();
        int end = length;
        for (VariableReferences.Reference r : refs) {
            if (r.start() == e.index()) {
                end = r.end();
            }
        }
        if (end == length && value.startsWith("${", e.index()) && value.indexOf('}', e.index()) >= 0) {
            end = value.indexOf('}', e.index()) + 1; // ${} and ${:x} have no name, so no reference
        }
        return source.range(site.word(), e.index(), end);
    }
}
