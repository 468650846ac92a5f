package dev.stagesmith.server.checks.stages;

import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.server.checks.CheckInput;
import dev.stagesmith.server.checks.Findings;
import dev.stagesmith.server.checks.Rule;
import dev.stagesmith.server.checks.Severity;
import java.util.HashSet;
import java.util.Set;

/**
 * BuildKit's DuplicateStageName check: two stages with one name (ignoring case). Later references and
 * {@code --target} silently pick the last one, which BuildKit's maintainers call undefined behaviour.
 */
public final class DuplicateStageNameRule implements Rule {

    @Override
    public String code() {
        return "DuplicateStageName";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    @Override
    public String summary() {
        return "Stage names should be unique";
    }

    @Override
    public void check(CheckInput input, Findings out) {
        Set<String> seen = new HashSet<>();
        for (Stage s : input.graph().stages()) {
            if (s.name().isEmpty() || s.nameWord().isEmpty()) {
                continue;
            }
            if (!seen.add(s.name().get())) {
                out.report(s.nameWord().get().range(), "Duplicate stage name " + References.quote(s.name().get())
                        + ", stage names should be unique");
            }
        }
    }
}
