package dev.stagesmith.server.cli.build;

import dev.stagesmith.engine.build.BuildEvent;
import dev.stagesmith.engine.build.BuildException;
import dev.stagesmith.engine.build.BuildResult;
import dev.stagesmith.server.features.build.BuildLogLines;
import java.io.PrintWriter;

/**
 * One line per step start and end, and each line a RUN prints prefixed with its step, for logs and CI (progress
 * goes to stderr, the summary to stdout).
 */
final class PlainProgress implements ProgressView {

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

    /** The one line a step event shows as, or null for events without one (the editor's build log shows the same). */
    static String format(BuildEvent e) {
        return BuildLogLines.format(e);
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
