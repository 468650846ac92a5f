package dev.stagesmith.server.checks.syntax;

import static dev.stagesmith.server.checks.RuleTester.applyFix;
import static dev.stagesmith.server.checks.RuleTester.assertFindings;
import static dev.stagesmith.server.checks.RuleTester.assertNoFindings;
import static dev.stagesmith.server.checks.RuleTester.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stagesmith.server.checks.RuleTester;
import org.junit.jupiter.api.Test;

class UnknownFlagRuleTest {

    private final UnknownFlagRule rule = new UnknownFlagRule();

    @Test
    void reportsFlagsTheInstructionDoesNotHave() {
        assertFindings(rule, "FROM alpine\nCOPY ⟦--form⟧=build a b\n", "unknown flag: --form (did you mean --from?)");
        assertFindings(rule, "FROM alpine\nADD ⟦--from⟧=build a b\n", "unknown flag: --from");
        assertFindings(rule, "FROM alpine\nENV ⟦--x⟧ A=1\n", "unknown flag: --x (ENV accepts no flags)");
        assertFindings(rule, "FROM ⟦--plattform⟧=linux/amd64 alpine\n", "did you mean --platform?");
        assertFindings(rule, "FROM alpine\nRUN ⟦--mout⟧=type=cache,target=/x make\n", "did you mean --mount?");
        assertFindings(rule, "FROM alpine\nHEALTHCHECK ⟦--intervals⟧=5s CMD true\n", "did you mean --interval?");
        assertFindings(rule, "FROM alpine\nONBUILD ⟦--x⟧ RUN make\n", "ONBUILD accepts no flags");
        assertFindings(rule, "FROM alpine\nONBUILD COPY ⟦--chwon⟧=a b c\n", "did you mean --chown?");
    }

    @Test
    void flagNamesAreCaseSensitive() {
        assertFindings(rule, "FROM alpine\nCOPY ⟦--FROM⟧=build a b\n", "unknown flag: --FROM");
    }

    @Test
    void quickFixes() {
        assertEquals("FROM alpine\nCOPY --from=build a b\n", applyFix(rule, "FROM alpine\nCOPY --form=build a b\n"));
        String text = "FROM alpine\nENV --x A=1\n";
        var found = run(rule, text);
        assertEquals("FROM alpine\nENV A=1\n", RuleTester.apply(text, found.get(0).fixes().get(0)));
    }

    @Test
    void instructionsWhoseFlagsBuildKitNeverReads() {
        // STOPSIGNAL's parser and HEALTHCHECK NONE ignore flags; unknown instructions are another rule's.
        assertNoFindings(rule, "FROM alpine\nSTOPSIGNAL --x SIGTERM\nHEALTHCHECK --x NONE\nFOO --x y\n");
    }

    @Test
    void quietOnEveryKnownFlag() {
        assertNoFindings(rule, """
                FROM --platform=linux/amd64 alpine AS base
                RUN --mount=type=cache,target=/c --network=none --security=sandbox --device=a make
                COPY --from=base --chown=1:1 --chmod=644 --link --parents --exclude=*.md a b
                ADD --chown=1 --chmod=644 --link --keep-git-dir --checksum=sha256:x --unpack --exclude=x a b
                HEALTHCHECK --interval=1s --timeout=1s --start-period=1s --start-interval=1s --retries=3 CMD true
                """);
    }
}
