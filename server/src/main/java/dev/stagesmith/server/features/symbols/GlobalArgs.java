package dev.stagesmith.server.features.symbols;

import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.grammar.stages.Binding;
import dev.stagesmith.grammar.stages.StageGraph;
import dev.stagesmith.grammar.syntax.Arg;
import dev.stagesmith.grammar.syntax.ArgDeclaration;
import dev.stagesmith.grammar.syntax.Instruction;
import dev.stagesmith.grammar.syntax.Word;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Look-ups of the global ARGs (before the first FROM) and of the ARG declaration behind a binding. */
public final class GlobalArgs {

    private GlobalArgs() {}

    /** What a FROM line sees: automatic args and global ARGs, the unset ones with a null value. */
    public static Map<String, Binding> scope(StageGraph graph) {
        Map<String, Binding> visible = new LinkedHashMap<>(graph.args().scope().bindings());
        for (Binding b : graph.args().declared()) {
            visible.putIfAbsent(b.name(), b);
        }
        return visible;
    }

    /** The global ARG binding a declaration made, by the range of its name. */
    public static Optional<Binding> binding(StageGraph graph, Word name) {
        return graph.args().declared().stream().filter(b -> b.range().equals(name.range())).findFirst();
    }

    /** The last global ARG declaration of {@code name}, whose value stages inherit. */
    public static Optional<Binding> last(StageGraph graph, String name) {
        Binding found = null;
        for (Binding b : graph.args().declared()) {
            if (b.name().equals(name)) {
                found = b;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The ARG declaration whose name is at {@code name} (a binding's range), if an ARG set it. */
    public static Optional<ArgDeclaration> argDeclaration(StageGraph graph, TextRange name) {
        for (Instruction i : graph.file().instructions()) {
            if (i instanceof Arg a && i.range().contains(name)) {
                return a.declarations().stream().filter(d -> d.name().range().equals(name)).findFirst();
            }
        }
        return Optional.empty();
    }
}
