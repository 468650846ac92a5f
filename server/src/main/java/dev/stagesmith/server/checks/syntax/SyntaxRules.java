package dev.stagesmith.server.checks.syntax;

import dev.stagesmith.server.checks.Rule;
import java.util.List;

/** Syntax and argument rules: what BuildKit's parser or instruction typing rejects. */
public final class SyntaxRules {

    private SyntaxRules() {}

    public static List<Rule> all() {
        return List.of(
                new SyntaxErrorRule(),
                new UnknownInstructionRule(),
                new WrongArgumentCountRule(),
                new InvalidFromSyntaxRule(),
                new UnknownFlagRule(),
                new FlagMissingValueRule(),
                new DuplicateFlagRule(),
                new InvalidChmodRule(),
                new InvalidHealthcheckRule(),
                new InvalidExposeRule(),
                new InvalidStopSignalRule(),
                new InvalidImageReferenceRule(),
                new MisplacedDirectiveRule(),
                new NoFromRule(),
                new InstructionBeforeFromRule(),
                new InvalidOnbuildRule(),
                new ShellNotJsonRule(),
                new HeredocDestinationRule(),
                new EmptyVolumeRule(),
                new InvalidRunOptionRule(),
                new CopyRemoteSourceRule());
    }
}
