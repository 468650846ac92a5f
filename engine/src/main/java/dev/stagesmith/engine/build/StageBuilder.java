package dev.stagesmith.engine.build;

import com.google.gson.JsonObject;
import dev.stagesmith.engine.build.BuildEvent.StepId;
import dev.stagesmith.engine.oci.Digest;
import dev.stagesmith.engine.store.BuildCache;
import dev.stagesmith.grammar.Dockerfiles;
import dev.stagesmith.grammar.ParsedDockerfile;
import dev.stagesmith.grammar.expand.ExpansionException;
import dev.stagesmith.grammar.expand.Expander;
import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.grammar.syntax.Add;
import dev.stagesmith.grammar.syntax.Arg;
import dev.stagesmith.grammar.syntax.ArgDeclaration;
import dev.stagesmith.grammar.syntax.Cmd;
import dev.stagesmith.grammar.syntax.Command;
import dev.stagesmith.grammar.syntax.Copy;
import dev.stagesmith.grammar.syntax.Entrypoint;
import dev.stagesmith.grammar.syntax.Env;
import dev.stagesmith.grammar.syntax.Expose;
import dev.stagesmith.grammar.syntax.Healthcheck;
import dev.stagesmith.grammar.syntax.Instruction;
import dev.stagesmith.grammar.syntax.KeyValue;
import dev.stagesmith.grammar.syntax.Label;
import dev.stagesmith.grammar.syntax.Maintainer;
import dev.stagesmith.grammar.syntax.OnBuild;
import dev.stagesmith.grammar.syntax.Run;
import dev.stagesmith.grammar.syntax.Shell;
import dev.stagesmith.grammar.syntax.StopSignal;
import dev.stagesmith.grammar.syntax.User;
import dev.stagesmith.grammar.syntax.Volume;
import dev.stagesmith.grammar.syntax.Word;
import dev.stagesmith.grammar.syntax.Workdir;
import dev.stagesmith.engine.run.fs.RootFs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Builds one stage: applies its instructions in order to the state its FROM gave, each as a step that is
 * either replayed from the cache or done (COPY, ADD and WORKDIR write layers; the rest edit the config).
 * Runs on a worker thread; the stages it copies from are finished before it starts.
 */
final class StageBuilder {

    private final BuildSession session;
    private final Stage stage;
    private final ParsedDockerfile file;
    private final List<Instruction> steps;
    private ImageState state;
    private boolean cmdSetHere;
    private int stepIndex;
    private boolean allCached = true;
    private Instant lastCreated;
    private RootFs rootfs;

    StageBuilder(BuildSession session, Stage stage, ImageState base, List<Instruction> triggers) {
        this.session = session;
        this.stage = stage;
        this.file = session.file();
        this.state = base;
        this.lastCreated = ImageConfig.created(base.config);
        List<Instruction> all = new ArrayList<>(triggers);
        all.addAll(stage.instructions());
        this.steps = all;
    }

    /** When the newest content of this stage was made: the time its image's {@code created} gets. */
    Instant lastCreated() {
        return lastCreated;
    }

    boolean allCached() {
        return allCached;
    }

    int stepCount() {
        return steps.size() + 1;
    }

    ImageState build() throws BuildException {
        try {
            return buildSteps();
        } finally {
            if (rootfs != null) {
                // The stage's root directory is only for its own RUN steps.
                Trees.deleteQuietly(rootfs.dir().getParent());
                rootfs = null;
            }
        }
    }

