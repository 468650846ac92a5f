package dev.stagesmith.server.features.symbols;

import dev.stagesmith.grammar.stages.Binding;
import dev.stagesmith.grammar.stages.Scope;
import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.grammar.stages.StageGraph;
import dev.stagesmith.grammar.syntax.Arg;
import dev.stagesmith.grammar.syntax.Word;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The variables visible where a text is expanded, as BuildKit (or the shell) sees them there; unset ARGs
 * are included with a null value, and {@code open} says a base image may add more.
 */
public record Visible(Map<String, Binding> bindings, boolean open) {

    public Optional<Binding> lookup(String name) {
        return Optional.ofNullable(bindings.get(name));
    }

    /** What {@code site} sees, as BuildKit (or the shell) evaluates it there. */
    public static Visible at(StageGraph graph, VariableSites.Site site) {
        Place place = site.place();
        return switch (site.context()) {
            case GLOBAL -> new Visible(globalBefore(graph, place.index(), site.declaration()), false);
            case FROM -> new Visible(GlobalArgs.scope(graph), false);
            default -> inStage(graph, place, site.declaration());
        };
    }

    private static Map<String, Binding> globalBefore(StageGraph graph, int instruction, int declaration) {
        Map<String, Binding> visible = new LinkedHashMap<>();
        for (Binding b : graph.args().scope().bindings().values()) {
            if (b.origin() == Binding.Origin.AUTOMATIC) {
                visible.put(b.name(), b);
            }
        }
        List<Binding> declared = graph.args().declared();
        int k = 0;
        List<Arg> args = graph.globalArgInstructions();
        for (int a = 0; a <= instruction && a < args.size(); a++) {
            int count = args.get(a).declarations().size();
            int limit = a < instruction ? count : declaration;
            for (int d = 0; d < count; d++, k++) {
                if (d < limit && k < declared.size()) {
                    Binding b = declared.get(k);
                    if (b.isSet()) {
                        visible.put(b.name(), b);
                    } else {
                        visible.putIfAbsent(b.name(), b);
                    }
                }
            }
        }
        return visible;
    }

    /** The stage's environment before the instruction; an ARG default also sees the names before it. */
    private static Visible inStage(StageGraph graph, Place place, int declaration) {
        Stage stage = place.stage().orElseThrow();
        Scope before = graph.environment(stage).before(place.index());
        if (declaration <= 0 || !(place.instruction() instanceof Arg arg)) {
            return new Visible(before.bindings(), before.open());
        }
        Map<String, Binding> after = graph.environment(stage).before(place.index() + 1).bindings();
        Map<String, Binding> visible = new LinkedHashMap<>(before.bindings());
        for (int k = 0; k < declaration && k < arg.declarations().size(); k++) {
            Word name = arg.declarations().get(k).name();
            Binding b = after.get(name.value());
            visible.put(name.value(), b != null ? b
                    : new Binding(name.value(), null, Binding.Origin.ARG, name.range(), stage.index()));
        }
        return new Visible(visible, before.open());
    }
}
