package dev.stagesmith.server.checks.syntax;

import dev.stagesmith.grammar.GoQuoting;
import dev.stagesmith.grammar.syntax.Word;
import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.server.checks.CheckInput;
import dev.stagesmith.server.checks.Findings;
import dev.stagesmith.server.checks.Severity;
import java.util.Optional;

/**
 * A FROM image that is no valid reference once the global ARGs are expanded (upper case in the
 * repository, a bad tag or digest, an empty name). Scratch and stage names are not images; bases that
 * use a variable without a value are left to the build.
 */
public final class InvalidImageReferenceRule extends SyntaxRule {

    public InvalidImageReferenceRule() {
        super("invalid-image-reference", Severity.ERROR, "A FROM image that is not a valid image reference");
    }

    /** A base whose expansion fails is the variables rules' to report. */
    private static boolean failedToExpand(CheckInput input, Word base) {
        return input.graph().problems().stream().anyMatch(p -> p.range().equals(base.range()));
    }

    @Override
    public void check(CheckInput input, Findings out) {
        for (Stage stage : input.graph().stages()) {
            if (!(stage.base() instanceof Stage.ImageBase image) || !image.unresolved().isEmpty()) {
                continue;
            }
            Optional<Word> base = stage.from().base();
            if (base.isEmpty() || failedToExpand(input, base.get())) {
                continue;
            }
            String reference = image.reference();
            if (reference.isEmpty()) {
                out.report(base.get().range(), "base name (" + base.get().value() + ") should not be blank");
                continue;
            }
            Optional<String> problem = ImageReference.problem(reference);
            if (problem.isPresent()) {
                String shown = reference.equals(base.get().value()) ? "" : " (expanded from "
                        + GoQuoting.quote(base.get().value()) + ")";
                out.report(base.get().range(), "failed to parse stage name " + GoQuoting.quote(reference) + shown + ": "
                        + problem.get());
            }
        }
    }
}
