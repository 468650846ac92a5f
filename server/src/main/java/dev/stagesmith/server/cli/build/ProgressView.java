package dev.stagesmith.server.cli.build;

import dev.stagesmith.engine.build.BuildException;
import dev.stagesmith.engine.build.BuildListener;
import dev.stagesmith.engine.build.BuildResult;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/** How {@code stagesmith build} shows a build: a live view on a terminal, plain lines, or JSON events. */
public interface ProgressView extends BuildListener, AutoCloseable {

    void summary(BuildResult result);

    void failed(BuildException e);

    @Override
    void close();

    /** {@code auto} means the live view when a terminal is attached and plain lines otherwise. */
    static ProgressView create(String mode, PrintWriter out, PrintWriter err, boolean terminal) {
        return switch (mode) {
            case "json" -> new JsonProgress(out);
            case "plain" -> new PlainProgress(out, err);
            default -> terminal ? new LiveProgress(out, err) : new PlainProgress(out, err);
        };
    }

    static String seconds(Duration d) {
        return dev.stagesmith.server.features.build.BuildLogLines.seconds(d);
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        double v = n;
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    /** The closing summary every human-readable view prints. */
    static void printSummary(PrintWriter out, BuildResult r) {
        out.println("Built " + r.target() + ": " + r.manifestDigest() + " (" + bytes(r.size()) + ", " + r.layers()
                + (r.layers() == 1 ? " layer" : " layers") + ") in " + seconds(r.elapsed()));
        int width = r.stages().stream().mapToInt(s -> s.stage().length()).max().orElse(5);
        for (BuildResult.StageTiming t : r.stages()) {
            out.println(String.format(Locale.ROOT, "  %-" + width + "s  %8s  %s", t.stage(), seconds(t.elapsed()),
                    t.cached() ? "cached" : t.steps() + " steps"));
        }
        for (String o : r.outputs()) {
            out.println("  -> " + o);
        }
        out.flush();
    }
}