    private ImageState buildSteps() throws BuildException {
        for (Instruction i : steps) {
            session.cancellation().check();
            stepIndex++;
            StepId id = new StepId(stage.displayName(), stage.index(), stepIndex + 1, steps.size() + 1);
            session.emit(new BuildEvent.StepStarted(id, session.display(i), session.rangeOf(stage, i)));
            long start = System.nanoTime();
            try {
                boolean cached = apply(i, id);
                if (cached) {
                    session.emit(new BuildEvent.StepCached(id));
                } else {
                    allCached &= isMetadata(i);
                }
                session.emit(new BuildEvent.StepFinished(id, Duration.ofNanos(System.nanoTime() - start)));
            } catch (StepFailure e) {
                if (session.cancellation().isCancelled()) {
                    throw new BuildCancelledException();
                }
                session.emit(new BuildEvent.StepFailed(id, e.getMessage(), session.rangeOf(stage, i)));
                throw session.failure(e.getMessage(), stage, i, e.getCause());
            } catch (RuntimeException e) {
                if (session.cancellation().isCancelled()) {
                    throw new BuildCancelledException();
                }
                String msg = e.getMessage() == null ? e.toString() : e.getMessage();
                session.emit(new BuildEvent.StepFailed(id, msg, session.rangeOf(stage, i)));
                throw session.failure(msg, stage, i, e);
            }
        }
        // A stage built on this one starts its history clock here.
        JsonObject c = state.config.deepCopy();
        c.addProperty("created", session.created(lastCreated).toString());
        return state.next(c, null, state.key, state.env);
    }

    private static boolean isMetadata(Instruction i) {
        return !(i instanceof Copy || i instanceof Add || i instanceof Workdir || i instanceof Run);
    }

    /** Applies one instruction; true when its result came from the cache. */
    private boolean apply(Instruction i, StepId id) throws StepFailure {
        if (i instanceof OnBuild ob) {
            String text = file.text().substring(ob.range().start(), ob.range().end());
            String trigger = text.substring(ob.keyword().range().end() - ob.range().start()).strip();
            JsonObject c = state.config.deepCopy();
            List<String> triggers = ImageConfig.strings(ImageConfig.inner(c).get("OnBuild"));
            triggers.add(trigger);
            ImageConfig.inner(c).add("OnBuild", ImageConfig.array(triggers));
            metadata(c, null, "ONBUILD " + trigger, state.env);
            return false;
        }
        if (i instanceof Run r) {
            return new RunStep(session, this, r, id).apply();
        }
        if (i instanceof Copy || i instanceof Add) {
            return new CopyStep(session, this, i).apply();
        }
        if (i instanceof Workdir w) {
            return workdir(w);
        }
        applyMetadata(i);
        return false;
    }

    // ---- state access for the step classes ----

    ImageState state() {
        return state;
    }

    Stage stage() {
        return stage;
    }

    /** The stage's root directory for RUN, made on the first RUN that misses and kept for the later ones. */
    RootFs rootfs(boolean realOwners) throws IOException {
        if (rootfs == null) {
            Path dir = Files.createDirectory(session.scratchDir().resolve("rootfs"));
            rootfs = RootFs.create(dir, realOwners);
        }
        return rootfs;
    }

    String workdir() {
        JsonObject inner = ImageConfig.inner(state.config);
        String wd = inner.has("WorkingDir") ? inner.get("WorkingDir").getAsString() : "";
        return wd.isEmpty() ? "/" : wd;
    }

    String user() {
        JsonObject inner = ImageConfig.inner(state.config);
        return inner.has("User") ? inner.get("User").getAsString() : "";
    }

    /** Moves to the state after a layer step (a null diff ID means the step changed nothing). */
    void commitLayer(Digest nextKey, BuildCache.StepRecord record, String createdBy) {
        JsonObject c = state.config.deepCopy();
        ImageState.Layer layer = null;
        if (record.diffId() != null) {
            layer = new ImageState.Layer(record.diffId(), record.size());
            ImageConfig.addDiffId(c, record.diffId().toString());
        }
        lastCreated = record.created();
        ImageConfig.addHistory(c, createdBy, layer == null, session.created(lastCreated));
        state = state.next(c, layer, nextKey, state.env);
    }

    Digest chainKey(String stepText) {
        return Digest.of(state.key + "\n" + stepText);
    }

    String expand(Word w) throws StepFailure {
        return expand(w.value());
    }

    String expand(String text) throws StepFailure {
        try {
            return Expander.expand(text, state.env::get, file.escape());
        } catch (ExpansionException e) {
            throw new StepFailure("cannot expand '" + text + "': " + e.getMessage());
        }
    }

