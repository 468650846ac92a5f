package dev.stagesmith.server.features.rename;

import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.grammar.stages.StageGraph;
import dev.stagesmith.server.features.symbols.Occurrence;
import dev.stagesmith.server.features.symbols.Occurrences;
import dev.stagesmith.server.features.symbols.Variable;
import dev.stagesmith.server.features.symbols.VariableScopes;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The names a variable may be renamed to: ones {@code $NAME} can refer to, not already used in its scope. */
final class VariableNames {

    private static final Pattern VALID = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private VariableNames() {}

    static void validate(StageGraph graph, VariableScopes scopes, Variable v, String newName) {
        if (!VALID.matcher(newName).matches()) {
            throw new RenameRefusedException("'" + newName + "' is not a valid variable name: use letters, digits"
                    + " and '_', not starting with a digit, so that $" + newName + " can refer to it.");
        }
        if (newName.equals(v.name())) {
            return;
        }
        List<Stage> stages = scopes.stages(v);
        if (v.isGlobal() && (scopes.isAutomatic(newName) || graph.args().inherited(newName).isPresent())
                || stages.stream().anyMatch(s -> isSet(graph, s, newName))) {
            throw taken(newName, "it is already set there");
        }
        Set<Variable> others = new LinkedHashSet<>();
        if (v.isGlobal()) {
            others.add(new Variable(newName, Variable.GLOBAL));
        }
        stages.forEach(s -> others.add(scopes.variable(newName, Optional.of(s))));
        for (Variable other : others) {
            for (Occurrence o : Occurrences.ofVariable(graph, scopes, other)) {
                if (inScope(graph, v, stages, o.range())) {
                    throw taken(newName, "line " + graph.file().lineNumber(o.range().start()) + " uses it");
                }
            }
        }
    }

    private static boolean isSet(StageGraph graph, Stage s, String name) {
        return graph.environment(s).initial().lookup(name).isPresent()
                || graph.environment(s).end().lookup(name).isPresent();
    }

    /** Inside one of the variable's stages, or for a global ARG, before the first FROM or on a FROM line. */
    private static boolean inScope(StageGraph graph, Variable v, List<Stage> stages, TextRange r) {
        if (stages.stream().anyMatch(s -> s.range().contains(r))) {
            return true;
        }
        if (!v.isGlobal()) {
            return false;
        }
        return graph.stages().isEmpty() || r.end() <= graph.stage(0).range().start()
                || graph.stages().stream().anyMatch(s -> s.from().range().contains(r));
    }

    private static RenameRefusedException taken(String name, String why) {
        return new RenameRefusedException("'" + name + "' is already a variable in this scope (" + why + "); renaming"
                + " would merge two variables, so choose another name.");
    }
}
