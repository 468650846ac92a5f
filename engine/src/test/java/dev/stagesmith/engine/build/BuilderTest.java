package dev.stagesmith.engine.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.stagesmith.engine.image.OciLayoutReader;
import dev.stagesmith.engine.oci.CanonicalJson;
import dev.stagesmith.engine.registry.RegistryOptions;
import dev.stagesmith.grammar.stages.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine in-process, without external tools: config semantics, pruning, cache behaviour, errors. */
class BuilderTest {

    @TempDir
    Path dir;

    private final List<BuildEvent> events = new CopyOnWriteArrayList<>();

    private BuildResult build(String dockerfile, String target, Map<String, String> args) throws Exception {
        Path ctx = dir.resolve("ctx");
        Files.createDirectories(ctx);
        Files.writeString(ctx.resolve("Dockerfile"), dockerfile);
        BuildRequest req = new BuildRequest(ctx.resolve("Dockerfile"), dockerfile, ctx, Optional.ofNullable(target),
                args, Platform.parse("linux/amd64").orElseThrow(), List.of(new Output.OciLayout(dir.resolve("out"))),
                Optional.empty(), Optional.empty(), dir.resolve("cache"), false, false, Map.of(),
                OptionalLong.of(1_700_000_000L), false, RegistryOptions.defaults());
        events.clear();
        return Builder.build(req, events::add);
    }

    private JsonObject config(BuildResult r) throws IOException {
        var img = OciLayoutReader.read(dir.resolve("out"), Optional.of(r.target()));
        return CanonicalJson.parseObject(img.configBytes(), "config");
    }

    private JsonObject inner(BuildResult r) throws IOException {
        return config(r).getAsJsonObject("config");
    }