    List<String> words(Word w) throws StepFailure {
        try {
            return Expander.words(w.value(), state.env::get, Expander.Options.standard(file.escape()));
        } catch (ExpansionException e) {
            throw new StepFailure("cannot expand '" + w.value() + "': " + e.getMessage());
        }
    }

    // ---- WORKDIR ----

    private boolean workdir(Workdir w) throws StepFailure {
        String raw = expand(w.value().orElseThrow(() -> new StepFailure("WORKDIR needs a path")));
        String dir = PathRules.join(workdir(), raw);
        JsonObject c = state.config.deepCopy();
        ImageConfig.inner(c).addProperty("WorkingDir", dir);
        String createdBy = "WORKDIR " + dir;
        Digest next = Digest.of(state.key + "\nWORKDIR " + dir + "\nUSER " + user());
        Optional<BuildCache.StepRecord> hit = session.noCache() ? Optional.empty() : session.cache().step(next);
        BuildCache.StepRecord record;
        if (hit.isPresent()) {
            record = hit.get();
        } else {
            record = new WorkdirStep(session, this).create(dir);
            session.store(next, record);
        }
        // Config first (WorkingDir), then the layer, keeping one history entry for the step.
        state = state.next(c, null, state.key, state.env);
        commitLayer(next, record, createdBy);
        return hit.isPresent();
    }

    // ---- metadata instructions ----

    private void applyMetadata(Instruction i) throws StepFailure {
        JsonObject c = state.config.deepCopy();
        JsonObject inner = ImageConfig.inner(c);
        Map<String, String> env = new LinkedHashMap<>(state.env);
        String history;
        if (i instanceof Env e) {
            Map<String, String> configEnv = ImageConfig.env(c);
            List<String> parts = new ArrayList<>();
            for (KeyValue kv : e.pairs()) {
                String k = expand(kv.key());
                String v = expand(kv.value());
                configEnv.put(k, v);
                env.put(k, v);
                parts.add(k + "=" + v);
            }
            ImageConfig.setEnv(c, configEnv);
            history = "ENV " + String.join(" ", parts);
        } else if (i instanceof Arg a) {
            List<String> parts = new ArrayList<>();
            for (ArgDeclaration d : a.declarations()) {
                String name = d.name().value();
                Optional<String> value = session.graph().args().buildArg(name);
                if (value.isEmpty() && d.defaultValue().isPresent()) {
                    value = Optional.of(expandWith(d.defaultValue().get(), env));
                }
                if (value.isEmpty()) {
                    value = session.graph().args().inherited(name).map(b -> b.value());
                }
                if (value.isPresent()) {
                    env.put(name, value.get());
                    parts.add(name + "=" + value.get());
                } else {
                    parts.add(name);
                }
            }
            history = "ARG " + String.join(" ", parts);
        } else if (i instanceof Label l) {
            List<String> parts = new ArrayList<>();
            for (KeyValue kv : l.pairs()) {
                String k = expand(kv.key());
                String v = expand(kv.value());
                ImageConfig.putLabel(c, k, v);
                parts.add(k + "=" + v);
            }
            history = "LABEL " + String.join(" ", parts);
        } else if (i instanceof User u) {
            String user = expand(u.value().orElseThrow(() -> new StepFailure("USER needs a user name or ID")));
            inner.addProperty("User", user);
            history = "USER " + user;
        } else if (i instanceof Expose x) {
            List<String> ports = new ArrayList<>();
            for (Word w : x.ports()) {
                for (String p : words(w)) {
                    ports.addAll(PathRules.ports(p));
                }
            }
            ImageConfig.addToSet(c, "ExposedPorts", ports);
            history = "EXPOSE map[" + String.join(" ", ports.stream().map(p -> p + ":{}").toList()) + "]";
        } else if (i instanceof Volume v) {
            List<String> paths = new ArrayList<>();
            for (Word w : v.paths()) {
                String p = expand(w);
                if (p.isBlank()) {
                    throw new StepFailure("VOLUME specified can not be an empty string");
                }
                paths.add(p);
            }
            ImageConfig.addToSet(c, "Volumes", paths);
            history = "VOLUME " + paths;
        } else if (i instanceof Cmd cmd) {
            List<String> argv = command(cmd.command(), c);
            inner.add("Cmd", ImageConfig.array(argv));
            if (cmd.command().orElse(null) instanceof Command.ShellForm) {
                inner.addProperty("ArgsEscaped", true);
            }
            cmdSetHere = true;
            history = "CMD " + goList(argv);
        } else if (i instanceof Entrypoint ep) {
            List<String> argv = command(ep.command(), c);
            inner.add("Entrypoint", ImageConfig.array(argv));
            if (!cmdSetHere) {
                inner.remove("Cmd");
            }
            history = "ENTRYPOINT " + goList(argv);
        } else if (i instanceof Shell sh) {
            if (!(sh.command().orElse(null) instanceof Command.ExecForm exec)) {
                throw new StepFailure("SHELL requires the arguments to be in JSON form, like SHELL [\"/bin/sh\", \"-c\"]");
            }
            List<String> argv = exec.arguments().stream().map(Word::value).toList();
            inner.add("Shell", ImageConfig.array(argv));
            history = "SHELL " + goList(argv);
        } else if (i instanceof Healthcheck hc) {
            inner.add("Healthcheck", Healthchecks.toJson(hc, this));
            history = session.display(i);
        } else if (i instanceof StopSignal s) {
            String sig = expand(s.value().orElseThrow(() -> new StepFailure("STOPSIGNAL needs a signal")));
            Signals.check(sig);
            inner.addProperty("StopSignal", sig);
            history = "STOPSIGNAL " + sig;
        } else if (i instanceof Maintainer m) {
            String who = m.value().map(Word::value).orElse("");
            c.addProperty("author", who);
            history = "MAINTAINER " + who;
        } else {
            throw new StepFailure("unknown instruction: " + i.keyword().value().toUpperCase(Locale.ROOT));
        }
        metadata(c, null, history, env);
    }

