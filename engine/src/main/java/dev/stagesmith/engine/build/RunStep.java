package dev.stagesmith.engine.build;

import dev.stagesmith.engine.build.BuildEvent.StepId;
import dev.stagesmith.engine.copy.CopyException;
import dev.stagesmith.engine.copy.Owner;
import dev.stagesmith.engine.copy.UserDb;
import dev.stagesmith.engine.fs.FileEntry;
import dev.stagesmith.engine.fs.FileTree;
import dev.stagesmith.engine.oci.Digest;
import dev.stagesmith.engine.run.Network;
import dev.stagesmith.engine.run.RunExecutor;
import dev.stagesmith.engine.run.RunSpec;
import dev.stagesmith.engine.run.SandboxMount;
import dev.stagesmith.engine.run.Sandboxes;
import dev.stagesmith.engine.run.fs.MountStubs;
import dev.stagesmith.engine.run.fs.RootFs;
import dev.stagesmith.engine.run.mount.MountException;
import dev.stagesmith.engine.run.mount.MountPlanner;
import dev.stagesmith.engine.run.mount.MountSources;
import dev.stagesmith.engine.store.Atomic;
import dev.stagesmith.engine.store.BuildCache;
import dev.stagesmith.grammar.syntax.Flag;
import dev.stagesmith.grammar.syntax.Run;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * RUN: works out the command and environment as BuildKit does, keys the step on them (and on what its
 * {@code --mount}s bring in), and on a miss runs the command in the sandbox on the stage's root directory,
 * streams its output, and turns what it changed into a layer. The full output of every RUN is kept in
 * {@code <cache>/logs/<step key>.log}.
 */
final class RunStep {

    static final String HOSTNAME = "buildkitsandbox";
    private static final int TAIL_LINES = 30;
    private static final Set<String> FLAGS = Set.of("mount", "network", "security");

    private final BuildSession session;
    private final StageBuilder stage;
    private final Run run;
    private final StepId id;
    private RootFs rootfs;

    RunStep(BuildSession session, StageBuilder stage, Run run, StepId id) {
        this.session = session;
        this.stage = stage;
        this.run = run;
        this.id = id;
    }

    boolean apply() throws StepFailure {
        for (Flag f : run.flags()) {
            if (!FLAGS.contains(f.name())) {
                throw new StepFailure("unknown flag for RUN: --" + f.name());
            }
        }
        Network network = network();
        Optional<Flag> security = run.flag("security");
        if (security.isPresent() && !"sandbox".equals(security.get().value().orElse(""))) {
            throw new StepFailure("RUN --security=" + security.get().value().orElse("")
                    + " is not supported by the embedded engine: only --security=sandbox");
        }
        ImageState state = stage.state();
        RunCommand command = RunCommand.of(run, ImageConfig.strings(ImageConfig.inner(state.config).get("Shell")));
        List<String> env = RunCommand.env(state.env);
        String workdir = stage.workdir();
        String user = stage.user();
        List<String> mountValues = new ArrayList<>();
        for (Flag f : run.flags("mount")) {
            mountValues.add(stage.expand(f.value().orElse("")));
        }
        MountPlanner.Planned planned;
        Path scratch;
        try {
            scratch = session.scratchDir();
            planned = MountPlanner.plan(mountValues, workdir, new MountSources(session.cache().root().resolve("mounts"),
                    session.request().secrets(), session.request().ssh(), scratch, new RunMountRoots(session, stage)));
        } catch (MountException e) {
            throw new StepFailure(e.getMessage(), e.getCause());
        } catch (IOException e) {
            throw new StepFailure("cannot prepare the RUN: " + e.getMessage(), e);
        }
        try (AutoCloseable release = planned.release()) {
            String createdBy = command.history(state.env, ImageConfig.env(state.config).keySet());
            StringBuilder keyText = new StringBuilder("RUN\n");
            command.argv().forEach(a -> keyText.append("arg ").append(a.replace("\n", "\\n")).append('\n'));
            env.forEach(e -> keyText.append("env ").append(e.replace("\n", "\\n")).append('\n'));
            keyText.append("user ").append(user).append("\nworkdir ").append(workdir)
                    .append("\nnetwork ").append(network).append("\nmounts ").append(planned.cacheKey());
            Digest next = stage.chainKey(keyText.toString());
            Optional<BuildCache.StepRecord> hit = session.noCache() ? Optional.empty() : session.cache().step(next);
            BuildCache.StepRecord record;
            if (hit.isPresent()) {
                record = hit.get();
            } else {
                record = execute(command, env, user, workdir, network, planned, scratch, next, createdBy);
                session.store(next, record);
            }
            stage.commitLayer(next, record, createdBy);
            if (rootfs != null) {
                rootfs.adopt(stage.state().tree());
            }
            return hit.isPresent();
        } catch (StepFailure e) {
            throw e;
        } catch (IOException e) {
            throw new StepFailure("RUN failed in the engine: " + e.getMessage(), e);
        } catch (Exception e) {
            throw new StepFailure("cannot release the RUN's mounts: " + e.getMessage(), e);
        }
    }

