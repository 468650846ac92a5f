package dev.stagesmith.server.features.definition;

import dev.stagesmith.grammar.ParsedDockerfile;
import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.grammar.stages.Binding;
import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.grammar.stages.StageGraph;
import dev.stagesmith.grammar.syntax.Arg;
import dev.stagesmith.server.features.Positions;
import dev.stagesmith.server.features.symbols.Symbol;
import dev.stagesmith.server.features.symbols.SymbolAt;
import dev.stagesmith.server.features.symbols.GlobalArgs;
import dev.stagesmith.server.features.symbols.VariableSites;
import dev.stagesmith.server.features.symbols.Visible;
import dev.stagesmith.server.workspace.DocumentSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;

/**
 * {@code textDocument/definition}: a stage reference goes to the stage's {@code AS name} (or its FROM
 * when it has none); a variable goes to the ENV or ARG that set the value visible there, and for a
 * global ARG a stage redeclared, also to the global declaration.
 */
public final class DefinitionService {

    private DefinitionService() {}

    /** The definitions of what is at {@code position}; empty when it is not a stage or a declared variable. */
    public static List<Location> definition(DocumentSnapshot snapshot, Position position) {
        ParsedDockerfile file = snapshot.parsed();
        StageGraph graph = snapshot.graph();
        Optional<Symbol> symbol = SymbolAt.find(graph, Positions.offset(file, position));
        List<TextRange> targets = new ArrayList<>();
        if (symbol.isPresent() && symbol.get().stageSymbol().isPresent()) {
            targets.add(stageName(symbol.get().stageSymbol().get()));
        } else if (symbol.isPresent() && symbol.get() instanceof Symbol.VariableReference r) {
            Visible.at(graph, r.site()).lookup(r.reference().name())
                    .ifPresent(b -> binding(graph, b, targets));
        } else if (symbol.isPresent() && symbol.get() instanceof Symbol.VariableDeclaration d) {
            targets.add(d.range());
            if (d.declaration().arg() && !d.declaration().place().isGlobalArg()
                    && !hasDefault(d.declaration())) {
                GlobalArgs.last(graph, d.declaration().variableName())
                        .ifPresent(g -> targets.add(g.range()));
            }
        }
        return targets.stream().filter(t -> t.end() <= file.text().length())
                .map(t -> new Location(snapshot.uri(), Positions.range(file, t))).toList();
    }

    private static TextRange stageName(Stage stage) {
        return stage.nameWord().map(w -> w.range()).orElse(stage.from().keyword().range());
    }

    /** Where the binding was set; an in-stage ARG without a default also leads to the global ARG it takes. */
    private static void binding(StageGraph graph, Binding b, List<TextRange> out) {
        if (b.range().isEmpty()) {
            return; // set by BuildKit, not by a line of the Dockerfile
        }
        out.add(b.range());
        if (b.origin() == Binding.Origin.ARG && !hasDefault(graph, b)) {
            GlobalArgs.last(graph, b.name()).ifPresent(g -> out.add(g.range()));
        }
    }

    private static boolean hasDefault(VariableSites.Declaration d) {
        return d.place().instruction() instanceof Arg a
                && a.declarations().get(d.position()).defaultValue().isPresent();
    }

    private static boolean hasDefault(StageGraph graph, Binding b) {
        return GlobalArgs.argDeclaration(graph, b.range()).filter(d -> d.defaultValue().isPresent()).isPresent();
    }
}
