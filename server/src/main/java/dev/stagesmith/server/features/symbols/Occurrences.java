package dev.stagesmith.server.features.symbols;

import dev.stagesmith.grammar.ParsedDockerfile;
import dev.stagesmith.grammar.SourceMap;
import dev.stagesmith.grammar.expand.VariableReferences;
import dev.stagesmith.grammar.stages.Dependency;
import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.grammar.stages.StageGraph;
import java.util.ArrayList;
import java.util.List;

/** Every mention of the stage or variable a symbol is about: what references, highlight and rename share. */
public final class Occurrences {

    private Occurrences() {}

    /** The mentions, in file order; empty when the symbol is neither a stage nor a variable. */
    public static List<Occurrence> of(StageGraph graph, Symbol symbol) {
        if (symbol.stageSymbol().isPresent()) {
            return ofStage(graph, symbol.stageSymbol().get());
        }
        if (symbol.variableSymbol().isPresent()) {
            return ofVariable(graph, VariableScopes.of(graph), symbol.variableSymbol().get());
        }
        return List.of();
    }

    /** The name after AS and every reference BuildKit resolves to the stage. */
    public static List<Occurrence> ofStage(StageGraph graph, Stage stage) {
        List<Occurrence> out = new ArrayList<>();
        stage.nameWord().ifPresent(w -> out.add(new Occurrence(w.range(), true, Occurrence.Form.NAME)));
        for (Dependency d : StageUses.to(graph, stage)) {
            out.add(new Occurrence(d.range(), false, StageUses.form(graph.file(), d, stage)));
        }
        out.sort((a, b) -> a.range().compareTo(b.range()));
        return out;
    }

    /** The declarations of the variable and the references that read it, across its scope. */
    public static List<Occurrence> ofVariable(StageGraph graph, VariableScopes scopes, Variable v) {
        ParsedDockerfile file = graph.file();
        SourceMap source = file.sourceMap();
        List<Occurrence> out = new ArrayList<>();
        for (Place place : Place.all(graph)) {
            for (VariableSites.Declaration d : VariableSites.declarations(place)) {
                if (d.variableName().equals(v.name()) && scopes.variable(d).equals(v)) {
                    out.add(new Occurrence(d.name().range(), true, Occurrence.Form.NAME));
                }
            }
            for (VariableSites.Site site : VariableSites.sites(graph, place)) {
                if (!site.word().value().contains(v.name()) || !scopes.variable(v.name(), site).equals(v)) {
                    continue;
                }
                List<VariableReferences.Reference> refs = VariableReferences.named(
                        VariableReferences.find(site.word().value(), site.syntax(), file.escape()), v.name());
                for (VariableReferences.Reference r : refs) {
                    out.add(source.isExact(site.word())
                            ? new Occurrence(source.range(site.word(), r.nameStart(), r.nameEnd()), false,
                                    Occurrence.Form.NAME)
                            : new Occurrence(site.word().range(), false, Occurrence.Form.INDIRECT));
                }
            }
        }
        return out.stream().distinct().sorted((a, b) -> a.range().compareTo(b.range())).toList();
    }
}
