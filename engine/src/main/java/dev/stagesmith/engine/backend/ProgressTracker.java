package dev.stagesmith.engine.backend;

import dev.stagesmith.engine.build.BuildEvent;
import dev.stagesmith.engine.build.BuildListener;
import dev.stagesmith.engine.build.BuildResult;
import dev.stagesmith.grammar.stages.Stage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Turns a tool's progress lines into the same events the embedded engine sends, and remembers which step
 * failed and why. Subclasses read one tool's format; this class keeps stages, timings and the failure.
 */
abstract class ProgressTracker implements Consumer<String> {

    /** What is known about one stage the tool worked on. */
    private static final class StageState {
        final Stage stage;
        final long start = System.nanoTime();
        long end;
        int steps;
        int cachedSteps;
        boolean finished;

        StageState(Stage stage) {
            this.stage = stage;
        }
    }

    protected final StepMap map;
    private final BuildListener listener;
    private final Map<Integer, StageState> stages = new TreeMap<>();
    private StepMap.Step failed;
    private String reason;

    protected ProgressTracker(StepMap map, BuildListener listener) {
        this.map = map;
        this.listener = listener;
    }

    /** The step the tool said failed, or the step it was running when it stopped. */
    Optional<StepMap.Step> failedStep() {
        return Optional.ofNullable(failed).or(this::running);
    }

    /** The tool's own words on why it failed, if it said. */
    Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    /** A step that started and has neither finished nor been served from the cache. */
    protected abstract Optional<StepMap.Step> running();

    protected final void stageSeen(Stage s) {
        if (!stages.containsKey(s.index())) {
            stages.put(s.index(), new StageState(s));
            listener.on(new BuildEvent.StageStarted(s.displayName(), s.index()));
        }
    }

    protected final void started(StepMap.Step step) {
        stageSeen(step.stage());
        stages.get(step.stage().index()).steps++;
        listener.on(new BuildEvent.StepStarted(step.id(), step.text(), step.range()));
    }

    protected final void cached(StepMap.Step step) {
        stageSeen(step.stage());
        stages.get(step.stage().index()).cachedSteps++;
        listener.on(new BuildEvent.StepCached(step.id()));
    }

    protected final void finished(StepMap.Step step, Duration elapsed) {
        listener.on(new BuildEvent.StepFinished(step.id(), elapsed));
    }

    protected final void output(StepMap.Step step, String line) {
        listener.on(new BuildEvent.StepOutput(step.id(), line));
    }

    protected final void note(String line) {
        if (!line.isBlank()) {
            listener.on(new BuildEvent.Note(line.strip()));
        }
    }

    protected final void warning(String line) {
        listener.on(new BuildEvent.Warning(line.strip()));
    }

    protected final void failed(StepMap.Step step, String why) {
        if (failed == null) {
            failed = step;
        }
        if (why != null && reason == null) {
            reason = why;
        }
    }

    protected final void failedReason(String why) {
        if (reason == null) {
            reason = why;
        }
    }

    /** Ends a stage: its time runs from its first line to now. */
    protected final void stageDone(Stage s) {
        StageState st = stages.get(s.index());
        if (st == null || st.finished) {
            return;
        }
        st.finished = true;
        st.end = System.nanoTime();
        boolean cached = st.steps == 0 && st.cachedSteps > 0 || st.steps > 0 && st.cachedSteps >= st.steps;
        listener.on(new BuildEvent.StageFinished(s.displayName(), s.index(), Duration.ofNanos(st.end - st.start),
                cached));
    }

    /** Called once the tool has exited successfully: ends every stage still open. */
    void complete() {
        for (StageState st : List.copyOf(stages.values())) {
            stageDone(st.stage);
        }
    }

    /** Per-stage wall times as far as the tool's output shows them, in Dockerfile order. */
    List<BuildResult.StageTiming> timings() {
        List<BuildResult.StageTiming> out = new ArrayList<>();
        for (StageState st : stages.values()) {
            long end = st.finished ? st.end : System.nanoTime();
            boolean cached = st.steps > 0 && st.cachedSteps >= st.steps;
            out.add(new BuildResult.StageTiming(st.stage.displayName(), Duration.ofNanos(end - st.start), cached,
                    st.stage.instructions().size()));
        }
        return out;
    }
}
