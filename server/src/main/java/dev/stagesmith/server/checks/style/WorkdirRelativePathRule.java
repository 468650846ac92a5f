package dev.stagesmith.server.checks.style;

import dev.stagesmith.grammar.GoQuoting;
import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.grammar.syntax.Instruction;
import dev.stagesmith.grammar.syntax.Word;
import dev.stagesmith.grammar.syntax.Workdir;
import dev.stagesmith.server.checks.CheckInput;
import dev.stagesmith.server.checks.Findings;
import dev.stagesmith.server.checks.Rule;
import dev.stagesmith.server.checks.Severity;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A relative WORKDIR before any WORKDIR of the stage (or of the stages it is built on) set an absolute one
 * (BuildKit's WorkdirRelativePath): it resolves against the base image's working directory, which can
 * change under the Dockerfile. Only the first WORKDIR of a chain is judged, as in BuildKit: fixing it
 * fixes the ones after it.
 */
public final class WorkdirRelativePathRule implements Rule {

    /** Windows paths count as absolute: the base image's OS is unknown here, and guessing wrong would be noise. */
    private static final Pattern WINDOWS_ABSOLUTE = Pattern.compile("(?:[A-Za-z]:)?[\\\\/].*", Pattern.DOTALL);

    @Override
    public String code() {
        return "WorkdirRelativePath";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    @Override
    public String summary() {
        return "Relative workdir without an absolute workdir declared within the build can have unexpected results"
                + " if the base image changes";
    }

    @Override
    public void check(CheckInput input, Findings out) {
        List<Stage> stages = input.graph().stages();
        boolean[] setAtEnd = new boolean[stages.size()];
        for (Stage stage : stages) {
            boolean set = StageWords.parentStage(stage).map(p -> setAtEnd[p]).orElse(false);
            List<Instruction> instructions = stage.instructions();
            for (int k = 0; k < instructions.size(); k++) {
                if (!(instructions.get(k) instanceof Workdir w) || w.value().isEmpty()) {
                    continue;
                }
                if (!set) {
                    Word path = w.value().get();
                    Optional<String> expanded = StageWords.expand(input.graph(), stage, k, path.value());
                    if (expanded.isPresent() && !WINDOWS_ABSOLUTE.matcher(expanded.get()).matches()) {
                        out.report(path.range(), "Relative workdir " + GoQuoting.quote(expanded.get())
                                + " can have unexpected results if the base image changes");
                    }
                }
                set = true;
            }
            setAtEnd[stage.index()] = set;
        }
    }
}
