package dev.stagesmith.server.checks.variables;

import dev.stagesmith.grammar.expand.Expander;
import dev.stagesmith.grammar.expand.VariableReferences;
import dev.stagesmith.grammar.stages.Binding;
import dev.stagesmith.grammar.stages.Expansions;
import dev.stagesmith.grammar.stages.Scope;
import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.grammar.stages.StageGraph;
import dev.stagesmith.grammar.syntax.Add;
import dev.stagesmith.grammar.syntax.Arg;
import dev.stagesmith.grammar.syntax.ArgDeclaration;
import dev.stagesmith.grammar.syntax.Copy;
import dev.stagesmith.grammar.syntax.From;
import dev.stagesmith.grammar.syntax.Heredoc;
import dev.stagesmith.grammar.syntax.Instruction;
import dev.stagesmith.grammar.syntax.Word;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every place BuildKit expands variables, with what each sees: the ARGs before the first FROM, each FROM
 * (global scope only), and inside stages the words {@link Expansions#expandedWords} lists plus COPY and
 * ADD heredoc bodies without a quoted marker.
 */
final class ExpansionSites {

    /** Names BuildKit keeps out of the environment and never reports as undefined. */
    static final Set<String> NON_ENV_ARGS = Set.of("BUILDKIT_SBOM_SCAN_CONTEXT", "BUILDKIT_SBOM_SCAN_STAGE");

    /** Newer automatic platform args the stage model does not set; known to BuildKit all the same. */
    private static final Set<String> EXTRA_AUTOMATIC = Set.of("BUILDOSVERSION", "TARGETOSVERSION");

    private ExpansionSites() {}

    /** The defaults of the ARGs before the first FROM, each seeing the automatic args and the ARGs before it. */
    static List<ExpansionSite> globalArgs(StageGraph graph) {
        Map<String, Binding> visible = new LinkedHashMap<>();
        for (Binding b : graph.args().scope().bindings().values()) {
            if (b.origin() == Binding.Origin.AUTOMATIC) {
                visible.put(b.name(), b);
            }
        }
        List<Binding> declared = graph.args().declared();
        List<ExpansionSite> out = new ArrayList<>();
        int k = 0;
        char escape = graph.file().escape();
        for (Arg arg : graph.globalArgInstructions()) {
            for (ArgDeclaration d : arg.declarations()) {
                Binding b = declared.get(k++);
                if (d.defaultValue().isPresent() && graph.args().buildArg(b.name()).isEmpty()) {
                    Word w = d.defaultValue().get();
                    out.add(new ExpansionSite(arg, Optional.empty(), w, w.value(), Expander.Options.standard(escape),
                            VariableReferences.Syntax.WORD, Map.copyOf(visible), false));
                }
                if (b.isSet()) {
                    visible.put(b.name(), b);
                } else {
                    visible.putIfAbsent(b.name(), b);
                }
            }
        }
        return out;
    }

    /** The base and {@code --platform} of {@code stage}'s FROM, which see only the global scope. */
    static List<ExpansionSite> from(StageGraph graph, Stage stage) {
        Map<String, Binding> visible = globalScope(graph);
        From from = stage.from();
        List<ExpansionSite> out = new ArrayList<>();
        for (Word w : Expansions.expandedWords(from)) {
            out.add(new ExpansionSite(from, Optional.of(stage), w, w.value(),
                    Expander.Options.standard(graph.file().escape()), VariableReferences.Syntax.WORD, visible, false));
        }
        return out;
    }

    /** What FROM lines see: automatic args and global ARGs, the unset ones included with a null value. */
    static Map<String, Binding> globalScope(StageGraph graph) {
        Map<String, Binding> visible = new LinkedHashMap<>(graph.args().scope().bindings());
        for (Binding b : graph.args().declared()) {
            visible.putIfAbsent(b.name(), b);
        }
        return visible;
    }

    /** The words the stage's {@code index}-th instruction expands, in the environment BuildKit uses there. */
    static List<ExpansionSite> instruction(StageGraph graph, Stage stage, int index) {
        Instruction i = stage.instructions().get(index);
        Scope scope = graph.environment(stage).before(index);
        char escape = graph.file().escape();
        List<ExpansionSite> out = new ArrayList<>();
        if (i instanceof Arg arg) {
            argDefaults(graph, stage, index, arg, scope, out);
            return out;
        }
        for (Word w : Expansions.expandedWords(i)) {
            out.add(new ExpansionSite(i, Optional.of(stage), w, w.value(), Expander.Options.standard(escape),
                    VariableReferences.Syntax.WORD, scope.bindings(), scope.open()));
        }
        List<Heredoc> heredocs = i instanceof Copy c ? c.heredocs() : i instanceof Add a ? a.heredocs() : List.of();
        for (Heredoc h : heredocs) {
            if (h.expand() && h.terminated()) {
                Word body = new Word(h.body(), h.bodyRange());
                out.add(new ExpansionSite(i, Optional.of(stage), body, h.content(), Expander.Options.heredocBody(),
                        VariableReferences.Syntax.HEREDOC, scope.bindings(), scope.open()));
            }
        }
        return out;
    }

    /** All words BuildKit expands in the stage, FROM excluded, in order. */
    static List<ExpansionSite> stage(StageGraph graph, Stage stage) {
        List<ExpansionSite> out = new ArrayList<>();
        for (int i = 0; i < stage.instructions().size(); i++) {
            out.addAll(instruction(graph, stage, i));
        }
        return out;
    }

    /**
     * Each default of one ARG sees the names declared before it in the same instruction, as in BuildKit's
     * {@code dispatchArg}. A default is not expanded at all when a build arg gives the value.
     */
    private static void argDefaults(StageGraph graph, Stage stage, int index, Arg arg, Scope before,
            List<ExpansionSite> out) {
        Map<String, Binding> after = graph.environment(stage).before(index + 1).bindings();
        Map<String, Binding> visible = new LinkedHashMap<>(before.bindings());
        char escape = graph.file().escape();
        for (ArgDeclaration d : arg.declarations()) {
            String name = d.name().value();
            if (d.defaultValue().isPresent() && graph.args().buildArg(name).isEmpty()) {
                Word w = d.defaultValue().get();
                out.add(new ExpansionSite(arg, Optional.of(stage), w, w.value(), Expander.Options.standard(escape),
                        VariableReferences.Syntax.WORD, Map.copyOf(visible), before.open()));
            }
            Binding b = after.get(name);
            visible.put(name, b != null ? b
                    : new Binding(name, null, Binding.Origin.ARG, d.name().range(), stage.index()));
        }
    }

    /** The automatic platform args (and TARGETSTAGE), which stages see only after redeclaring them. */
    static Set<String> automaticArgs(StageGraph graph) {
        Set<String> names = new LinkedHashSet<>();
        for (Binding b : graph.args().scope().bindings().values()) {
            if (b.origin() == Binding.Origin.AUTOMATIC) {
                names.add(b.name());
            }
        }
        names.addAll(EXTRA_AUTOMATIC);
        return names;
    }

    /** The ARGs declared before the first FROM, in order. */
    static Set<String> globalArgNames(StageGraph graph) {
        Set<String> names = new LinkedHashSet<>();
        graph.args().declared().forEach(b -> names.add(b.name()));
        return names;
    }
}
