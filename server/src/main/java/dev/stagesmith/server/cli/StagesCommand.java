package dev.stagesmith.server.cli;

import dev.stagesmith.grammar.Dockerfiles;
import dev.stagesmith.grammar.ParsedDockerfile;
import dev.stagesmith.grammar.stages.ModelOptions;
import dev.stagesmith.grammar.stages.Platform;
import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.grammar.stages.StageGraph;
import dev.stagesmith.server.graph.GraphFormat;
import dev.stagesmith.server.graph.StageDiagram;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stagesmith stages}: the stages of a Dockerfile, and what a target needs, in build order. */
@Command(
        name = "stages",
        mixinStandardHelpOptions = true,
        description = {
            "List the stages of a Dockerfile: index, name, base, line and the stages each one needs.",
            "With --target, also print the build order of exactly the stages that target needs",
            "(BuildKit's pruning: stages nothing reaches are not built).",
            "--format dot|mermaid|svg draws the graph instead; svg needs no other program."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:listed", "1:the Dockerfile has syntax errors (listed anyway)",
                        "2:usage or I/O error, or an unknown target"})
final class StagesCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { text, json, dot, mermaid, svg }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--target", paramLabel = "STAGE",
            description = "The stage to build: a name (any case) or, for unnamed stages, an index.")
    String target;

    @Option(names = "--build-arg", paramLabel = "NAME[=VALUE]",
            description = "A build argument, as for docker build (NAME alone reads it from the environment).")
    List<String> buildArgs = new ArrayList<>();

    @Option(names = "--platform", paramLabel = "OS/ARCH[/VARIANT]",
            description = "The target platform for TARGETPLATFORM and friends (default: this machine).")
    String platform;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = {"text, json, or a picture of the graph: dot (Graphviz), mermaid, svg",
                           "(default: ${DEFAULT-VALUE}). With --target, pictures highlight the stages it needs."})
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write to FILE (replaced whole, never left half-written) instead of standard output.")
    Path output;

    @Parameters(paramLabel = "FILE", description = "The Dockerfile ('-' reads standard input).")
    String file;

    private final InputStream in;

    StagesCommand(InputStream in) {
        this.in = in;
    }

    @Override
    public Integer call() {
        SourceFile source = SourceFile.read(file, in);
        ParsedDockerfile parsed = Dockerfiles.parse(source.text());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        source.printSyntaxErrors(parsed, err);
        StageGraph graph = StageGraph.of(parsed, options());
        if (graph.stages().isEmpty()) {
            throw new UserError(source.name() + " has no FROM instruction, so it has no stages", ExitCodes.PROBLEMS);
        }
        Optional<Stage> chosen = Optional.empty();
        if (target != null) {
            chosen = Optional.of(graph.findTarget(target).orElseThrow(() -> unknownTarget(graph, source)));
        }
        StringWriter text = new StringWriter();
        PrintWriter to = output == null ? out : new PrintWriter(text);
        switch (format) {
            case json -> to.println(StagesJson.render(source.name(), graph, chosen));
            case text -> StagesText.render(graph, chosen, to);
            default -> to.print(GraphFormat.parse(format.name()).orElseThrow().render(StageDiagram.of(graph, chosen)));
        }
        to.flush();
        if (output != null) {
            OutputFiles.write(output, text.toString());
        }
        return parsed.hasErrors() ? ExitCodes.PROBLEMS : ExitCodes.OK;
    }

    private ModelOptions options() {
        ModelOptions options = ModelOptions.defaults().withBuildArgs(BuildArgs.parse(buildArgs, System::getenv));
        if (platform != null) {
            Platform p = Platform.parse(platform).orElseThrow(() -> UserError.usage(
                    "--platform " + platform + " is not a platform; write OS/ARCH[/VARIANT], e.g. linux/arm64"));
            options = options.withTargetPlatform(p);
        }
        return options.withTarget(target);
    }

    private UserError unknownTarget(StageGraph graph, SourceFile source) {
        StringBuilder msg = new StringBuilder("target stage \"" + target + "\" is not defined in " + source.name());
        graph.closestName(target).ifPresent(n -> msg.append("; did you mean \"").append(n).append("\"?"));
        List<String> names = graph.stages().stream().map(Stage::targetName).toList();
        int shown = Math.min(names.size(), 12);
        msg.append(" (stages: ").append(String.join(", ", names.subList(0, shown)));
        if (shown < names.size()) {
            msg.append(" and ").append(names.size() - shown).append(" more; see 'stagesmith stages FILE'");
        }
        msg.append(')');
        return new UserError(msg.toString(), ExitCodes.USAGE);
    }
}
