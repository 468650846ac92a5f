package dev.stagesmith.server.checks.stages;

import static dev.stagesmith.server.checks.RuleTester.applyFix;
import static dev.stagesmith.server.checks.RuleTester.assertFindings;
import static dev.stagesmith.server.checks.RuleTester.assertNoFindings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class VariableInFromFlagRuleTest {

    private final VariableInFromFlagRule rule = new VariableInFromFlagRule();

    @Test
    void reportsVariablesInFromFlagsAndMounts() {
        assertFindings(rule, """
                ARG UV=ghcr.io/astral-sh/uv:0.5
                FROM alpine
                COPY --from=⟦$UV⟧ /uv /bin/
                COPY --from=⟦ghcr.io/astral-sh/uv:${V}⟧ /uv /bin/
                RUN --mount=from=⟦$UV⟧,target=/uv true
                """,
                "variable expansion is not supported for --from, define a new stage with FROM using ARG from global"
                        + " scope as a workaround",
                "variable expansion is not supported for --from",
                "'from' doesn't support variable expansion, define alias stage instead");
    }

    @Test
    void quietOnLiteralValues() {
        // BuildKit keeps a trailing $ in a mount source literally.
        assertNoFindings(rule, "FROM alpine AS b\nFROM alpine\nCOPY --from=b /a /a\nRUN --mount=from=b$,target=/x true\n");
    }

    @Test
    void fixDefinesAnAliasStageFromTheGlobalArg() {
        String before = """
                # syntax=docker/dockerfile:1
                ARG UV_VERSION=0.5
                FROM golang AS build

                # the app
                FROM alpine
                COPY --from=ghcr.io/astral-sh/uv:${UV_VERSION} /uv /bin/
                """;
        String after = """
                # syntax=docker/dockerfile:1
                ARG UV_VERSION=0.5
                FROM golang AS build

                FROM ghcr.io/astral-sh/uv:${UV_VERSION} AS uv

                # the app
                FROM alpine
                COPY --from=uv /uv /bin/
                """;
        assertEquals(after, applyFix(rule, before));
    }

    @Test
    void fixNamesTheAliasAfterTheVariableWhenTheValueIsOnlyAVariable() {
        assertEquals("ARG TOOLS_IMAGE=busybox\nFROM $TOOLS_IMAGE AS tools-image\n\nFROM alpine\nCOPY --from=tools-image /a /a\n",
                applyFix(rule, "ARG TOOLS_IMAGE=busybox\nFROM alpine\nCOPY --from=$TOOLS_IMAGE /a /a\n"));
    }

    @Test
    void noFixForStageLocalVariables() {
        assertEquals(0, RuleTesterFixes.fixes(rule, "FROM alpine\nARG IMG=busybox\nCOPY --from=$IMG /a /a\n"));
    }

    @Test
    void noFixWhenANewStageWouldShiftStageIndexes() {
        assertEquals(0, RuleTesterFixes.fixes(rule,
                "ARG IMG=busybox\nFROM alpine\nCOPY --from=$IMG /a /a\nCOPY --from=1 /b /b\nFROM alpine\n"));
    }
}
