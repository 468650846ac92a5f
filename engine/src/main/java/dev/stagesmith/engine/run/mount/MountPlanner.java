package dev.stagesmith.engine.run.mount;

import dev.stagesmith.engine.run.SandboxMount;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a RUN's {@code --mount} flags into sandbox mounts: {@code type=bind}, {@code cache}, {@code tmpfs},
 * {@code secret} and {@code ssh} with BuildKit's options and defaults (docs/run-mounts.md).
 */
public final class MountPlanner {

    private MountPlanner() {}

    /**
     * What one RUN mounts.
     *
     * @param mounts to add to the sandbox, in order
     * @param cacheKey what the mounts add to the step's cache key (never a secret's content)
     * @param env variables the mounts add to the process (SSH_AUTH_SOCK, a secret's {@code env=}); never logged
     * @param release frees what the mounts hold (a {@code sharing=locked} cache lock); called after the RUN
     */
    public record Planned(List<SandboxMount> mounts, String cacheKey, Map<String, String> env, AutoCloseable release) {

        public static Planned none() {
            return new Planned(List.of(), "", Map.of(), () -> { });
        }
    }

    /**
     * Parses every value, then sets each mount up in order. On an error whatever was already taken (cache
     * locks, secret copies) is given back before the exception leaves.
     *
     * @param values each {@code --mount} flag's value, variables already expanded
     * @param workdir the RUN's working directory, for relative targets
     */
    public static Planned plan(List<String> values, String workdir, MountSources sources) throws MountException {
        if (values.isEmpty()) {
            return Planned.none();
        }
        List<MountSpec> specs = parse(values, workdir);
        Held held = new Held();
        try {
            Session s = new Session(sources, held, false);
            for (MountSpec spec : specs) {
                s.add(spec);
            }
            return new Planned(List.copyOf(s.mounts), String.join("\n", s.key), Map.copyOf(s.env), held);
        } catch (MountException | RuntimeException e) {
            held.close();
            throw e;
        }
    }

    /**
     * What {@link #plan} would give as {@link Planned#cacheKey()}, without setting anything up: no stage laid
     * out, no copy, no cache lock. A RUN looks itself up with this and plans only on a miss.
     */
    public static String key(List<String> values, String workdir, MountSources sources) throws MountException {
        if (values.isEmpty()) {
            return "";
        }
        Session s = new Session(sources, new Held(), true);
        for (MountSpec spec : parse(values, workdir)) {
            s.add(spec);
        }
        return String.join("\n", s.key);
    }

    private static List<MountSpec> parse(List<String> values, String workdir) throws MountException {
        List<MountSpec> specs = new ArrayList<>();
        int ssh = 0;
        for (String v : values) {
            MountSpec spec = MountSpec.parse(v, workdir, ssh);
            specs.add(spec);
            if (spec.type() == MountSpec.Type.SSH) {
                ssh++;
            }
        }
        return specs;
    }

    /** The mounts of one plan as they are set up. */
    private static final class Session {
        final MountSources sources;
        final Held held;
        final List<SandboxMount> mounts = new ArrayList<>();
        final List<String> key = new ArrayList<>();
        final Map<String, String> env = new LinkedHashMap<>();
        /** Only the key: nothing is laid out, copied, locked or read. */
        final boolean keyOnly;
        Path scratch;

        Session(MountSources sources, Held held, boolean keyOnly) {
            this.sources = sources;
            this.held = held;
            this.keyOnly = keyOnly;
        }

        void add(MountSpec spec) throws MountException {
            switch (spec.type()) {
                case BIND -> bind(spec);
                case CACHE -> cache(spec);
                case TMPFS -> {
                    key.add(spec.describe());
                    mounts.add(SandboxMount.tmpfs(spec.target(), spec.sizeBytes()));
                }
                case SECRET -> secret(spec);
                case SSH -> ssh(spec);
            }
        }

        /** The context or a stage/image, read-only; {@code rw} binds a copy so writes are thrown away. */
        private void bind(MountSpec spec) throws MountException {
            MountSources.Root root = spec.from().isPresent() ? sources.roots().from(spec.from().get())
                    : sources.roots().context(spec.source());
            String contentKey = spec.from().isPresent() ? root.key() + ":" + spec.source() : root.key();
            key.add(spec.describe() + " content=" + contentKey);
            if (keyOnly) {
                return;
            }
            Path dir = spec.from().isPresent()
                    ? MountFiles.inRoot(root.dir(), spec.source(), "--mount from=" + spec.from().get())
                    : root.dir();
            if (!spec.readOnly()) {
                Path copy = scratch().resolve("bind-" + mounts.size());
                try {
                    MountFiles.copy(dir, copy);
                } catch (IOException e) {
                    throw new MountException("--mount target=" + spec.target() + ": cannot copy the source for rw: "
                            + e.getMessage(), e);
                }
                dir = copy;
            }
            mounts.add(SandboxMount.bind(dir, spec.target(), spec.readOnly()));
        }