    private void file(String path, String content) throws IOException {
        Path p = dir.resolve("ctx").resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    @Test
    void entrypointDropsAnInheritedCmdButKeepsOneSetInTheSameStage() throws Exception {
        JsonObject c = inner(build("FROM scratch AS a\nCMD [\"x\"]\nFROM a AS b\nENTRYPOINT [\"/e\"]\n", "b", Map.of()));
        assertFalse(c.has("Cmd"), c.toString());
        c = inner(build("FROM scratch\nCMD [\"x\"]\nENTRYPOINT [\"/e\"]\n", null, Map.of()));
        assertEquals("[\"x\"]", c.get("Cmd").toString());
    }

    @Test
    void shellFormCommandsGoThroughShell() throws Exception {
        JsonObject c = inner(build("FROM scratch\nSHELL [\"/bin/bash\", \"-ec\"]\nCMD echo $HOME\n", null, Map.of()));
        assertEquals("[\"/bin/bash\",\"-ec\",\"echo $HOME\"]", c.get("Cmd").toString());
    }

    @Test
    void metadataInstructionsFillTheConfig() throws Exception {
        JsonObject c = inner(build("""
                FROM scratch
                ENV A=1 B="two words"
                ENV A=3
                LABEL x.y="${B}"
                EXPOSE 8000-8002/udp 80
                VOLUME ["/data", "/logs"]
                USER 1000:1000
                STOPSIGNAL SIGINT
                HEALTHCHECK --interval=1m30s --timeout=500ms --retries=3 CMD curl -f http://localhost/
                WORKDIR rel
                WORKDIR sub
                """, null, Map.of()));
        assertEquals("[\"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\",\"A=3\",\"B=two words\"]",
                c.get("Env").toString());
        assertEquals("two words", c.getAsJsonObject("Labels").get("x.y").getAsString());
        assertEquals(java.util.Set.of("8000/udp", "8001/udp", "8002/udp", "80/tcp"),
                c.getAsJsonObject("ExposedPorts").keySet());
        assertTrue(c.getAsJsonObject("Volumes").has("/logs"));
        assertEquals("1000:1000", c.get("User").getAsString());
        assertEquals("SIGINT", c.get("StopSignal").getAsString());
        JsonObject hc = c.getAsJsonObject("Healthcheck");
        assertEquals(90_000_000_000L, hc.get("Interval").getAsLong());
        assertEquals(500_000_000L, hc.get("Timeout").getAsLong());
        assertEquals("[\"CMD-SHELL\",\"curl -f http://localhost/\"]", hc.get("Test").toString());
        assertEquals("/rel/sub", c.get("WorkingDir").getAsString());
    }

    @Test
    void argValuesReachLaterInstructionsButNotTheConfigEnv() throws Exception {
        JsonObject c = inner(build("ARG V=global\nFROM scratch\nARG V\nARG W=${V}-x\nLABEL v=$V w=$W\n", null,
                Map.of("V", "cli")));
        assertEquals("cli", c.getAsJsonObject("Labels").get("v").getAsString());
        assertEquals("cli-x", c.getAsJsonObject("Labels").get("w").getAsString());
        assertFalse(c.get("Env").toString().contains("V="), c.get("Env").toString());
    }

    @Test
    void onbuildTriggersRunInTheChildAndAreCleared() throws Exception {
        file("f.txt", "hello");
        BuildResult r = build("FROM scratch AS base\nONBUILD COPY f.txt /from-trigger.txt\n"
                + "FROM base AS child\nLABEL a=b\n", "child", Map.of());
        JsonObject cfg = config(r);
        assertFalse(cfg.getAsJsonObject("config").has("OnBuild"));
        assertEquals(1, r.layers());
        assertTrue(cfg.getAsJsonArray("history").toString().contains("COPY f.txt /from-trigger.txt"));
    }

    @Test
    void onlyTheStagesTheTargetNeedsAreBuilt() throws Exception {
        file("a.txt", "a");
        BuildResult r = build("FROM scratch AS broken\nCOPY missing /\nFROM scratch AS ok\nCOPY a.txt /\n", "ok",
                Map.of());
        assertEquals(List.of("ok"), r.stages().stream().map(BuildResult.StageTiming::stage).toList());
    }

    @Test
    void anUnchangedRebuildIsCachedAndTouchingAFileKeepsItCached() throws Exception {
        file("a.txt", "a");
        String df = "FROM scratch AS s\nCOPY a.txt /\nWORKDIR /w\n";
        BuildResult first = build(df, null, Map.of());
        Files.setLastModifiedTime(dir.resolve("ctx/a.txt"), java.nio.file.attribute.FileTime.fromMillis(12345000));
        BuildResult second = build(df, null, Map.of());
        assertEquals(first.manifestDigest(), second.manifestDigest());
        assertEquals(2, events.stream().filter(e -> e instanceof BuildEvent.StepCached).count(), events.toString());
        file("a.txt", "changed");
        BuildResult third = build(df, null, Map.of());
        assertFalse(third.manifestDigest().equals(first.manifestDigest()));
        assertEquals(0, events.stream().filter(e -> e instanceof BuildEvent.StepCached).count());
    }

    @Test
    void aSameSizeEditWithItsMtimeRestoredIsStillSeen() throws Exception {
        file("a.txt", "one");
        String df = "FROM scratch AS s\nCOPY a.txt /\n";
        BuildResult first = build(df, null, Map.of());
        try (var planned = Files.list(dir.resolve("cache/planned"))) {
            assertEquals(1, planned.count(), "the context COPY's content key is remembered under its stat fingerprint");
        }
        var mtime = Files.getLastModifiedTime(dir.resolve("ctx/a.txt"));
        file("a.txt", "two");
        Files.setLastModifiedTime(dir.resolve("ctx/a.txt"), mtime);
        BuildResult second = build(df, null, Map.of());
        assertFalse(second.manifestDigest().equals(first.manifestDigest()));
        assertEquals(0, events.stream().filter(e -> e instanceof BuildEvent.StepCached).count());
    }

    @Test
    void aBuildArgInAFlagIsPartOfTheRememberedPlan() throws Exception {
        file("a.txt", "a");
        String df = "FROM scratch AS s\nARG MODE=0644\nCOPY --chmod=$MODE a.txt /\n";
        BuildResult first = build(df, null, Map.of());
        BuildResult second = build(df, null, Map.of("MODE", "0755"));
        assertFalse(second.manifestDigest().equals(first.manifestDigest()), "--chmod=$MODE follows the build arg");
    }

    @Test
    void errorsNameTheLineTheStageAndWhatToDo() throws Exception {
        BuildException missing = assertThrows(BuildException.class,
                () -> build("FROM scratch AS app\n\nCOPY nope.txt /\n", null, Map.of()));
        assertTrue(missing.getMessage().startsWith("Dockerfile:3: stage app: "), missing.getMessage());
        assertTrue(missing.getMessage().contains("nope.txt"), missing.getMessage());
        assertFalse(Files.exists(dir.resolve("out")), "nothing written after a failure");

        BuildException target = assertThrows(BuildException.class,
                () -> build("FROM scratch AS build\nFROM scratch AS app\n", "bulid", Map.of()));
        assertTrue(target.getMessage().contains("did you mean build?"), target.getMessage());

        BuildException run = assertThrows(BuildException.class,
                () -> build("FROM scratch\nRUN true\n", null, Map.of()));
        assertTrue(run.getMessage().startsWith("Dockerfile:2: "), run.getMessage());

        BuildException escape = assertThrows(BuildException.class,
                () -> build("FROM scratch\nCOPY ../secret /\n", null, Map.of()));
        assertTrue(escape.getMessage().startsWith("Dockerfile:2: ") && escape.getMessage().contains("outside"),
                escape.getMessage());

        BuildException signal = assertThrows(BuildException.class,
                () -> build("FROM scratch\nSTOPSIGNAL SIGNOPE\n", null, Map.of()));
        assertTrue(signal.getMessage().contains("invalid signal"), signal.getMessage());
    }
}
