package dev.stagesmith.grammar.stages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagesmith.grammar.Dockerfiles;
import dev.stagesmith.grammar.ParsedDockerfile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * ARG scoping and expansion as BuildKit evaluates them: global ARGs only in FROM lines, redeclaration
 * inside a stage, build-arg overrides, automatic platform args, inheritance through FROM stage.
 */
class ArgScopeTest {

    private static final Platform ARM = Platform.parse("linux/arm64/v8").orElseThrow();
    private static final Platform AMD = Platform.parse("linux/amd64").orElseThrow();

    private static StageGraph graph(String text, String... buildArgs) {
        ParsedDockerfile parsed = Dockerfiles.parse(text);
        assertEquals(List.of(), parsed.errors());
        Map<String, String> args = new HashMap<>();
        for (String kv : buildArgs) {
            int eq = kv.indexOf('=');
            args.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        return StageGraph.of(parsed, new ModelOptions(args, AMD, ARM, Optional.empty()));
    }

    /** The value of {@code name} just before the instruction whose text starts with {@code marker}. */
    private static String valueBefore(StageGraph g, String marker, String name) {
        int offset = g.file().text().indexOf(marker);
        assertTrue(offset >= 0, marker);
        Stage stage = g.stageAt(offset).orElseThrow();
        int index = 0;
        while (index < stage.instructions().size() && stage.instructions().get(index).range().start() < offset) {
            index++;
        }
        return g.environment(stage).before(index).lookup(name).map(Binding::value).orElse("<undeclared>");
    }

    @Test
    void globalArgsAreSeenByFromOnly() {
        StageGraph g = graph("""
                ARG BASE=alpine
                ARG TAG=3.20
                FROM ${BASE}:${TAG} AS one
                RUN marker-one
                FROM one
                RUN marker-two
                """);
        assertEquals(new Stage.ImageBase("alpine:3.20", List.of()), g.stage(0).base());
        assertEquals("<undeclared>", valueBefore(g, "marker-one", "BASE"));
        assertEquals("<undeclared>", valueBefore(g, "marker-two", "TAG"));
    }

    @Test
    void buildArgsOverrideGlobalDefaults() {
        StageGraph g = graph("ARG BASE=alpine\nFROM $BASE\n", "BASE=debian:12");
        assertEquals(new Stage.ImageBase("debian:12", List.of()), g.stage(0).base());
    }

    @Test
    void globalDefaultsSeeEarlierGlobalArgsAndPlatformArgs() {
        StageGraph g = graph("ARG REG=example.test\nARG IMG=${REG}/tool-${TARGETARCH}\nFROM $IMG\n");
        assertEquals(new Stage.ImageBase("example.test/tool-arm64", List.of()), g.stage(0).base());
    }

    @Test
    void unresolvedVariablesInFromAreReported() {
        StageGraph g = graph("FROM ${MISSING:-alpine} AS a\nFROM ${NOPE}img\n");
        assertEquals(new Stage.ImageBase("alpine", List.of("MISSING")), g.stage(0).base());
        assertEquals(new Stage.ImageBase("img", List.of("NOPE")), g.stage(1).base());
    }

    @Test
    void redeclaredGlobalArgInheritsItsValueUnlessABuildArgOrDefaultIsGiven() {
        String text = """
                ARG VERSION=1.0
                ARG OTHER=x
                FROM alpine
                ARG VERSION
                ARG OTHER=local
                RUN marker
                """;
        assertEquals("1.0", valueBefore(graph(text), "marker", "VERSION"));
        assertEquals("local", valueBefore(graph(text), "marker", "OTHER"));
        assertEquals("2.0", valueBefore(graph(text, "VERSION=2.0"), "marker", "VERSION"));
        assertEquals("cli", valueBefore(graph(text, "OTHER=cli"), "marker", "OTHER"));
    }

    @Test
    void argWithoutAnyValueIsDeclaredButUnset() {
        StageGraph g = graph("FROM alpine\nARG EMPTY\nRUN marker\n");
        Binding b = g.environment(g.stage(0)).before(1).lookup("EMPTY").orElseThrow();
        assertFalse(b.isSet());
        assertEquals(null, g.environment(g.stage(0)).before(1).variables().get("EMPTY"));
    }

    @Test
    void automaticPlatformArgsNeedDeclarationInsideAStage() {
        StageGraph g = graph("""
                FROM --platform=$BUILDPLATFORM golang AS build
                RUN marker-before
                ARG TARGETARCH
                ARG TARGETPLATFORM BUILDOS TARGETVARIANT TARGETSTAGE
                RUN marker-after
                """);
        assertEquals("<undeclared>", valueBefore(g, "marker-before", "TARGETARCH"));
        assertEquals("arm64", valueBefore(g, "marker-after", "TARGETARCH"));
        assertEquals("linux/arm64/v8", valueBefore(g, "marker-after", "TARGETPLATFORM"));
        assertEquals("linux", valueBefore(g, "marker-after", "BUILDOS"));
        assertEquals("v8", valueBefore(g, "marker-after", "TARGETVARIANT"));
        assertEquals("build", valueBefore(g, "marker-after", "TARGETSTAGE"));
    }

    @Test
    void targetStageIsDefaultForAnUnnamedLastStage() {
        StageGraph g = graph("FROM alpine\nARG TARGETSTAGE\nRUN marker\n");
        assertEquals("default", valueBefore(g, "marker", "TARGETSTAGE"));
    }

    @Test
    void stageArgsAndEnvAreInheritedThroughFromStageButNotByUnrelatedStages() {
        StageGraph g = graph("""
                FROM alpine AS base
                ARG MODE=release
                ENV HOME_DIR=/srv
                FROM base AS child
                RUN marker-child
                FROM alpine AS unrelated
                RUN marker-unrelated
                """);
        assertEquals("release", valueBefore(g, "marker-child", "MODE"));
        assertEquals("/srv", valueBefore(g, "marker-child", "HOME_DIR"));
        assertEquals("<undeclared>", valueBefore(g, "marker-unrelated", "MODE"));
        assertTrue(g.environment(g.stage(2)).initial().open(), "a registry image may define more variables");
        assertTrue(g.environment(g.stage(1)).initial().open(), "and so may a stage built on one");
        StageGraph closed = graph("FROM scratch AS a\nFROM a AS b\n");
        assertFalse(closed.environment(closed.stage(1)).initial().open());
    }

    @Test
    void scratchStartsWithBuildKitsDefaultPath() {
        StageGraph g = graph("FROM scratch\nRUN marker\n");
        assertEquals(ArgScope.DEFAULT_PATH, valueBefore(g, "marker", "PATH"));
        assertFalse(g.environment(g.stage(0)).initial().open());
    }

    @Test
    void pairsOfOneEnvSeeTheOldValuesButNamesOfOneArgSeeEachOther() {
        StageGraph g = graph("""
                FROM alpine
                ENV A=old
                ENV A=new B=$A
                ARG X=1 Y=${X}2
                RUN marker
                """);
        assertEquals("old", valueBefore(g, "marker", "B"));
        assertEquals("new", valueBefore(g, "marker", "A"));
        assertEquals("12", valueBefore(g, "marker", "Y"));
    }

    @Test
    void lastWriteWinsBetweenArgAndEnvButABareArgKeepsTheEnvValue() {
        StageGraph g = graph("""
                FROM alpine
                ENV V=from-env
                ARG V
                RUN marker-1
                ARG V=from-arg
                RUN marker-2
                """);
        assertEquals("from-env", valueBefore(g, "marker-1", "V"));
        assertEquals("from-arg", valueBefore(g, "marker-2", "V"));
    }

    @Test
    void envValuesLoseTheirQuotesAndKeepEscapedText() {
        StageGraph g = graph("FROM alpine\nENV A=\"x y\" B='$HOME' C=a\\ b D=$UNSET\nRUN marker\n");
        assertEquals("x y", valueBefore(g, "marker", "A"));
        assertEquals("$HOME", valueBefore(g, "marker", "B"));
        assertEquals("a b", valueBefore(g, "marker", "C"));
        assertEquals("", valueBefore(g, "marker", "D"));
    }

    @Test
    void legacyEnvFormIsExpandedToo() {
        StageGraph g = graph("FROM alpine\nENV BASE /opt\nENV DIR $BASE/app\nRUN marker\n");
        assertEquals("/opt/app", valueBefore(g, "marker", "DIR"));
    }

    @Test
    void backtickEscapeApplies() {
        StageGraph g = graph("# escape=`\nFROM alpine\nENV A=x` y B=C:\\path\nRUN marker\n");
        assertEquals("x y", valueBefore(g, "marker", "A"));
        assertEquals("C:\\path", valueBefore(g, "marker", "B"));
    }

    @Test
    void expansionErrorsAreReportedWithTheirRange() {
        StageGraph g = graph("FROM alpine\nENV A=\"${B:?must be set}\"\n");
        assertEquals(1, g.problems().size());
        assertTrue(g.problems().get(0).message().contains("B: must be set"), g.problems().toString());
        assertEquals("\"${B:?must be set}\"", g.problems().get(0).range().of(g.file().text()));
    }

    /** Every expansion form, evaluated in an ENV with {@code SET=value} and {@code EMPTY=} set, {@code UNSET} not. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '^', textBlock = """
            $SET                 | value
            ${SET}               | value
            ${UNSET}             | ^^
            ${UNSET:-w}          | w
            ${EMPTY:-w}          | w
            ${EMPTY-w}           | ^^
            ${UNSET-w}           | w
            ${SET:-w}            | value
            ${SET:+w}            | w
            ${EMPTY:+w}          | ^^
            ${EMPTY+w}           | w
            ${UNSET+w}           | ^^
            ${SET:?m}            | value
            ${PATHS#*/}          | a/b/c.tar.gz
            ${PATHS#/*/}         | b/c.tar.gz
            ${PATHS##*/}         | c.tar.gz
            ${PATHS%.*}          | /a/b/c.tar
            ${PATHS%%.*}         | /a/b/c
            ${PATHS/b/x}         | /a/x/c.tar.gz
            ${DOTS//./-}         | 1-2-3
            ${UNSET:-${SET}}     | value
            \\$SET               | $SET
            '$SET'               | $SET
            "$SET x"             | value x
            pre-${SET}-post      | pre-value-post
            """)
    void everyExpansionFormMatchesBuildKit(String word, String expected) {
        StageGraph g = graph("FROM alpine\nENV SET=value EMPTY= PATHS=/a/b/c.tar.gz DOTS=1.2.3\nENV OUT=" + word
                + "\nRUN marker\n");
        assertEquals(List.of(), g.problems());
        assertEquals(expected, valueBefore(g, "marker", "OUT"));
    }
}