    private String expandWith(Word w, Map<String, String> env) throws StepFailure {
        try {
            return Expander.expand(w.value(), env::get, file.escape());
        } catch (ExpansionException e) {
            throw new StepFailure("cannot expand '" + w.value() + "': " + e.getMessage());
        }
    }

    private void metadata(JsonObject c, ImageState.Layer layer, String history, Map<String, String> env) {
        ImageConfig.addHistory(c, history, true, session.created(lastCreated));
        state = state.next(c, layer, Digest.of(state.key + "\n" + history), env);
    }

    /** The argv of CMD or ENTRYPOINT: exec form as written, shell form through SHELL (default /bin/sh -c). */
    private static List<String> command(Optional<Command> command, JsonObject c) {
        if (command.isEmpty()) {
            return List.of();
        }
        if (command.get() instanceof Command.ExecForm exec) {
            return exec.arguments().stream().map(Word::value).toList();
        }
        List<String> shell = ImageConfig.strings(ImageConfig.inner(c).get("Shell"));
        List<String> argv = new ArrayList<>(shell.isEmpty() ? List.of("/bin/sh", "-c") : shell);
        argv.add(((Command.ShellForm) command.get()).script().value());
        return argv;
    }

    /** Go's {@code %v} of a string slice, as BuildKit writes CMD and ENTRYPOINT into history. */
    static String goList(List<String> values) {
        return "[" + String.join(" ", values.stream().map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"").toList()) + "]";
    }

    /** Parses ONBUILD trigger text from a base image into instructions, or fails naming the trigger. */
    static List<Instruction> parseTriggers(List<String> triggers, String baseName) throws StepFailure {
        List<Instruction> out = new ArrayList<>();
        for (String t : triggers) {
            ParsedDockerfile p = Dockerfiles.parse(t + "\n");
            if (p.hasErrors() || p.instructions().size() != 1) {
                throw new StepFailure("the ONBUILD trigger '" + t + "' of " + baseName + " does not parse");
            }
            out.add(p.instructions().get(0));
        }
        return out;
    }
}
