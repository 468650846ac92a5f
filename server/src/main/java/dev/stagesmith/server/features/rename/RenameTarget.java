package dev.stagesmith.server.features.rename;

import dev.stagesmith.grammar.ParsedDockerfile;
import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.grammar.stages.StageGraph;
import dev.stagesmith.server.features.symbols.Occurrence;
import dev.stagesmith.server.features.symbols.Occurrences;
import dev.stagesmith.server.features.symbols.StageUses;
import dev.stagesmith.server.features.symbols.Symbol;
import dev.stagesmith.server.features.symbols.SymbolAt;
import dev.stagesmith.server.features.symbols.Variable;
import dev.stagesmith.server.features.symbols.VariableScopes;
import java.util.List;
import java.util.Optional;

/** What a rename at the cursor would change: a stage or a variable, the name under the cursor, its mentions. */
sealed interface RenameTarget {

    /** The name under the cursor. */
    TextRange range();

    List<Occurrence> occurrences();

    /** Refuses a new name BuildKit would reject or that is already taken. */
    void validate(String newName);

    static RenameTarget at(StageGraph graph, int offset) {
        Optional<Symbol> found = SymbolAt.find(graph, offset);
        if (found.isPresent() && found.get().stageSymbol().isPresent()) {
            return stage(graph, found.get());
        }
        if (found.isPresent() && found.get().variableSymbol().isPresent()) {
            return variable(graph, found.get(), found.get().variableSymbol().get());
        }
        throw new RenameRefusedException("Only stage names and ARG or ENV variables can be renamed: put the cursor"
                + " on a name after AS, a --from or from= value, a stage named in FROM, an ARG or ENV name, or a"
                + " $VARIABLE.");
    }

    private static RenameTarget stage(StageGraph graph, Symbol symbol) {
        ParsedDockerfile file = graph.file();
        Stage stage = symbol.stageSymbol().orElseThrow();
        if (symbol instanceof Symbol.StageReference r) {
            Occurrence.Form form = StageUses.form(file, r.use(), stage);
            String where = stage.nameWord().map(w -> "rename it at 'AS " + w.value() + "' on line "
                    + file.lineNumber(w.range().start()) + ".").orElse("stage " + stage.index()
                    + " has no name; add 'AS <name>' to its FROM on line " + file.lineNumber(stage.from().range()
                    .start()) + " to give it one.");
            if (form == Occurrence.Form.INDEX) {
                throw new RenameRefusedException("'" + r.use().text() + "' refers to stage " + stage.index()
                        + " by its index, which a rename leaves as it is; " + where);
            }
            if (form == Occurrence.Form.INDIRECT) {
                throw new RenameRefusedException("This reference is not written as the plain stage name; " + where);
            }
        }
        return new StageTarget(graph, stage, symbol.range(), Occurrences.ofStage(graph, stage));
    }

    private static RenameTarget variable(StageGraph graph, Symbol symbol, Variable v) {
        VariableScopes scopes = VariableScopes.of(graph);
        if (v.isGlobal() && scopes.isAutomatic(v.name())) {
            throw new RenameRefusedException("'" + v.name() + "' is an automatic platform ARG: BuildKit sets it by this"
                    + " name, so it cannot be renamed.");
        }
        List<Occurrence> occurrences = Occurrences.ofVariable(graph, scopes, v);
        if (occurrences.stream().noneMatch(Occurrence::declaration)) {
            throw new RenameRefusedException("'" + v.name() + "' is not declared by an ARG or ENV here (it may come"
                    + " from the base image or the shell), so there is nothing to rename.");
        }
        return new VariableTarget(graph, scopes, v, symbol.range(), occurrences);
    }

    /** A stage: its name after AS and the references BuildKit resolves to it. */
    record StageTarget(StageGraph graph, Stage stage, TextRange range, List<Occurrence> occurrences)
            implements RenameTarget {

        @Override
        public void validate(String newName) {
            StageNames.validate(graph, stage, newName);
        }
    }

    /** A variable: its declarations and references within its scope. */
    record VariableTarget(StageGraph graph, VariableScopes scopes, Variable variable, TextRange range,
            List<Occurrence> occurrences) implements RenameTarget {

        @Override
        public void validate(String newName) {
            VariableNames.validate(graph, scopes, variable, newName);
        }
    }
}