        /** A persistent directory; its content is never part of the key, only how it is mounted. */
        private void cache(MountSpec spec) throws MountException {
            if (keyOnly) {
                key.add(spec.describe());
                return;
            }
            Optional<Path> seed = Optional.empty();
            if (spec.from().isPresent()) {
                MountSources.Root root = sources.roots().from(spec.from().get());
                seed = Optional.of(MountFiles.inRoot(root.dir(), spec.source(), "--mount from=" + spec.from().get()));
            }
            CacheStore.Lease lease = CacheStore.acquire(sources.cacheRoot(), spec, seed);
            held.add(lease);
            mounts.add(SandboxMount.bind(lease.dir(), spec.target(), spec.readOnly()));
            key.add(spec.describe());
        }

        /**
         * A private copy of the secret file with the asked mode and owner, bound read-only; and/or its value in
         * {@code env=}. Nothing of the value reaches the key or an error message.
         */
        private void secret(MountSpec spec) throws MountException {
            Path file = sources.secrets().get(spec.id());
            if (file == null) {
                if (spec.required()) {
                    throw new MountException("--mount type=secret,id=" + spec.id() + " is required but no secret "
                            + "has that id; pass --secret id=" + spec.id() + ",src=FILE");
                }
                return; // BuildKit skips a missing optional secret: no file, no variable
            }
            key.add(spec.describe());
            if (keyOnly) {
                return;
            }
            byte[] value;
            try {
                value = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new MountException("cannot read the secret id=" + spec.id() + " from " + file
                        + "; check the --secret src= file", e);
            }
            if (spec.env().isPresent()) {
                env.put(spec.env().get(), new String(value, StandardCharsets.UTF_8));
            }
            if (spec.target().isEmpty()) {
                return;
            }
            Path dir = scratch().resolve("secret-" + mounts.size());
            Path copy = dir.resolve(spec.id().replace('/', '_'));
            try {
                Files.createDirectory(dir);
                MountFiles.mode(dir, 0700);
                held.add(() -> MountFiles.deleteTree(dir));
                Files.createFile(copy);
                MountFiles.mode(copy, 0600);
                Files.write(copy, value);
                MountFiles.mode(copy, spec.mode());
                MountFiles.owner(copy, spec.uid(), spec.gid());
            } catch (IOException e) {
                throw new MountException("cannot stage the secret id=" + spec.id() + " for the RUN: "
                        + e.getClass().getSimpleName(), e);
            }
            mounts.add(SandboxMount.bind(copy, spec.target(), true));
        }

        /** The agent's socket at the target; the first ssh mount is SSH_AUTH_SOCK. */
        private void ssh(MountSpec spec) throws MountException {
            String socket = sources.ssh().get(spec.id());
            if (socket == null || !Files.exists(Path.of(socket), LinkOption.NOFOLLOW_LINKS)) {
                if (spec.required()) {
                    throw new MountException("--mount type=ssh,id=" + spec.id() + " is required but "
                            + (socket == null ? "no agent has that id; pass --ssh " + spec.id()
                                    + (spec.id().equals("default") ? " with SSH_AUTH_SOCK set" : "=SOCKET")
                                    : "its socket " + socket + " is gone; start the agent again"));
                }
                return;
            }
            key.add(spec.describe());
            if (keyOnly) {
                return;
            }
            mounts.add(SandboxMount.bind(Path.of(socket), spec.target(), false));
            env.putIfAbsent("SSH_AUTH_SOCK", spec.target());
        }

        private Path scratch() throws MountException {
            if (scratch == null) {
                try {
                    Files.createDirectories(sources.scratch());
                    scratch = Files.createTempDirectory(sources.scratch(), "mounts-");
                    MountFiles.mode(scratch, 0700);
                } catch (IOException e) {
                    throw new MountException("cannot make a scratch directory in " + sources.scratch() + ": "
                            + e.getMessage(), e);
                }
                Path dir = scratch;
                held.add(() -> MountFiles.deleteTree(dir));
            }
            return scratch;
        }
    }

    /** What a plan holds, given back in reverse order; the first failure is rethrown after all are tried. */
    private static final class Held implements AutoCloseable {
        private final List<AutoCloseable> items = new ArrayList<>();
        private boolean closed;

        synchronized void add(AutoCloseable c) {
            items.add(c);
        }

        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            RuntimeException first = null;
            for (int i = items.size() - 1; i >= 0; i--) {
                try {
                    items.get(i).close();
                } catch (Exception e) {
                    if (first == null) {
                        first = new IllegalStateException("releasing RUN mounts: " + e.getMessage(), e);
                    }
                }
            }
            if (first != null) {
                throw first;
            }
        }
    }
}
