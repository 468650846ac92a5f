package dev.stagesmith.server.features.build;

import dev.stagesmith.engine.build.BuildEvent;
import dev.stagesmith.engine.build.BuildListener;
import dev.stagesmith.grammar.stages.Stage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.lsp4j.WorkDoneProgressBegin;
import org.eclipse.lsp4j.WorkDoneProgressEnd;
import org.eclipse.lsp4j.WorkDoneProgressNotification;
import org.eclipse.lsp4j.WorkDoneProgressReport;

/**
 * Turns one build's engine events into {@code $/progress} reports ("[stage 2/5] COPY ...", percentage of
 * the known steps finished) and log lines ({@code stagesmith/buildLog}, and {@code window/logMessage} for
 * clients that did not ask for the former). Called from the engine's threads.
 */
final class BuildProgress implements BuildListener {

    private final BuildReporter reporter;
    private final Executor sender;
    private final Object token;
    private final String uri;
    private final String target;
    private final Map<Integer, Integer> positions = new HashMap<>();
    private final Map<Integer, Integer> stepsPerStage = new HashMap<>();
    private final AtomicReference<BuildEvent.StepFailed> failed = new AtomicReference<>();
    private int finished;

    /**
     * @param sender the one thread that writes to the client, so messages keep their order and no engine
     *     thread (which a cancel interrupts) ever writes to the connection itself
     * @param token the progress token, or null when the client takes no progress
     * @param needed the stages the build runs, in order, for "[stage i/n]" and the step count
     */
    BuildProgress(BuildReporter reporter, Executor sender, Object token, String uri, String target,
            List<Stage> needed) {
        this.reporter = reporter;
        this.sender = sender;
        this.token = token;
        this.uri = uri;
        this.target = target;
        for (Stage s : needed) {
            positions.put(s.index(), positions.size() + 1);
            stepsPerStage.put(s.index(), s.instructions().size() + 1);
        }
    }

    void begin(String title) {
        WorkDoneProgressBegin b = new WorkDoneProgressBegin();
        b.setTitle(title);
        b.setCancellable(true);
        b.setPercentage(0);
        send(b);
    }

    void end(String message) {
        WorkDoneProgressEnd e = new WorkDoneProgressEnd();
        e.setMessage(message);
        send(e);
    }

    /** The step that failed, when one did. */
    BuildEvent.StepFailed failure() {
        return failed.get();
    }

    @Override
    public void on(BuildEvent event) {
        if (event instanceof BuildEvent.StepFailed f) {
            failed.compareAndSet(null, f);
        }
        String line = BuildLogLines.format(event);
        if (line != null) {
            line.lines().forEach(this::log);
        }
        if (event instanceof BuildEvent.StepStarted s) {
            report(s);
        } else if (event instanceof BuildEvent.StepFinished) {
            synchronized (this) {
                finished++;
            }
        }
    }

    private void report(BuildEvent.StepStarted s) {
        WorkDoneProgressReport r = new WorkDoneProgressReport();
        int percentage;
        synchronized (this) {
            stepsPerStage.put(s.id().stageIndex(), s.id().count());
            int known = stepsPerStage.values().stream().mapToInt(Integer::intValue).sum();
            percentage = known == 0 ? 0 : Math.min(100, finished * 100 / known);
        }
        r.setMessage("[stage " + positions.getOrDefault(s.id().stageIndex(), 0) + "/" + positions.size() + "] "
                + s.text());
        r.setPercentage(percentage);
        r.setCancellable(true);
        send(r);
    }

    private void log(String line) {
        sender.execute(() -> reporter.log(new BuildLogParams(uri, target, line)));
    }

    private void send(WorkDoneProgressNotification n) {
        if (token != null) {
            sender.execute(() -> reporter.progress(token, n));
        }
    }
}
