package dev.stagesmith.server.checks.style;

import dev.stagesmith.engine.context.DockerIgnore;
import dev.stagesmith.grammar.GoQuoting;
import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.grammar.syntax.Add;
import dev.stagesmith.grammar.syntax.Copy;
import dev.stagesmith.grammar.syntax.Heredoc;
import dev.stagesmith.grammar.syntax.Instruction;
import dev.stagesmith.grammar.syntax.Word;
import dev.stagesmith.server.checks.CheckInput;
import dev.stagesmith.server.checks.Findings;
import dev.stagesmith.server.checks.Rule;
import dev.stagesmith.server.checks.Severity;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A COPY or ADD source from the build context that {@code .dockerignore} excludes (BuildKit's
 * CopyIgnoredFile): the file is not sent to the builder, so the build fails or copies less than meant.
 * Runs only when the build context, and so the ignore file, is known.
 */
public final class CopyIgnoredFileRule implements Rule {

    @Override
    public String code() {
        return "CopyIgnoredFile";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    @Override
    public String summary() {
        return "Attempting to Copy file that is excluded by .dockerignore";
    }

    @Override
    public void check(CheckInput input, Findings out) {
        if (input.ignored().isEmpty()) {
            return;
        }
        Predicate<String> ignored = input.ignored().get();
        // As BuildKit: with "!" exceptions a directory may be excluded yet keep files, which cannot be told
        // without the context's contents, so nothing is reported.
        if (ignored instanceof DockerIgnore d && (d.isEmpty() || d.hasExclusions())) {
            return;
        }
        for (Stage stage : input.graph().stages()) {
            List<Instruction> instructions = stage.instructions();
            for (int k = 0; k < instructions.size(); k++) {
                Instruction i = instructions.get(k);
                if (i instanceof Copy c && c.from().isEmpty()) {
                    sources(input, stage, k, "Copy", c.sources(), c.heredocs(), ignored, out);
                } else if (i instanceof Add a) {
                    sources(input, stage, k, "Add", a.sources(), a.heredocs(), ignored, out);
                }
            }
        }
    }

    private static void sources(CheckInput input, Stage stage, int k, String verb, List<Word> sources,
            List<Heredoc> heredocs, Predicate<String> ignored, Findings out) {
        for (Word source : sources) {
            if (heredocs.stream().anyMatch(h -> h.markerRange().equals(source.range()))) {
                continue;
            }
            Optional<String> expanded = StageWords.expand(input.graph(), stage, k, source.value());
            if (expanded.isEmpty() || isRemote(expanded.get())) {
                continue;
            }
            String path = DockerIgnore.cleanPath(expanded.get());
            if (path.equals(".") || path.equals("/")) {
                // The whole context: only reported when every entry of the context root is excluded.
                if (!(ignored instanceof DockerIgnore d && d.excludesEverything())) {
                    continue;
                }
            } else if (!ignored.test(path)) {
                continue;
            }
            out.report(source.range(), "Attempting to " + verb + " file " + GoQuoting.quote(path)
                    + " that is excluded by .dockerignore");
        }
    }

    /** URLs and Git repositories come from the network, not from the context. */
    private static boolean isRemote(String source) {
        return source.contains("://") || source.startsWith("git@");
    }
}
