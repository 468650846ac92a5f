package dev.stagesmith.server.checks.style;

import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.grammar.stages.StageGraph;
import dev.stagesmith.grammar.syntax.Expose;
import dev.stagesmith.grammar.syntax.Instruction;
import dev.stagesmith.grammar.syntax.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The EXPOSE ports BuildKit's checks look at, in order, each with the word it was written as. */
final class ExposedPorts {

    /**
     * One port.
     *
     * @param spec the parsed port
     * @param word the source word
     * @param literal whether the word is the port exactly (no variables or quotes), so its text can be edited
     */
    record Port(PortSpec spec, Word word, boolean literal) {}

    private ExposedPorts() {}

    /**
     * Every port, expanded as BuildKit expands EXPOSE. Within one EXPOSE, the ports after one BuildKit
     * rejects are left out: BuildKit stops at the error before checking them.
     */
    static List<Port> of(StageGraph graph) {
        List<Port> out = new ArrayList<>();
        char escape = graph.file().escape();
        for (Stage stage : graph.stages()) {
            List<Instruction> instructions = stage.instructions();
            for (int k = 0; k < instructions.size(); k++) {
                if (instructions.get(k) instanceof Expose e) {
                    ports(graph, stage, k, e, escape, out);
                }
            }
        }
        return out;
    }

    private static void ports(StageGraph graph, Stage stage, int k, Expose e, char escape, List<Port> out) {
        for (Word w : e.ports()) {
            boolean literal = w.value().chars().noneMatch(c -> c == '$' || c == '"' || c == '\'' || c == escape);
            Optional<List<String>> values = literal ? Optional.of(List.of(w.value()))
                    : StageWords.expandWords(graph, stage, k, w.value());
            if (values.isEmpty()) {
                // Unknown once expanded: BuildKit may fail or not, so stop as if it had.
                return;
            }
            for (String v : values.get()) {
                Optional<PortSpec> spec = PortSpec.parse(v);
                if (spec.isEmpty()) {
                    return;
                }
                out.add(new Port(spec.get(), w, literal && values.get().size() == 1));
                if (!spec.get().valid()) {
                    return;
                }
            }
        }
    }
}
