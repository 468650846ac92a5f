package dev.stagesmith.engine.backend;

import dev.stagesmith.engine.build.BuildListener;
import dev.stagesmith.grammar.stages.Stage;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads BuildKit's plain progress ({@code docker buildx build --progress plain}). Each vertex has a number:
 * {@code #7 [build 2/4] RUN make} names it, {@code #7 0.512 text} is its output, {@code #7 DONE 1.2s},
 * {@code #7 CACHED} and {@code #7 ERROR: why} end it. Vertices run in parallel, so lines interleave; the
 * closing {@code > [build 2/4] RUN make:} block and {@code ERROR: failed to solve: ...} name the failure
 * when no vertex did.
 */
final class BuildkitProgress extends ProgressTracker {

    private static final Pattern NAMED = Pattern.compile("^#(\\d+) \\[(.+?) (\\d+)/(\\d+)\\] (.*)$");
    private static final Pattern DONE = Pattern.compile("^#(\\d+) DONE ([0-9.]+)s$");
    private static final Pattern CACHED = Pattern.compile("^#(\\d+) CACHED$");
    private static final Pattern ERROR = Pattern.compile("^#(\\d+) ERROR:? (.*)$");
    private static final Pattern LOG = Pattern.compile("^#(\\d+) [0-9]+\\.[0-9]+ (.*)$");
    private static final Pattern SUMMARY = Pattern.compile("^\\s*> \\[(.+?) (\\d+)/(\\d+)\\] (.*):$");
    private static final Pattern FINAL = Pattern.compile("^ERROR: (.*)$");

    /** A vertex that is a Dockerfile step, with how many steps its stage has. */
    private record Vertex(StepMap.Step step, boolean from, int of) {}

    private final Map<Integer, Vertex> vertices = new HashMap<>();
    private final Map<Integer, Vertex> open = new LinkedHashMap<>();

    BuildkitProgress(StepMap map, BuildListener listener) {
        super(map, listener);
    }

    @Override
    public void accept(String line) {
        Matcher m;
        if ((m = NAMED.matcher(line)).matches()) {
            named(Integer.parseInt(m.group(1)), m.group(2), Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(4)), m.group(5));
        } else if ((m = DONE.matcher(line)).matches()) {
            Vertex v = open.remove(Integer.parseInt(m.group(1)));
            if (v != null && !v.from()) {
                finished(v.step(), Duration.ofMillis(Math.round(Double.parseDouble(m.group(2)) * 1000)));
            }
            endStageIfLast(v);
        } else if ((m = CACHED.matcher(line)).matches()) {
            Vertex v = open.remove(Integer.parseInt(m.group(1)));
            if (v != null && !v.from()) {
                cached(v.step());
            }
            endStageIfLast(v);
        } else if ((m = ERROR.matcher(line)).matches()) {
            Vertex v = vertices.get(Integer.parseInt(m.group(1)));
            if (v != null) {
                failed(v.step(), m.group(2));
            } else {
                failedReason(m.group(2));
            }
        } else if ((m = LOG.matcher(line)).matches()) {
            Vertex v = vertices.get(Integer.parseInt(m.group(1)));
            if (v != null && !v.from()) {
                output(v.step(), m.group(2));
            }
        } else if ((m = SUMMARY.matcher(line)).matches()) {
            Optional<Stage> s = stageOf(m.group(1));
            int number = Integer.parseInt(m.group(2));
            String text = m.group(4);
            map.find(s, number, text).ifPresent(st -> failed(st, null));
        } else if ((m = FINAL.matcher(line)).matches()) {
            failedReason(m.group(1));
        } else if (!line.startsWith("#")) {
            note(line);
        }
    }

    private void named(int vertex, String stageName, int number, int count, String text) {
        Optional<Stage> s = stageOf(stageName);
        Optional<StepMap.Step> step = map.find(s, number, text);
        if (step.isEmpty() || vertices.containsKey(vertex)) {
            return;
        }
        Vertex v = new Vertex(step.get(), number == 1, count);
        vertices.put(vertex, v);
        open.put(vertex, v);
        if (v.from()) {
            stageSeen(v.step().stage());
        } else {
            started(v.step());
        }
    }

    private void endStageIfLast(Vertex v) {
        if (v != null && v.step().id().index() == v.of()) {
            stageDone(v.step().stage());
        }
    }

    /** {@code build}, {@code stage-2}, or with several platforms {@code linux/arm64 build}. */
    private Optional<Stage> stageOf(String shown) {
        String name = shown.contains(" ") ? shown.substring(shown.lastIndexOf(' ') + 1) : shown;
        return map.stageNamed(name);
    }

    @Override
    protected Optional<StepMap.Step> running() {
        return open.values().stream().filter(v -> !v.from()).map(Vertex::step).reduce((a, b) -> b);
    }
}
