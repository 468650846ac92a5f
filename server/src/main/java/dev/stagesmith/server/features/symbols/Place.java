package dev.stagesmith.server.features.symbols;

import dev.stagesmith.grammar.ParsedDockerfile;
import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.grammar.stages.StageGraph;
import dev.stagesmith.grammar.syntax.Arg;
import dev.stagesmith.grammar.syntax.Instruction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where an instruction sits in the stage model: a global ARG (before the first FROM), another instruction
 * before the first FROM, a stage's FROM, or the {@code index}-th instruction after a stage's FROM.
 *
 * @param instruction the instruction
 * @param stage the stage it belongs to; empty before the first FROM
 * @param index in a stage, the position after FROM (-1 for the FROM itself); before the first FROM, the
 *     position among the global ARG instructions (-1 for anything else)
 */
public record Place(Instruction instruction, Optional<Stage> stage, int index) {

    /** An ARG before the first FROM. */
    public boolean isGlobalArg() {
        return stage.isEmpty() && index >= 0;
    }

    /** A stage's FROM line, which sees only the global scope. */
    public boolean isFrom() {
        return stage.isPresent() && index < 0;
    }

    /** Every instruction of the file with its place, in file order. */
    public static List<Place> all(StageGraph graph) {
        List<Place> out = new ArrayList<>();
        List<Arg> globals = graph.globalArgInstructions();
        for (Instruction i : graph.preamble()) {
            out.add(new Place(i, Optional.empty(), -1));
        }
        for (int k = 0; k < globals.size(); k++) {
            out.add(new Place(globals.get(k), Optional.empty(), k));
        }
        for (Stage s : graph.stages()) {
            out.add(new Place(s.from(), Optional.of(s), -1));
            for (int k = 0; k < s.instructions().size(); k++) {
                out.add(new Place(s.instructions().get(k), Optional.of(s), k));
            }
        }
        out.sort((a, b) -> a.instruction().range().compareTo(b.instruction().range()));
        return out;
    }

    /** The instruction whose text touches {@code offset} (a cursor at its end included), with its place. */
    public static Optional<Place> at(StageGraph graph, int offset) {
        Optional<Instruction> found = instructionAt(graph.file(), offset);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Instruction i = found.get();
        Optional<Stage> stage = graph.stageAt(i.range().start());
        if (stage.isPresent()) {
            if (stage.get().from() == i) {
                return Optional.of(new Place(i, stage, -1));
            }
            int index = indexOf(stage.get().instructions(), i);
            if (index >= 0) {
                return Optional.of(new Place(i, stage, index));
            }
        }
        return Optional.of(new Place(i, Optional.empty(), indexOf(graph.globalArgInstructions(), i)));
    }

    private static Optional<Instruction> instructionAt(ParsedDockerfile file, int offset) {
        List<Instruction> all = file.instructions();
        int lo = 0;
        int hi = all.size() - 1;
        int last = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (all.get(mid).range().start() <= offset) {
                last = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (last >= 0 && all.get(last).range().touches(offset)) {
            return Optional.of(all.get(last));
        }
        return Optional.empty();
    }

    private static int indexOf(List<? extends Instruction> list, Instruction i) {
        for (int k = 0; k < list.size(); k++) {
            if (list.get(k) == i) {
                return k;
            }
        }
        return -1;
    }
}
