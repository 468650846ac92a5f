package dev.stagesmith.server.checks.stages;

import dev.stagesmith.grammar.ParsedDockerfile;
import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.grammar.expand.ExpansionException;
import dev.stagesmith.grammar.expand.Expander;
import dev.stagesmith.grammar.stages.Dependency;
import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.grammar.stages.StageGraph;
import dev.stagesmith.grammar.syntax.Arg;
import dev.stagesmith.grammar.syntax.ArgDeclaration;
import dev.stagesmith.grammar.syntax.Comment;
import dev.stagesmith.server.checks.CheckInput;
import dev.stagesmith.server.checks.Findings;
import dev.stagesmith.server.checks.Fix;
import dev.stagesmith.server.checks.Rule;
import dev.stagesmith.server.checks.Severity;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code COPY --from=$VAR} or {@code RUN --mount=from=$VAR}: BuildKit resolves these before any variable
 * has a value and refuses them. The quick fix is BuildKit's own workaround: an alias stage
 * {@code FROM $VAR AS alias} (FROM does expand global ARGs) and a reference to the alias.
 */
public final class VariableInFromFlagRule implements Rule {

    @Override
    public String code() {
        return "variable-in-from-flag";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public String summary() {
        return "A variable in --from or a mount's from= (BuildKit does not expand them and fails)";
    }

    @Override
    public void check(CheckInput input, Findings out) {
        Set<TextRange> reported = new HashSet<>();
        for (Dependency d : input.graph().dependencies()) {
            if (!References.isFromFlag(d) || !d.text().contains("$") || !usesVariable(input.file(), d)
                    || !reported.add(d.range())) {
                continue;
            }
            String message = (References.isMount(d)
                    ? "'from' doesn't support variable expansion, define alias stage instead"
                    : "variable expansion is not supported for --from, define a new stage with FROM using ARG from"
                            + " global scope as a workaround") + References.trigger(input.graph(), d);
            Optional<Fix> fix = aliasFix(input, d);
            if (fix.isPresent()) {
                out.report(d.range(), message, fix.get());
            } else {
                out.report(d.range(), message);
            }
        }
    }

    /**
     * BuildKit's tests: for {@code --from}, whether expanding with no variables changes the text; for a
     * mount, whether a {@code $} appears anywhere but at the very end.
     */
    private static boolean usesVariable(ParsedDockerfile file, Dependency d) {
        String text = d.text();
        if (References.isMount(d)) {
            int dollar = text.indexOf('$');
            return dollar >= 0 && dollar != text.length() - 1;
        }
        try {
            return !Expander.process(text, Expander.Variables.NONE, Expander.Options.standard(file.escape())).value()
                    .equals(text);
        } catch (ExpansionException e) {
            return true;
        }
    }

    /** An alias stage inserted above the referring stage, when every variable is a global ARG. */
    private static Optional<Fix> aliasFix(CheckInput input, Dependency d) {
        StageGraph graph = input.graph();
        ParsedDockerfile file = input.file();
        if (d.kind() == Dependency.Kind.ONBUILD || !References.editable(file, d) || shiftsIndexes(graph, d.stage())) {
            return Optional.empty();
        }
        Set<String> variables;
        try {
            variables = Expander.process(d.text(), Expander.Variables.NONE, Expander.Options.standard(file.escape()))
                    .unmatched();
        } catch (ExpansionException e) {
            return Optional.empty();
        }
        Set<String> globals = new HashSet<>();
        for (Arg a : graph.globalArgInstructions()) {
            for (ArgDeclaration decl : a.declarations()) {
                globals.add(decl.name().value());
            }
        }
        if (variables.isEmpty() || !globals.containsAll(variables)) {
            return Optional.empty();
        }
        Stage stage = graph.stage(d.stage());
        String alias = alias(d.text(), variables.iterator().next(), graph);
        boolean upper = stage.from().keyword().value().equals(stage.from().keyword().value().toUpperCase(Locale.ROOT));
        String line = stage.from().keyword().value() + " " + d.text() + (upper ? " AS " : " as ") + alias + "\n\n";
        return Optional.of(new Fix("Copy from a new stage '" + alias + "' defined as FROM " + d.text(), List.of(
                new Fix.Edit(TextRange.empty(insertionPoint(file, stage)), line),
                new Fix.Edit(d.range(), alias))));
    }

    /** A new stage shifts the indexes of the stages after it, which would break {@code --from=<n>} references. */
    private static boolean shiftsIndexes(StageGraph graph, int insertedBefore) {
        for (Dependency d : graph.dependencies()) {
            // Out-of-range indexes count too: the new stage would make them point somewhere.
            if (References.isFromFlag(d) && !References.isMount(d) && References.isInteger(d.text())
                    && new BigInteger(d.text()).compareTo(BigInteger.valueOf(insertedBefore)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** The start of the stage's FROM line, above the comment lines that document it. */
    private static int insertionPoint(ParsedDockerfile file, Stage stage) {
        Set<Integer> commentLines = new HashSet<>();
        for (Comment c : file.comments()) {
            commentLines.add(file.lines().line(c.range().start()));
        }
        int line = file.lines().line(stage.from().range().start());
        while (line > 0 && commentLines.contains(line - 1)) {
            line--;
        }
        return file.lines().lineStart(line);
    }

    /** A stage name from the image's last path component ({@code uv} for {@code ghcr.io/astral-sh/uv:$V}). */
    private static String alias(String text, String variable, StageGraph graph) {
        String literal = text.replaceAll("\\$\\{[^}]*}|\\$[A-Za-z0-9_]+", "");
        int at = literal.indexOf('@');
        if (at >= 0) {
            literal = literal.substring(0, at);
        }
        literal = literal.substring(literal.lastIndexOf('/') + 1);
        int colon = literal.indexOf(':');
        if (colon >= 0) {
            literal = literal.substring(0, colon);
        }
        String name = literal.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "");
        if (!name.matches("[a-z][a-z0-9._-]*")) {
            name = variable.toLowerCase(Locale.ROOT).replace('_', '-').replaceAll("[^a-z0-9._-]", "");
        }
        if (!name.matches("[a-z][a-z0-9._-]*")) {
            name = "image";
        }
        // The alias must not capture any existing reference: a later FROM node or --from=node would switch to it.
        Set<String> taken = new HashSet<>();
        graph.stages().forEach(s -> s.name().ifPresent(taken::add));
        graph.dependencies().forEach(d -> taken.add(d.text().toLowerCase(Locale.ROOT)));
        String unique = name;
        for (int n = 2; taken.contains(unique); n++) {
            unique = name + "-" + n;
        }
        return unique;
    }
}
