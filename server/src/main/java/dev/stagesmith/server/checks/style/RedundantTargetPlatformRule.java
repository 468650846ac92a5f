package dev.stagesmith.server.checks.style;

import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.grammar.expand.Expander;
import dev.stagesmith.grammar.stages.Binding;
import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.grammar.syntax.Flag;
import dev.stagesmith.server.checks.CheckInput;
import dev.stagesmith.server.checks.Finding;
import dev.stagesmith.server.checks.Findings;
import dev.stagesmith.server.checks.Fix;
import dev.stagesmith.server.checks.Rule;
import dev.stagesmith.server.checks.Severity;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code FROM --platform=$TARGETPLATFORM}, which is what FROM does anyway (BuildKit's RedundantTargetPlatform). */
public final class RedundantTargetPlatformRule implements Rule {

    private static final String TARGET_PLATFORM = "TARGETPLATFORM";

    @Override
    public String code() {
        return "RedundantTargetPlatform";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    @Override
    public String summary() {
        return "Setting platform to predefined $TARGETPLATFORM in FROM is redundant as this is the default behavior";
    }

    @Override
    public void check(CheckInput input, Findings out) {
        String text = input.text();
        for (Stage stage : input.graph().stages()) {
            Optional<Flag> platform = stage.from().platform();
            if (platform.isEmpty()) {
                continue;
            }
            Flag flag = platform.get();
            Optional<Expander.Result> expanded = FromPlatforms.expand(input.graph(), flag);
            // Only a value made of $TARGETPLATFORM alone: with other variables one of them might be empty.
            if (expanded.isEmpty() || !expanded.get().matched().equals(Set.of(TARGET_PLATFORM))
                    || !expanded.get().unmatched().isEmpty()) {
                continue;
            }
            String target = input.graph().args().scope().lookup(TARGET_PLATFORM).map(Binding::value).orElse(null);
            if (!expanded.get().value().equals(target)) {
                continue;
            }
            int end = flag.range().end();
            while (end < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '\t')) {
                end++;
            }
            Fix remove = Fix.delete("Remove --platform", TextRange.of(flag.range().start(), end));
            out.report(flag.range(), "Setting platform to predefined " + flag.value().get()
                    + " in FROM is redundant as this is the default behavior", Set.of(Finding.Tag.UNNECESSARY),
                    List.of(remove));
        }
    }
}
