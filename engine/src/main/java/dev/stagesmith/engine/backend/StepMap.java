package dev.stagesmith.engine.backend;

import dev.stagesmith.engine.build.BuildEvent.StepId;
import dev.stagesmith.engine.build.BuildException;
import dev.stagesmith.engine.build.BuildRequest;
import dev.stagesmith.grammar.Dockerfiles;
import dev.stagesmith.grammar.ParsedDockerfile;
import dev.stagesmith.grammar.SyntaxError;
import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.grammar.stages.ModelOptions;
import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.grammar.stages.StageGraph;
import dev.stagesmith.grammar.syntax.Instruction;
import java.util.List;
import java.util.Optional;

/**
 * The parsed Dockerfile an external tool builds, so the steps it reports ({@code [2/3] STEP 4/5: RUN make},
 * {@code [build 4/5] RUN make}) can be pinned to their instruction and line. Step 1 of a stage is its FROM,
 * step k the (k-1)th instruction after it: podman, buildah and BuildKit all count that way, and so does the
 * embedded engine's {@link StepId}.
 */
final class StepMap {

    /** One instruction the tool ran. */
    record Step(Stage stage, Instruction instruction, StepId id, String text, TextRange range, int line) {}

    private final ParsedDockerfile file;
    private final StageGraph graph;
    private final String fileName;

    private StepMap(ParsedDockerfile file, StageGraph graph, String fileName) {
        this.file = file;
        this.graph = graph;
        this.fileName = fileName;
    }

    /** Parses the request's Dockerfile; a syntax error fails here, as it would in the embedded engine. */
    static StepMap of(BuildRequest request) throws BuildException {
        ParsedDockerfile file = Dockerfiles.parse(request.dockerfileText());
        String name = request.dockerfile().getFileName() == null ? "Dockerfile"
                : request.dockerfile().getFileName().toString();
        if (file.hasErrors()) {
            SyntaxError e = file.errors().get(0);
            throw new BuildException(name + ":" + file.lineNumber(e.range().start()) + ": " + e.message());
        }
        ModelOptions options = ModelOptions.defaults().withBuildArgs(request.buildArgs())
                .withTargetPlatform(request.platform());
        StageGraph graph = StageGraph.of(file, request.target().map(options::withTarget).orElse(options));
        if (graph.stages().isEmpty()) {
            throw new BuildException(name + " has no FROM instruction, so there is nothing to build");
        }
        return new StepMap(file, graph, name);
    }

    StageGraph graph() {
        return graph;
    }

    String fileName() {
        return fileName;
    }

    /** The stage the build is for: {@code --target}, or the last one. */
    Stage target(Optional<String> target) throws BuildException {
        if (target.isEmpty()) {
            return graph.defaultTarget().orElseThrow();
        }
        Optional<Stage> s = graph.findTarget(target.get());
        if (s.isEmpty()) {
            List<String> names = graph.stages().stream().map(Stage::targetName).toList();
            throw new BuildException(fileName + ": target stage \"" + target.get() + "\" could not be found; stages: "
                    + String.join(", ", names));
        }
        return s.get();
    }

    /** A stage by its position from 0, if the file has it. */
    Optional<Stage> stage(int index) {
        return index >= 0 && index < graph.stages().size() ? Optional.of(graph.stage(index)) : Optional.empty();
    }

    /** A stage by the name BuildKit shows: its own name or {@code stage-N}. */
    Optional<Stage> stageNamed(String display) {
        for (Stage s : graph.stages()) {
            if (s.displayName().equals(display)) {
                return Optional.of(s);
            }
        }
        return graph.findByName(display);
    }

    /**
     * The instruction a tool reports as step {@code number} of {@code stage} with {@code text}. The position
     * decides when the text agrees (tools print FROM with the base resolved, so FROM is taken on position
     * alone); otherwise the first instruction of the stage, then of the file, whose text matches.
     */
    Optional<Step> find(Optional<Stage> stage, int number, String text) {
        String wanted = normalize(text);
        if (stage.isPresent()) {
            Stage s = stage.get();
            int count = s.instructions().size() + 1;
            if (number == 1) {
                return Optional.of(step(s, s.from(), 1, count));
            }
            if (number >= 2 && number <= count) {
                Instruction i = s.instructions().get(number - 2);
                // Tools print arguments with ARGs expanded, so the keyword is what must agree at a position.
                if (matches(i, wanted) || sameKeyword(i, wanted)) {
                    return Optional.of(step(s, i, number, count));
                }
            }
            Optional<Step> inStage = byText(s, wanted);
            if (inStage.isPresent()) {
                return inStage;
            }
        }
        for (Stage s : graph.stages()) {
            Optional<Step> found = byText(s, wanted);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** The failure of a step, naming file:line and stage, as the embedded engine's failures do. */
    BuildException failure(Step step, String message) {
        return new BuildException(fileName + ":" + step.line() + ": stage " + step.stage().displayName() + ": "
                + message, step.stage().displayName(), step.line(), step.range(), null);
    }

    private Optional<Step> byText(Stage s, String wanted) {
        int count = s.instructions().size() + 1;
        for (int k = 0; k < s.instructions().size(); k++) {
            if (matches(s.instructions().get(k), wanted)) {
                return Optional.of(step(s, s.instructions().get(k), k + 2, count));
            }
        }
        return Optional.empty();
    }

    private boolean matches(Instruction i, String wanted) {
        String own = normalize(textOf(i));
        // Tools shorten long instructions and drop heredoc bodies, so a prefix either way is a match.
        return !wanted.isEmpty() && (own.equals(wanted) || own.startsWith(wanted) || wanted.startsWith(own)
                || own.equalsIgnoreCase(wanted));
    }

    private static boolean sameKeyword(Instruction i, String wanted) {
        int sp = wanted.indexOf(' ');
        return (sp < 0 ? wanted : wanted.substring(0, sp)).equalsIgnoreCase(i.name());
    }

    private Step step(Stage s, Instruction i, int number, int count) {
        StepId id = new StepId(s.displayName(), s.index(), number, count);
        return new Step(s, i, id, display(i), i.range(), file.startLine(i.range()));
    }

    private String textOf(Instruction i) {
        TextRange r = i.range();
        return file.text().substring(r.start(), Math.min(r.end(), file.text().length()));
    }

    /** The instruction's first line, as the embedded engine shows steps. */
    String display(Instruction i) {
        String text = textOf(i);
        int nl = text.indexOf('\n');
        String first = nl < 0 ? text : text.substring(0, nl);
        return first.strip().replaceAll("\\s+", " ") + (nl >= 0 && nl < text.strip().length() ? " ..." : "");
    }

    /** Joins continuation lines and collapses white space, as tools print an instruction. */
    static String normalize(String text) {
        String s = text.replaceAll("\\\\\\r?\\n", " ");
        int nl = s.indexOf('\n');
        if (nl >= 0) {
            s = s.substring(0, nl);
        }
        return s.strip().replaceAll("\\s+", " ");
    }
}
