package dev.stagesmith.grammar.stages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagesmith.grammar.Dockerfiles;
import dev.stagesmith.grammar.ParsedDockerfile;
import dev.stagesmith.grammar.syntax.Command;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The stage graph: references, BuildKit's name lookups, {@code --target} pruning, cycles. */
class StageGraphTest {

    private static StageGraph graph(String text, String... buildArgs) {
        ParsedDockerfile parsed = Dockerfiles.parse(text);
        assertEquals(List.of(), parsed.errors());
        Map<String, String> args = new HashMap<>();
        for (String kv : buildArgs) {
            int eq = kv.indexOf('=');
            args.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        return StageGraph.of(parsed, ModelOptions.defaults().withBuildArgs(args));
    }

    /** The names (or stage-N) of the stages a build of {@code target} runs, in order. */
    private static List<String> buildOrder(StageGraph g, String target) {
        Stage t = g.findTarget(target).orElseThrow(() -> new AssertionError("no target " + target));
        return g.stagesFor(t).stream().map(Stage::displayName).toList();
    }

    private static Dependency onlyDependency(StageGraph g, String stage, Dependency.Kind kind) {
        List<Dependency> ds = g.dependenciesOf(g.findTarget(stage).orElseThrow()).stream()
                .filter(d -> d.kind() == kind).toList();
        assertEquals(1, ds.size(), "dependencies of " + stage + ": " + ds);
        return ds.get(0);
    }

    private static final String PROJECT = """
            FROM golang:1.22 AS deps
            RUN go mod download
            FROM deps AS build
            RUN go build -o /app
            FROM alpine AS tools
            RUN apk add curl
            FROM node:20 AS web
            RUN npm ci
            FROM scratch AS final
            COPY --from=build /app /app
            COPY --from=web /dist /www
            """;

    @Test
    void targetBuildsOnlyWhatItNeeds() {
        StageGraph g = graph(PROJECT);
        assertEquals(List.of("deps", "build", "web", "final"), buildOrder(g, "final"));
        assertEquals(List.of("deps", "build"), buildOrder(g, "build"));
        assertEquals(List.of("tools"), buildOrder(g, "tools"));
        assertEquals("final", g.defaultTarget().orElseThrow().displayName());
    }

    @Test
    void fromStageChainsAreFollowed() {
        StageGraph g = graph("FROM alpine AS a\nFROM a AS b\nFROM b AS c\nFROM alpine AS unrelated\nFROM c\n");
        assertEquals(List.of("a", "b", "c", "stage-4"), buildOrder(g, "4"));
        assertInstanceOf(Stage.StageBase.class, g.stage(1).base());
        assertEquals(new Stage.StageBase(1), g.stage(2).base());
    }

    @Test
    void copyFromIndexRefersToTheStageAtThatPosition() {
        StageGraph g = graph("FROM alpine\nRUN make\nFROM alpine AS out\nCOPY --from=0 /bin/x /x\n");
        Dependency d = onlyDependency(g, "out", Dependency.Kind.COPY);
        assertEquals(0, d.targetStage());
        assertEquals(List.of("stage-0", "out"), buildOrder(g, "out"));
    }

    @Test
    void mountFromIsADependencyAndOtherMountsAreNot() {
        StageGraph g = graph("""
                FROM alpine AS builder
                FROM alpine AS other
                FROM alpine AS app
                RUN --mount=type=cache,target=/root/.cache --mount=type=bind,from=builder,source=/out,target=/in make
                """);
        Dependency d = onlyDependency(g, "app", Dependency.Kind.MOUNT);
        assertEquals(0, d.targetStage());
        assertEquals("builder", d.text());
        assertEquals("builder", d.range().of(g.file().text()));
        assertEquals(List.of("builder", "app"), buildOrder(g, "app"));
    }

    @Test
    void copyFromIgnoresCaseButFromDoesNot() {
        StageGraph g = graph("FROM alpine AS builder\nFROM alpine AS a\nCOPY --from=Builder /x /x\nFROM Builder AS b\n");
        assertEquals(0, onlyDependency(g, "a", Dependency.Kind.COPY).targetStage());
        assertEquals(new Stage.ImageBase("Builder", List.of()), g.findTarget("b").orElseThrow().base());
    }

    @Test
    void duplicateNamesResolveToTheLastStageOfThatName() {
        StageGraph g = graph("FROM alpine AS x\nFROM alpine AS user\nCOPY --from=x /a /a\nFROM alpine AS x\n");
        Dependency d = onlyDependency(g, "user", Dependency.Kind.COPY);
        assertEquals(2, d.targetStage());
        assertEquals(List.of(d), g.forwardReferences());
        assertEquals(2, g.findTarget("x").orElseThrow().index());
    }

    @Test
    void fromUsesTheLastEarlierStageOfThatName() {
        StageGraph g = graph("FROM alpine AS x\nFROM debian AS x\nFROM x AS y\nFROM busybox AS x\n");
        assertEquals(new Stage.StageBase(1), g.findTarget("y").orElseThrow().base());
    }

    @Test
    void unknownNamesAreImagesAndBadIndexesOrVariablesAreInvalid() {
        StageGraph g = graph("""
                ARG V=x
                FROM alpine AS a
                COPY --from=nginx:alpine /etc/nginx /n
                COPY --from=7 /x /x
                COPY --from=$V /y /y
                COPY --from=-1 /z /z
                """);
        List<Dependency> ds = g.dependenciesOf(g.stage(0)).stream().filter(d -> d.kind() == Dependency.Kind.COPY)
                .toList();
        assertEquals(new Dependency.ImageTarget("nginx:alpine"), ds.get(0).target());
        assertEquals(new Dependency.Invalid("invalid stage index 7"), ds.get(1).target());
        assertInstanceOf(Dependency.Invalid.class, ds.get(2).target());
        assertInstanceOf(Dependency.Invalid.class, ds.get(3).target());
    }

    @Test
    void mountsLookSourcesUpByNameOnlyAndEmptyFromIsTheContext() {
        StageGraph g = graph("""
                FROM alpine AS a
                FROM alpine AS b
                RUN --mount=from=0,target=/x true
                COPY --from= ./x /x
                COPY --from=a$ /y /y
                """);
        List<Dependency> ds = g.dependenciesOf(g.stage(1)).stream().filter(d -> d.kind() != Dependency.Kind.FROM)
                .toList();
        assertEquals(2, ds.size(), ds.toString());
        assertEquals(new Dependency.ImageTarget("0"), ds.get(0).target());
        assertEquals(new Dependency.ImageTarget("a$"), ds.get(1).target());
    }

    @Test
    void selfReferencesAndMutualReferencesAreCycles() {
        StageGraph self = graph("FROM alpine AS a\nCOPY --from=a /x /y\n");
        assertEquals(List.of(List.of(0)), self.cycles());
        StageGraph mutual = graph("FROM alpine AS a\nCOPY --from=b /x /y\nFROM a AS b\n");
        assertEquals(List.of(List.of(0, 1)), mutual.cycles());
        assertEquals(1, mutual.forwardReferences().size());
        assertTrue(graph(PROJECT).cycles().isEmpty());
    }

    @Test
    void onbuildTriggersOfAParentStageAreNeededByItsChildren() {
        StageGraph g = graph("""
                FROM alpine AS assets
                FROM alpine AS template
                ONBUILD COPY --from=assets /a /a
                FROM template AS app
                FROM alpine AS other
                """);
        Dependency d = onlyDependency(g, "app", Dependency.Kind.ONBUILD);
        assertEquals(0, d.targetStage());
        assertEquals(List.of("assets", "template", "app"), buildOrder(g, "app"));
        assertEquals(List.of("template"), buildOrder(g, "template"));
    }

    @Test
    void dependentsAndDirectDependenciesAreListed() {
        StageGraph g = graph(PROJECT);
        Stage build = g.findTarget("build").orElseThrow();
        assertEquals(List.of(4), g.dependentsOf(build).stream().map(Dependency::stage).toList());
        assertEquals(List.of("build", "web"),
                g.directDependencies(g.findTarget("final").orElseThrow()).stream().map(Stage::displayName).toList());
    }

    @Test
    void targetsAreFoundByNameIgnoringCaseOrByIndexWithSuggestions() {
        StageGraph g = graph(PROJECT);
        assertEquals(Optional.of(1), g.findTarget("BUILD").map(Stage::index));
        assertEquals(Optional.of(2), g.findTarget("2").map(Stage::index));
        assertTrue(g.findTarget("buidl").isEmpty());
        assertEquals(Optional.of("build"), g.closestName("buidl"));
        assertEquals(Optional.empty(), g.closestName("completely-different"));
    }

    @Test
    void stageRangesCoverTheirInstructions() {
        StageGraph g = graph(PROJECT);
        String text = g.file().text();
        assertEquals("FROM golang:1.22 AS deps\nRUN go mod download", g.stage(0).range().of(text));
        assertEquals(Optional.of(1), g.stageAt(text.indexOf("go build")).map(Stage::index));
    }

    @Test
    void instructionsBeforeTheFirstFromAreGlobalArgsOrPreamble() {
        StageGraph g = graph("ARG A=1\nRUN echo hi\nARG B\nFROM alpine\n");
        assertEquals(2, g.globalArgInstructions().size());
        assertEquals(1, g.preamble().size());
        assertFalse(g.stages().isEmpty());
    }
    @Test
    void shellAtFollowsTheStageAndItsBaseStages() {
        StageGraph g = graph("""
                FROM alpine AS base
                RUN echo default
                SHELL ["/bin/bash", "-c"]
                RUN echo bash
                FROM base AS child
                RUN echo inherited
                SHELL ["pwsh", "-Command"]
                RUN echo pwsh
                FROM alpine AS other
                RUN echo fresh
                """);
        Stage base = g.stage(0);
        Stage child = g.stage(1);
        Stage other = g.stage(2);
        assertTrue(g.shellAt(base, 0).isEmpty());
        assertTrue(g.posixShellAt(base, 0));
        Command.ExecForm bash = assertInstanceOf(Command.ExecForm.class, g.shellAt(base, 2).orElseThrow().command().orElseThrow());
        assertEquals("/bin/bash", bash.arguments().get(0).value());
        assertTrue(g.posixShellAt(base, 2), "bash reads $NAME");
        assertTrue(g.posixShellAt(child, 0), "the base stage's bash carries over");
        assertFalse(g.posixShellAt(child, 2), "pwsh does not read $NAME");
        assertTrue(g.posixShellAt(other, 0), "an image base starts from the default shell");
    }

    @Test
    void windowsEscapeIsNeverPosix() {
        StageGraph g = graph("""
                # escape=`
                FROM mcr.microsoft.com/windows/servercore:ltsc2022
                RUN echo %PATH%
                """);
        assertFalse(g.posixShellAt(g.stage(0), 0));
    }
}
