package dev.stagesmith.server.cli.build;

import dev.stagesmith.engine.build.BuildEvent;
import dev.stagesmith.engine.build.BuildException;
import dev.stagesmith.engine.build.BuildResult;
import java.io.PrintWriter;

/** One line per step start and end, for logs and CI (progress goes to stderr, the summary to stdout). */
public final class PlainProgress implements ProgressView {

    private final PrintWriter out;
    private final PrintWriter err;

    PlainProgress(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public synchronized void on(BuildEvent e) {
        String line = format(e);
        if (line != null) {
            err.println(line);
            err.flush();
        }
    }

    /** The one line a step event shows as, or null for events without one (also the editor's build log). */
    public static String format(BuildEvent e) {
        if (e instanceof BuildEvent.StepStarted s) {
            return "#" + s.id() + " " + s.text();
        }
        if (e instanceof BuildEvent.StepCached c) {
            return "#" + c.id() + " CACHED";
        }
        if (e instanceof BuildEvent.StepFinished f) {
            return "#" + f.id() + " DONE " + ProgressView.seconds(f.elapsed());
        }
        if (e instanceof BuildEvent.StepFailed f) {
            return "#" + f.id() + " ERROR " + f.message();
        }
        if (e instanceof BuildEvent.StepProgress p) {
            return null;
        }
        if (e instanceof BuildEvent.Note n) {
            return "# " + n.message();
        }
        if (e instanceof BuildEvent.Warning w) {
            return "WARNING: " + w.message();
        }
        return null;
    }

    @Override
    public void summary(BuildResult result) {
        ProgressView.printSummary(out, result);
    }

    @Override
    public void failed(BuildException e) {
        err.flush();
    }

    @Override
    public void close() {
        err.flush();
        out.flush();
    }
}
