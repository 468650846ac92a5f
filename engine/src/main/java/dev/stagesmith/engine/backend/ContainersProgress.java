package dev.stagesmith.engine.backend;

import dev.stagesmith.engine.build.BuildListener;
import dev.stagesmith.grammar.stages.Stage;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what {@code podman build} and {@code buildah build} print: {@code [2/3] STEP 4/5: RUN make} starts
 * a step ({@code [stage/stages]} is left out for a one-stage file), {@code --> Using cache ID} says it came
 * from the cache, {@code --> ID} that it is done, and {@code building at STEP "RUN make": exit status 2}
 * why the build failed. Everything between a step's start and its end is that step's output.
 */
final class ContainersProgress extends ProgressTracker {

    private static final Pattern STEP = Pattern.compile("^(?:\\[(\\d+)/(\\d+)\\] )?STEP (\\d+)/(\\d+): (.*)$");
    private static final Pattern CACHE = Pattern.compile("^--> Using cache [0-9a-f]+$");
    private static final Pattern DONE = Pattern.compile("^--> [0-9a-f]+$");
    private static final Pattern COMMIT = Pattern.compile("^(?:\\[\\d+/\\d+\\] )?COMMIT\\b.*$");
    private static final Pattern ERROR = Pattern.compile("^(?:Error: |error )?(?:error )?building at STEP \"(.*?)\": (.*)$");
    private static final Pattern OTHER_ERROR = Pattern.compile("^Error: (.*)$");
    /** Some errors quote a whole Go struct; the first line of an error must stay readable. */
    private static final int MAX_REASON = 200;

    private final Stage fallbackStage;
    private StepMap.Step current;
    private long currentStart;
    private boolean currentCached;
    private Stage stage;

    /** @param fallbackStage the stage a step belongs to when the tool leaves out {@code [stage/stages]} */
    ContainersProgress(StepMap map, BuildListener listener, Stage fallbackStage) {
        super(map, listener);
        this.fallbackStage = fallbackStage;
    }

    @Override
    public void accept(String line) {
        Matcher m = STEP.matcher(line);
        if (m.matches()) {
            endCurrent();
            Optional<Stage> s = m.group(1) != null ? map.stage(Integer.parseInt(m.group(1)) - 1)
                    : Optional.of(fallbackStage);
            if (stage != null && s.isPresent() && stage.index() != s.get().index()) {
                stageDone(stage);
            }
            int number = Integer.parseInt(m.group(3));
            Optional<StepMap.Step> step = map.find(s, number, m.group(5));
            if (step.isEmpty()) {
                note(line);
                return;
            }
            stage = step.get().stage();
            stageSeen(stage);
            if (number == 1) {
                return; // FROM: what it prints (pulling) is about the build, not a step
            }
            current = step.get();
            currentStart = System.nanoTime();
            currentCached = false;
            started(current);
            return;
        }
        Matcher e = ERROR.matcher(line);
        if (e.matches()) {
            Optional<StepMap.Step> named = current != null ? Optional.of(current)
                    : map.find(Optional.ofNullable(stage), -1, e.group(1));
            named.ifPresentOrElse(st -> failed(st, e.group(2)), () -> failedReason(e.group(2)));
            return;
        }
        if (line.startsWith("[Warning] ")) {
            warning(line.substring("[Warning] ".length()));
            return;
        }
        Matcher other = OTHER_ERROR.matcher(line);
        if (other.matches()) {
            String why = other.group(1);
            failedReason(why.length() > MAX_REASON ? why.substring(0, MAX_REASON) + "..." : why);
            if (current != null) {
                output(current, line);
            }
            return;
        }
        if (current != null && CACHE.matcher(line).matches()) {
            currentCached = true;
            cached(current);
            return;
        }
        if (current != null && DONE.matcher(line).matches()) {
            if (!currentCached) {
                finished(current, Duration.ofNanos(System.nanoTime() - currentStart));
            }
            current = null;
            return;
        }
        if (DONE.matcher(line).matches() || CACHE.matcher(line).matches()) {
            return;
        }
        if (COMMIT.matcher(line).matches()) {
            endCurrent();
            if (stage != null) {
                stageDone(stage);
            }
            note(line);
            return;
        }
        if (current != null) {
            output(current, line);
        } else {
            note(line);
        }
    }

    /** A step without an {@code -->} line (the last of a stage, before COMMIT) ends when the next begins. */
    private void endCurrent() {
        if (current != null) {
            if (!currentCached) {
                finished(current, Duration.ofNanos(System.nanoTime() - currentStart));
            }
            current = null;
        }
    }

    @Override
    protected Optional<StepMap.Step> running() {
        return Optional.ofNullable(current);
    }
}
