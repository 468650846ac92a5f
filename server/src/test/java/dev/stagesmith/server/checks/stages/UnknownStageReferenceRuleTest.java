package dev.stagesmith.server.checks.stages;

import static dev.stagesmith.server.checks.RuleTester.applyFix;
import static dev.stagesmith.server.checks.RuleTester.assertFindings;
import static dev.stagesmith.server.checks.RuleTester.assertNoFindings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UnknownStageReferenceRuleTest {

    private final UnknownStageReferenceRule rule = new UnknownStageReferenceRule();

    @Test
    void reportsMisspeltStageNamesInFromFlags() {
        assertFindings(rule, """
                FROM golang AS builder
                FROM alpine
                COPY --from=⟦buidler⟧ /out /out
                RUN --mount=type=bind,from=⟦bulder⟧,target=/src true
                """,
                "No stage named \"buidler\", so BuildKit pulls it as image \"buidler\" and the build fails; did you mean"
                        + " \"builder\"?",
                "did you mean \"builder\"?");
    }

    @Test
    void reportsFromNamingAStageDefinedLater() {
        assertFindings(rule, "FROM ⟦base⟧ AS app\nFROM alpine AS base\n",
                "No stage named \"base\" is defined before this FROM (stage \"base\" comes later, at line 2)");
    }

    @Test
    void reportsFromCloseToAnEarlierStage() {
        assertFindings(rule, "FROM golang AS builder\nFROM ⟦buidler⟧\n", "did you mean \"builder\"?");
    }

    @Test
    void quietOnImageReferences() {
        assertNoFindings(rule, """
                FROM golang AS builder
                FROM alpine AS alpine3
                COPY --from=nginx:alpine /etc/nginx /etc/nginx
                COPY --from=ghcr.io/x/builder /a /a
                COPY --from=docker.io/library/busybox /bin/busybox /bin/
                COPY --from=builder@sha256:0123456789abcdef0123456789abcdef /a /a
                COPY --from=alpine /etc/alpine-release /
                COPY --from=busybox /bin/busybox /bin/
                RUN --mount=type=cache,target=/root/.cache true
                """);
    }

    @Test
    void quietOnBareNamesNotCloseToAnyStage() {
        // A locally built image or a named build context (--build-context tools=...) is no typo.
        assertNoFindings(rule, "FROM golang AS builder\nFROM alpine\nCOPY --from=tools /bin/x /bin/\nFROM myimage\n");
    }

    @Test
    void quietOnFromNamingAnImageOfAStageName() {
        assertNoFindings(rule, "FROM node AS build\nFROM golang AS node\nFROM node:20 AS x\n");
    }

    @Test
    void dotsAreAllowedWhenTheStageNameHasOne() {
        assertFindings(rule, "FROM alpine AS build.env\nFROM alpine\nCOPY --from=⟦build.evn⟧ /a /a\n",
                "did you mean \"build.env\"?");
        assertNoFindings(rule, "FROM alpine AS builder\nFROM alpine\nCOPY --from=builder.io /a /a\n");
    }

    @Test
    void fixUsesTheStageName() {
        assertEquals("FROM golang AS builder\nFROM alpine\nCOPY --from=builder /out /out\n",
                applyFix(rule, "FROM golang AS builder\nFROM alpine\nCOPY --from=buidler /out /out\n"));
        assertEquals("FROM golang AS builder\nRUN --mount=from=builder,target=/s true\n",
                applyFix(rule, "FROM golang AS builder\nRUN --mount=from=biulder,target=/s true\n"));
        assertEquals("FROM golang AS builder\nFROM builder\n", applyFix(rule, "FROM golang AS builder\nFROM buidler\n"));
    }
}
