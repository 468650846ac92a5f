package dev.stagesmith.server.checks.stages;

import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.grammar.syntax.Word;
import dev.stagesmith.server.checks.CheckInput;
import dev.stagesmith.server.checks.Findings;
import dev.stagesmith.server.checks.Fix;
import dev.stagesmith.server.checks.Rule;
import dev.stagesmith.server.checks.Severity;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code FROM Builder} after {@code AS builder}: unlike {@code --from}, BuildKit's FROM lookup is
 * case-sensitive against the lower-cased stage names, so it tries to pull an image {@code Builder}, which
 * is not even a valid reference ("repository name must be lowercase").
 */
public final class FromStageCaseMismatchRule implements Rule {

    @Override
    public String code() {
        return "from-stage-case-mismatch";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public String summary() {
        return "FROM names an earlier stage in the wrong case (BuildKit pulls it as an image and fails)";
    }

    @Override
    public void check(CheckInput input, Findings out) {
        for (Stage s : input.graph().stages()) {
            if (!(s.base() instanceof Stage.ImageBase image) || !image.unresolved().isEmpty()
                    || s.from().base().isEmpty()) {
                continue;
            }
            String reference = image.reference();
            Optional<Stage> earlier = earlierStageNamed(input, s, reference.toLowerCase(Locale.ROOT));
            if (earlier.isEmpty() || reference.equals(earlier.get().name().orElseThrow())) {
                continue;
            }
            String name = earlier.get().name().orElseThrow();
            Word word = s.from().base().get();
            String message = "FROM " + reference + " does not refer to stage " + References.quote(name) + " (line "
                    + References.line(input.file(), earlier.get()) + "): BuildKit matches stage names in FROM"
                    + " case-sensitively and stores them lower-case, so it pulls an image " + References.quote(reference)
                    + ", which fails (repository name must be lowercase); write " + name;
            boolean literal = word.value().equals(reference) && word.range().of(input.text()).equals(reference);
            if (literal) {
                out.report(word.range(), message, Fix.replace("Use stage name '" + name + "'", word.range(), name));
            } else {
                out.report(word.range(), message);
            }
        }
    }

    private static Optional<Stage> earlierStageNamed(CheckInput input, Stage stage, String lower) {
        for (int i = stage.index() - 1; i >= 0; i--) {
            Stage s = input.graph().stage(i);
            if (s.name().filter(lower::equals).isPresent()) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
