package dev.stagesmith.engine.run.mount;

import dev.stagesmith.engine.oci.Digest;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * The directories behind {@code type=cache} mounts: {@code ROOT/<sha256(id)>/data} persists between builds;
 * {@code data.N} are the extra copies {@code sharing=private} makes while {@code data} is in use. Lock files
 * sit beside the data, never in it, so a RUN that empties its cache cannot remove them.
 *
 * <p>A lock is two locks: a semaphore for the builds in this JVM (a file lock is held per process, not per
 * thread) and a file lock for other processes (a CLI build beside the editor's).
 */
final class CacheStore {

    /** The semaphores of this JVM, by lock file; never removed (one per cache id and instance, tiny). */
    private static final Map<Path, Semaphore> IN_PROCESS = new ConcurrentHashMap<>();

    private CacheStore() {}

    /** A cache directory in use until {@link #close()}. */
    record Lease(Path dir, AutoCloseable release) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            release.close();
        }
    }

    /**
     * @param seed what fills the directory when it is first made ({@code from=}, {@code source=}), if anything
     */
    static Lease acquire(Path root, MountSpec spec, Optional<Path> seed) throws MountException {
        Path home = root.resolve(HexFormat.of().formatHex(Digest.sha256().digest(spec.id().getBytes(StandardCharsets.UTF_8))));
        try {
            Files.createDirectories(home);
            Path idFile = home.resolve("id");
            if (!Files.exists(idFile)) {
                Files.writeString(idFile, spec.id() + "\n"); // for people looking at the cache directory
            }
        } catch (IOException e) {
            throw new MountException("cannot create the cache for --mount id=" + spec.id() + " in " + root + ": "
                    + e.getMessage(), e);
        }
        return switch (spec.sharing()) {
            case SHARED -> new Lease(ensure(home, "data", spec, seed), () -> { });
            case LOCKED -> {
                AutoCloseable lock = lock(home.resolve("lock"), spec);
                try {
                    yield new Lease(ensure(home, "data", spec, seed), lock);
                } catch (MountException e) {
                    closeQuietly(lock);
                    throw e;
                }
            }
            case PRIVATE -> privateInstance(home, spec, seed);
        };
    }

    /** The first instance nobody holds: {@code data} when free, else {@code data.1}, {@code data.2}, ... */
    private static Lease privateInstance(Path home, MountSpec spec, Optional<Path> seed) throws MountException {
        for (int n = 0; ; n++) {
            String suffix = n == 0 ? "" : "." + n;
            Optional<AutoCloseable> lock = tryLock(home.resolve("lock" + suffix), spec);
            if (lock.isPresent()) {
                try {
                    return new Lease(ensure(home, "data" + suffix, spec, seed), lock.get());
                } catch (MountException e) {
                    closeQuietly(lock.get());
                    throw e;
                }
            }
        }
    }

    /** The directory, made (seeded, then mode and owner set) and renamed into place if it is not there yet. */
    private static Path ensure(Path home, String name, MountSpec spec, Optional<Path> seed) throws MountException {
        Path dir = home.resolve(name);
        if (Files.isDirectory(dir)) {
            return dir;
        }
        Path tmp = null;
        try {
            tmp = Files.createTempDirectory(home, "new-");
            if (seed.isPresent()) {
                MountFiles.copy(seed.get(), tmp);
            }
            MountFiles.mode(tmp, spec.mode());
            MountFiles.owner(tmp, spec.uid(), spec.gid());
            try {
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
                tmp = null;
            } catch (IOException raced) {
                if (!Files.isDirectory(dir)) {
                    throw raced;
                }
            }
            return dir;
        } catch (IOException e) {
            throw new MountException("cannot create the cache for --mount id=" + spec.id() + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    MountFiles.deleteTree(tmp);
                } catch (IOException ignored) {
                    // A leftover new-* directory is never used; the next cache prune removes it.
                }
            }
        }
    }

    /** Waits for the exclusive lock ({@code sharing=locked}); an interrupt gives up. */
    private static AutoCloseable lock(Path file, MountSpec spec) throws MountException {
        Semaphore local = IN_PROCESS.computeIfAbsent(file, f -> new Semaphore(1));
        try {
            local.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MountException("stopped waiting for the locked cache --mount id=" + spec.id(), e);
        }
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.lock();
            } catch (IOException e) {
                channel.close();
                throw e;
            }
            return release(channel, lock, local);
        } catch (IOException e) {
            local.release();
            throw new MountException("cannot lock the cache for --mount id=" + spec.id() + ": " + e.getMessage(), e);
        }
    }

    /** The lock if nobody holds it, else empty at once ({@code sharing=private} then takes another instance). */
    private static Optional<AutoCloseable> tryLock(Path file, MountSpec spec) throws MountException {
        Semaphore local = IN_PROCESS.computeIfAbsent(file, f -> new Semaphore(1));
        if (!local.tryAcquire()) {
            return Optional.empty();
        }
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                local.release();
                return Optional.empty();
            }
            return Optional.of(release(channel, lock, local));
        } catch (IOException e) {
            local.release();
            throw new MountException("cannot lock the cache for --mount id=" + spec.id() + ": " + e.getMessage(), e);
        }
    }

    private static AutoCloseable release(FileChannel channel, FileLock lock, Semaphore local) {
        boolean[] done = {false};
        return () -> {
            synchronized (done) {
                if (done[0]) {
                    return;
                }
                done[0] = true;
            }
            try {
                lock.release();
                channel.close();
            } finally {
                local.release();
            }
        };
    }

    static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // Releasing a lock fails only when its channel is already gone, which also frees the lock.
        }
    }
}
