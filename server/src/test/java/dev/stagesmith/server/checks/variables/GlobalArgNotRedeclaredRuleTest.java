package dev.stagesmith.server.checks.variables;

import static dev.stagesmith.server.checks.RuleTester.applyFix;
import static dev.stagesmith.server.checks.RuleTester.assertFindings;
import static dev.stagesmith.server.checks.RuleTester.assertNoFindings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GlobalArgNotRedeclaredRuleTest {

    private final GlobalArgNotRedeclaredRule rule = new GlobalArgNotRedeclaredRule();

    @Test
    void reportsGlobalArgsUsedWithoutRedeclaring() {
        assertFindings(rule, "ARG VERSION=1\nFROM scratch\nCOPY app-⟦${VERSION}⟧.jar /app.jar\n",
                "Global ARG 'VERSION' is not redeclared in this stage, so '$VERSION' is empty here; add 'ARG VERSION'");
        assertFindings(rule, "ARG VERSION=1\nFROM alpine:$VERSION\nRUN echo ⟦$VERSION⟧ '$VERSION' \\$VERSION\n",
                "(it is empty unless the base image sets it)");
    }

    @Test
    void automaticPlatformArgsNeedRedeclaringToo() {
        assertFindings(rule, "FROM golang\nRUN GOARCH=⟦$TARGETARCH⟧ go build\n",
                "Automatic platform ARG 'TARGETARCH' is not redeclared");
    }

    @Test
    void commandsRunByTheContainerOnlySeeEnv() {
        assertFindings(rule, "ARG PORT=80\nFROM alpine\nCMD serve --port ⟦$PORT⟧\n",
                "when the container runs (it is empty unless the base image sets it); "
                        + "add 'ARG PORT' and 'ENV PORT=${PORT}'");
    }

    @Test
    void runtimeCommandsInAClosedStage() {
        assertFindings(rule, "ARG PORT=80\nFROM scratch\nENTRYPOINT serve --port ⟦$PORT⟧\n",
                "so '$PORT' is empty when the container runs;");
        assertNoFindings(rule, "ARG PORT=80\nFROM scratch\nENTRYPOINT [\"serve\", \"$PORT\"]\n");
    }

    @Test
    void findsUsesAcrossContinuationsAndHeredocs() {
        assertFindings(rule, "ARG V=1\nFROM alpine\nRUN echo a \\\n && echo ⟦$V⟧\n", "'V'");
        assertFindings(rule, "ARG V=1\nFROM alpine\nRUN <<EOF\necho ⟦${V}⟧\nEOF\n", "'V'");
    }

    @Test
    void heredocBodiesAreScriptsOrInput() {
        assertFindings(rule, "ARG V=1\nFROM alpine\nRUN <<'EOF'\necho ⟦$V⟧ '$V'\nEOF\n", "'V'");
        assertFindings(rule, "ARG V=1\nFROM alpine\nRUN cat <<EOF > /f\nv='⟦$V⟧'\nEOF\n", "'V'");
        assertNoFindings(rule, "ARG V=1\nFROM alpine\nRUN cat <<'EOF' > /f\n$V\nEOF\n");
        assertNoFindings(rule, "ARG V=1\nFROM alpine\nRUN <<EOF\n#!/usr/bin/env python3\nprint('$V')\nEOF\n");
    }

    @Test
    void quietOnceRedeclaredHereOrInTheBaseStage() {
        assertNoFindings(rule, "ARG VERSION=1\nFROM alpine\nARG VERSION\nRUN echo $VERSION\nCOPY $VERSION /\n");
        assertNoFindings(rule, "ARG V=1\nFROM alpine AS base\nARG V\nFROM base\nRUN echo $V\n");
        assertNoFindings(rule, "ARG V=1\nFROM alpine\nENV V=2\nRUN echo $V\n");
        assertNoFindings(rule, "ARG V=1\nFROM alpine:$V\n");
    }

    @Test
    void quietWhenTheScriptSetsTheNameItself() {
        assertNoFindings(rule, "ARG V=1\nFROM alpine\nRUN V=2 && echo $V\n");
        assertNoFindings(rule, "ARG V=1\nFROM alpine\nRUN for V in a b; do echo \"$V\"; done\n");
        assertNoFindings(rule, "ARG V=1\nFROM alpine\nRUN read -r V < f && echo $V\n");
    }

    @Test
    void quietForShellsThatAreNotPosix() {
        assertNoFindings(rule, "ARG V=1\nFROM alpine\nSHELL [\"pwsh\", \"-c\"]\nRUN echo $V\n");
        assertNoFindings(rule, "# escape=`\nARG V=1\nFROM windows\nRUN echo $V\n");
    }

    @Test
    void fixRedeclaresAfterTheStagesFrom() {
        assertEquals("ARG V=1\nFROM alpine AS a\nARG V\nRUN echo $V\n",
                applyFix(rule, "ARG V=1\nFROM alpine AS a\nRUN echo $V\n"));
        assertEquals("ARG V=1\n  FROM \\\n    alpine\n  ARG V\n  RUN echo $V\n",
                applyFix(rule, "ARG V=1\n  FROM \\\n    alpine\n  RUN echo $V\n"));
        assertEquals("ARG V=1\r\nFROM alpine\r\nARG V\r\nCOPY $V /\r\n",
                applyFix(rule, "ARG V=1\r\nFROM alpine\r\nCOPY $V /\r\n"));
        assertEquals("ARG P=80\nFROM alpine\nARG P\nENV P=${P}\nCMD serve $P\n",
                applyFix(rule, "ARG P=80\nFROM alpine\nCMD serve $P\n"));
    }
}