    private Network network() throws StepFailure {
        Optional<Flag> f = run.flag("network");
        if (f.isEmpty()) {
            return Network.DEFAULT;
        }
        String v = f.get().value().orElse("").toLowerCase(Locale.ROOT);
        return switch (v) {
            case "default" -> Network.DEFAULT;
            case "none" -> Network.NONE;
            case "host" -> Network.HOST;
            default -> throw new StepFailure("unsupported network mode '" + v + "': use default, none or host");
        };
    }

    private BuildCache.StepRecord execute(RunCommand command, List<String> env, String user, String workdir,
            Network network, MountPlanner.Planned planned, Path scratch, Digest key, String createdBy)
            throws StepFailure, IOException {
        RunExecutor executor = Sandboxes.detect().orElseThrow(() -> new StepFailure(Sandboxes.missingAdvice()));
        rootfs = stage.rootfs(executor.realOwners());
        rootfs.sync(stage.state().tree());
        FileTree tree = rootfs.tree();
        Owner owner = owner(tree, user);
        String cwd = tree.resolve(workdir.substring(1), true)
                .orElseThrow(() -> new StepFailure("the working directory " + workdir + " goes through a symlink loop"));
        if (!cwd.isEmpty()) {
            Path d = rootfs.dir().resolve(cwd);
            if (!Files.isDirectory(d)) {
                try {
                    Files.createDirectories(d);
                } catch (IOException e) {
                    throw new StepFailure("cannot create the working directory " + workdir + ": /" + cwd
                            + " is not a directory");
                }
            }
        }

        List<SandboxMount> mounts = new ArrayList<>(planned.mounts());
        if (command.script().isPresent()) {
            RunCommand.Script s = command.script().get();
            Path pipes = Files.createDirectories(scratch.resolve("pipes"));
            Path f = pipes.resolve(s.name());
            Files.writeString(f, s.body());
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
            mounts.add(SandboxMount.bind(pipes, RunCommand.PIPES, true));
        }
        List<String> targets = new ArrayList<>(List.of("/proc", "/dev", "/etc/hosts"));
        if (network != Network.NONE) {
            targets.add("/etc/resolv.conf");
        }
        mounts.forEach(m -> targets.add(m.target()));
        MountStubs stubs = new MountStubs(rootfs.dir(), targets);

        List<String> processEnv = new ArrayList<>(env);
        planned.env().forEach((k, v) -> processEnv.add(k + "=" + v));
        RunSpec spec = new RunSpec(command.argv(), processEnv, "/" + cwd, owner.uid(), owner.gid(), List.of(),
                HOSTNAME, network, mounts, Optional.empty());

        Path logs = Files.createDirectories(session.cache().root().resolve("logs"));
        Path log = logs.resolve(key.hex() + ".log");
        Path logTmp = Files.createTempFile(logs, ".log-", ".tmp");
        Deque<String> tail = new ArrayDeque<>();
        int exit;
        try (BufferedWriter out = Files.newBufferedWriter(logTmp, StandardCharsets.UTF_8)) {
            exit = executor.run(rootfs.dir(), spec, line -> {
                session.emit(new BuildEvent.StepOutput(id, line));
                if (tail.size() == TAIL_LINES) {
                    tail.removeFirst();
                }
                tail.addLast(line);
                try {
                    out.write(line);
                    out.write('\n');
                } catch (IOException ignored) {
                    // A full disk loses log lines, not the build.
                }
            }, session.cancellation());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StepFailure("cancelled", e);
        } finally {
            stubs.cleanUp();
        }
        Atomic.move(logTmp, log);
        if (session.cancellation().isCancelled()) {
            throw new StepFailure("cancelled");
        }
        if (exit != 0) {
            StringBuilder msg = new StringBuilder("`").append(String.join(" ", command.argv()).replace('\n', ' '))
                    .append("` exited with code ").append(exit);
            tail.forEach(l -> msg.append('\n').append(l));
            throw new StepFailure(msg.toString());
        }
        List<FileEntry> entries = rootfs.diff(stubs.excluded(), owner, session.generatedMtime());
        if (entries.isEmpty()) {
            return new BuildCache.StepRecord(null, 0, createdBy, session.buildTime());
        }
        return session.writeLayer(entries, createdBy);
    }

    private static Owner owner(FileTree tree, String user) throws StepFailure {
        if (user.isEmpty()) {
            return Owner.ROOT;
        }
        try {
            return UserDb.of(tree).resolve(user);
        } catch (CopyException e) {
            throw new StepFailure("RUN as USER " + user + ": " + e.getMessage());
        }
    }
}
