package dev.stagesmith.server.cli.build;

import dev.stagesmith.engine.build.BuildEvent;
import dev.stagesmith.engine.build.BuildException;
import dev.stagesmith.engine.build.BuildResult;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The terminal view: finished steps scroll as lines; below them, one line per running step with its
 * elapsed time (and bytes for transfers) and the last lines a RUN printed, redrawn in place ten times a second.
 */
final class LiveProgress implements ProgressView {

    private final PrintWriter out;
    private final PrintWriter err;
    private final long start = System.nanoTime();
    private final Map<String, Running> running = new LinkedHashMap<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "stagesmith-progress");
        t.setDaemon(true);
        return t;
    });
    private int drawn;
    private int done;
    private int cached;

    /** How many of a running step's last output lines show under it. */
    static final int TAIL = 5;

    private static final class Running {
        final String text;
        final java.util.ArrayDeque<String> tail = new java.util.ArrayDeque<>();
        final long started = System.nanoTime();
        long bytes = -1;
        long total;

        Running(String text) {
            this.text = text;
        }
    }

    LiveProgress(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
        ticker.scheduleAtFixedRate(this::redraw, 100, 100, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void on(BuildEvent e) {
        if (e instanceof BuildEvent.StepStarted s) {
            running.put(s.id().toString(), new Running(s.id() + " " + s.text()));
        } else if (e instanceof BuildEvent.StepCached c) {
            Running r = running.remove(c.id().toString());
            cached++;
            done++;
            finish("=> CACHED " + (r == null ? c.id().toString() : r.text));
        } else if (e instanceof BuildEvent.StepFinished f) {
            Running r = running.remove(f.id().toString());
            if (r != null) {
                done++;
                finish("=> " + r.text + "  " + ProgressView.seconds(f.elapsed()));
            }
        } else if (e instanceof BuildEvent.StepFailed f) {
            running.remove(f.id().toString());
            finish("=> ERROR " + f.id() + " " + f.message());
        } else if (e instanceof BuildEvent.StepOutput o) {
            Running r = running.get(o.id().toString());
            if (r != null) {
                if (r.tail.size() == TAIL) {
                    r.tail.removeFirst();
                }
                r.tail.addLast(o.line());
            }
            return; // the ticker redraws; a chatty RUN must not redraw per line
        } else if (e instanceof BuildEvent.StepProgress p) {
            Running r = running.get(p.id().toString());
            if (r != null) {
                r.bytes = p.bytes();
                r.total = p.total();
            }
        } else if (e instanceof BuildEvent.Transfer t) {
            Running r = running.computeIfAbsent("transfer " + t.what(), k -> new Running(t.what()));
            r.bytes = t.bytes();
            r.total = t.total();
            if (t.bytes() >= t.total()) {
                running.remove("transfer " + t.what());
                finish("=> " + t.what() + "  " + ProgressView.bytes(t.total()));
            }
        } else if (e instanceof BuildEvent.Warning w) {
            finish("WARNING: " + w.message());
        } else if (e instanceof BuildEvent.Note n) {
            finish("=> " + n.message());
        }
        redraw();
    }

    /** Prints a permanent line above the live block. */
    private void finish(String line) {
        clear();
        err.println(line);
    }

    private void clear() {
        for (int i = 0; i < drawn; i++) {
            err.print("\033[1A\033[2K");
        }
        drawn = 0;
    }

    private synchronized void redraw() {
        clear();
        long now = System.nanoTime();
        err.println(String.format(Locale.ROOT, "[+] Building %.1fs (%d done, %d cached)", (now - start) / 1e9, done,
                cached));
        drawn = 1;
        for (Running r : running.values()) {
            String extra = r.bytes >= 0 ? "  " + ProgressView.bytes(r.bytes) + " / " + ProgressView.bytes(r.total) : "";
            err.println(String.format(Locale.ROOT, " => %s  %.1fs%s", r.text, (now - r.started) / 1e9, extra));
            drawn++;
            for (String line : r.tail) {
                err.println("    " + clip(line));
                drawn++;
            }
        }
        err.flush();
    }

    /** One terminal line: no control characters (they would break the redraw), at most 120 columns. */
    static String clip(String line) {
        String clean = line.replaceAll("\\p{Cntrl}", " ");
        return clean.length() > 120 ? clean.substring(0, 119) + "…" : clean;
    }

    @Override
    public synchronized void summary(BuildResult result) {
        ticker.shutdownNow();
        clear();
        err.flush();
        ProgressView.printSummary(out, result);
    }

    @Override
    public synchronized void failed(BuildException e) {
        ticker.shutdownNow();
        clear();
        err.flush();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        err.flush();
    }
}
