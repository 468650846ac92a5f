package dev.stagesmith.server.checks.stages;

import dev.stagesmith.grammar.ClosestMatch;
import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.grammar.stages.Dependency;
import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.grammar.stages.StageGraph;
import dev.stagesmith.grammar.syntax.Word;
import dev.stagesmith.server.checks.CheckInput;
import dev.stagesmith.server.checks.Findings;
import dev.stagesmith.server.checks.Fix;
import dev.stagesmith.server.checks.Rule;
import dev.stagesmith.server.checks.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A stage reference that resolves to no stage, so BuildKit silently pulls an image of that name and the
 * build fails minutes later ("pull access denied"). Only names that are evidently meant as stages are
 * reported: a bare name close to a stage name ({@code --from=buidler}), or a FROM naming a stage that is
 * defined only further down. Image references ({@code nginx:alpine}, {@code ghcr.io/x/y}), official images
 * ({@code busybox}) and other bare names (a local image or a named build context) are left alone.
 */
public final class UnknownStageReferenceRule implements Rule {

    @Override
    public String code() {
        return "unknown-stage-reference";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    @Override
    public String summary() {
        return "A --from, mount from= or FROM name that matches no stage (BuildKit pulls it as an image)";
    }

    @Override
    public void check(CheckInput input, Findings out) {
        StageGraph graph = input.graph();
        Set<TextRange> reported = new HashSet<>();
        for (Dependency d : graph.dependencies()) {
            if (References.isFromFlag(d) && d.target() instanceof Dependency.ImageTarget && reported.add(d.range())) {
                checkFlag(input, d, out);
            }
        }
        for (Stage s : graph.stages()) {
            if (s.base() instanceof Stage.ImageBase image && image.unresolved().isEmpty()
                    && s.from().base().isPresent()) {
                checkFrom(input, s, image.reference(), s.from().base().get(), out);
            }
        }
    }

    private static void checkFlag(CheckInput input, Dependency d, Findings out) {
        String name = d.text();
        Optional<String> closest = input.graph().closestName(name);
        if (!looksLikeStage(name, closest)) {
            return;
        }
        String stage = closest.get();
        String message = "No stage named " + References.quote(name) + References.trigger(input.graph(), d)
                + ", so BuildKit pulls it as image " + References.quote(name) + " and the build fails; did you mean "
                + References.quote(stage) + "?";
        if (d.kind() != Dependency.Kind.ONBUILD && References.editable(input.file(), d)) {
            out.report(d.range(), message, Fix.replace("Change to '" + stage + "'", d.range(), stage));
        } else {
            out.report(d.range(), message);
        }
    }

    private static void checkFrom(CheckInput input, Stage s, String reference, Word word, Findings out) {
        StageGraph graph = input.graph();
        String lower = reference.toLowerCase(Locale.ROOT);
        List<String> earlier = new ArrayList<>();
        for (Stage e : graph.stages().subList(0, s.index())) {
            e.name().ifPresent(earlier::add);
        }
        if (reference.isEmpty() || earlier.contains(lower) || isImageReference(reference)
                || WellKnownImages.contains(reference)) {
            // An earlier stage in another case is from-stage-case-mismatch's.
            return;
        }
        for (Stage later : graph.stages().subList(s.index() + 1, graph.stages().size())) {
            if (later.name().filter(lower::equals).isPresent()) {
                out.report(word.range(), "No stage named " + References.quote(reference) + " is defined before this FROM"
                        + " (stage " + References.quote(later.name().get()) + " comes later, at line "
                        + References.line(input.file(), later) + "), so BuildKit pulls image "
                        + References.quote(reference) + " instead; move stage " + References.quote(later.name().get())
                        + " above this one");
                return;
            }
        }
        Optional<String> closest = ClosestMatch.find(reference, earlier);
        if (!looksLikeStage(reference, closest)) {
            return;
        }
        String message = "No stage named " + References.quote(reference) + " is defined before this FROM, so BuildKit"
                + " pulls it as image " + References.quote(reference) + "; did you mean "
                + References.quote(closest.get()) + "?";
        if (word.value().equals(reference) && word.range().of(input.text()).equals(reference)) {
            out.report(word.range(), message,
                    Fix.replace("Change to '" + closest.get() + "'", word.range(), closest.get()));
        } else {
            out.report(word.range(), message);
        }
    }

    /**
     * Whether a name that resolved to no stage was evidently meant as one: a bare name (no registry, tag
     * or digest), not an official image, close to a stage name. A dot is allowed when the stage name
     * has one too ({@code build.env}); otherwise it marks a registry host or a dotted image name.
     */
    private static boolean looksLikeStage(String name, Optional<String> closest) {
        if (name.isEmpty() || closest.isEmpty() || isImageReference(name) || WellKnownImages.contains(name)) {
            return false;
        }
        return !name.contains(".") || closest.get().contains(".");
    }

    private static boolean isImageReference(String name) {
        return name.contains("/") || name.contains(":") || name.contains("@");
    }
}
