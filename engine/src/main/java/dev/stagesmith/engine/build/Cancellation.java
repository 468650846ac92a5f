package dev.stagesmith.engine.build;

import java.util.ArrayList;
import java.util.List;

/**
 * A build's stop button: the CLI presses it on Ctrl-C, the language server on a cancel from the editor.
 * Steps check it between steps; whatever blocks (a sandboxed process, a download) registers a hook that
 * {@link #cancel()} runs, so a cancel takes effect within a second and leaves the cache consistent (every
 * cache write is a temp file and a rename).
 */
public final class Cancellation {

    private final List<Runnable> hooks = new ArrayList<>();
    private boolean cancelled;

    /** Runs every registered hook once; later calls do nothing. */
    public void cancel() {
        List<Runnable> run;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            run = List.copyOf(hooks);
            hooks.clear();
        }
        for (Runnable r : run) {
            try {
                r.run();
            } catch (RuntimeException ignored) {
                // One failing hook must not keep the others from stopping their work.
            }
        }
    }

    public synchronized boolean isCancelled() {
        return cancelled;
    }

    /** Throws when the build was cancelled; called between steps. */
    public void check() throws BuildCancelledException {
        if (isCancelled()) {
            throw new BuildCancelledException();
        }
    }

    /**
     * Runs {@code hook} on cancel (at once if the build is already cancelled) until the returned handle is
     * closed. Hooks must be quick and must not throw.
     */
    public Registration onCancel(Runnable hook) {
        boolean now;
        synchronized (this) {
            now = cancelled;
            if (!now) {
                hooks.add(hook);
            }
        }
        if (now) {
            hook.run();
        }
        return () -> {
            synchronized (this) {
                hooks.remove(hook);
            }
        };
    }

    /** Removes a hook registered with {@link #onCancel}. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
