package dev.stagesmith.server.checks.syntax;

import static dev.stagesmith.server.checks.RuleTester.assertFindings;
import static dev.stagesmith.server.checks.RuleTester.assertNoFindings;

import org.junit.jupiter.api.Test;

class InvalidImageReferenceRuleTest {

    private final InvalidImageReferenceRule rule = new InvalidImageReferenceRule();

    @Test
    void referencesDistributionRejects() {
        assertFindings(rule, "FROM ⟦Ubuntu:22.04⟧\n",
                "failed to parse stage name \"Ubuntu:22.04\": invalid reference format: repository name (library/Ubuntu)"
                        + " must be lowercase");
        assertFindings(rule, "FROM ⟦myorg/MyApp⟧\n", "repository name (myorg/MyApp) must be lowercase");
        assertFindings(rule, "FROM ⟦alpine:3.19:x⟧\n", "invalid reference format");
        assertFindings(rule, "FROM ⟦alpine:-bad⟧\n", "invalid reference format");
        assertFindings(rule, "FROM ⟦alpine@sha256:abc⟧\n", "invalid reference format");
        assertFindings(rule, "FROM ⟦alpine@sha256:0123456789abcdef0123456789abcdef⟧\n", "invalid checksum digest length");
        assertFindings(rule, "FROM ⟦alpine@md5:0123456789abcdef0123456789abcdef⟧\n", "unsupported digest algorithm");
        assertFindings(rule, "FROM ⟦my-registry.com:port/app⟧\n", "invalid reference format");
        assertFindings(rule, "FROM ⟦"
                + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef⟧\n", "cannot specify 64-byte hexadecimal");
    }

    @Test
    void afterExpandingGlobalArgs() {
        assertFindings(rule, "ARG TAG=Latest!\nFROM ⟦alpine:${TAG}⟧\n",
                "failed to parse stage name \"alpine:Latest!\" (expanded from \"alpine:${TAG}\")");
        assertFindings(rule, "ARG IMAGE=\nFROM ⟦${IMAGE}⟧\n", "base name (${IMAGE}) should not be blank");
    }

    @Test
    void quietOnValidImagesScratchStagesAndUnknownVariables() {
        assertNoFindings(rule, """
                ARG VERSION=3.19
                ARG UNSET
                FROM alpine:${VERSION} AS base
                FROM base
                FROM scratch
                FROM docker.io/library/alpine
                FROM localhost:5000/team/app:1.0-rc_1
                FROM Registry.Example.com:443/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
                FROM [::1]:5000/app
                FROM ghcr.io/org/app-name__x.y:v1
                FROM my_registry.com/app
                FROM ${UNSET}
                FROM ${UNDECLARED:-alpine}
                FROM img:$UNSET
                """);
    }
}
