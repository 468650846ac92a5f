package dev.stagesmith.server.features.build;

import dev.stagesmith.engine.build.BuildEvent;
import java.time.Duration;
import java.util.Locale;

/** A build event as one log line, the same in {@code stagesmith build --progress plain} and the editor's log. */
public final class BuildLogLines {

    private BuildLogLines() {}

    /** The line {@code e} shows as, or null for events without one. */
    public static String format(BuildEvent e) {
        if (e instanceof BuildEvent.StepStarted s) {
            return "#" + s.id() + " " + s.text();
        }
        if (e instanceof BuildEvent.StepCached c) {
            return "#" + c.id() + " CACHED";
        }
        if (e instanceof BuildEvent.StepFinished f) {
            return "#" + f.id() + " DONE " + seconds(f.elapsed());
        }
        if (e instanceof BuildEvent.StepFailed f) {
            return "#" + f.id() + " ERROR " + f.message();
        }
        if (e instanceof BuildEvent.StepProgress p) {
            return null;
        }
        if (e instanceof BuildEvent.StepOutput o) {
            return "#" + o.id() + " " + o.line();
        }
        if (e instanceof BuildEvent.Note n) {
            return "# " + n.message();
        }
        if (e instanceof BuildEvent.Warning w) {
            return "WARNING: " + w.message();
        }
        return null;
    }


    /** Seconds with two decimals, as {@code 1.25s}. */
    public static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.2fs", d.toNanos() / 1e9);
    }
}
