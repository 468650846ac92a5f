package dev.stagesmith.server.cli;

import dev.stagesmith.grammar.Dockerfiles;
import dev.stagesmith.grammar.ParsedDockerfile;
import dev.stagesmith.grammar.stages.ModelOptions;
import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.grammar.stages.StageGraph;
import dev.stagesmith.server.checks.CheckInput;
import dev.stagesmith.server.checks.Checker;
import dev.stagesmith.server.checks.Finding;
import dev.stagesmith.server.checks.Severity;
import dev.stagesmith.server.checks.style.DockerIgnoreFiles;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stagesmith check}: every rule over one or more Dockerfiles, for terminals, tools and code scanning. */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = {
            "Check Dockerfiles: syntax, stage references, ARG scopes and BuildKit's build checks.",
            "A directory is searched for Dockerfile, Dockerfile.*, *.Dockerfile and Containerfile."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no errors", "1:errors found", "2:usage or I/O error"})
final class CheckCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { text, json, sarif }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json or sarif (SARIF 2.1.0, for code scanning). Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--severity", paramLabel = "LEVEL", defaultValue = "info",
            description = "Report findings at least this serious: error, warning, info or hint. Default: ${DEFAULT-VALUE}.")
    String severity;

    @Option(names = "--target", paramLabel = "STAGE",
            description = "Only report problems in the stages this target needs (and outside any stage).")
    String target;

    @Option(names = "--build-arg", paramLabel = "NAME[=VALUE]", description = "A build argument, as for docker build.")
    List<String> buildArgs = new ArrayList<>();

    @Option(names = "--rule", paramLabel = "CODE=LEVEL",
            description = "A rule's severity: error, warning, info, hint or off (repeatable), e.g. --rule unused-stage=off.")
    List<String> ruleSeverities = new ArrayList<>();

    @Option(names = "--context", paramLabel = "DIR",
            description = "The build context, for .dockerignore (default: each Dockerfile's directory).")
    Path context;

    @Parameters(paramLabel = "PATH", arity = "1..*",
            description = "Dockerfiles or directories to search ('-' reads standard input).")
    List<String> paths;

    private final InputStream in;

    CheckCommand(InputStream in) {
        this.in = in;
    }

    /** One checked file and what was found in it. */
    record Checked(String name, ParsedDockerfile file, List<Finding> findings) {}

    @Override
    public Integer call() {
        Severity minimum = Severity.parse(severity).filter(s -> s != Severity.OFF).orElseThrow(() ->
                UserError.usage("--severity " + severity + " is not one of error, warning, info, hint"));
        Checker checker = Checker.withAllRules();
        Map<String, Severity> severities = severities(checker);
        List<Checked> results = new ArrayList<>();
        for (String name : expand(paths)) {
            results.add(check(checker, severities, SourceFile.read(name, in), minimum));
        }
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case json -> out.println(CheckReports.json(results));
            case sarif -> out.println(CheckReports.sarif(results, checker.rules()));
            default -> CheckReports.text(results, out);
        }
        out.flush();
        boolean errors = results.stream().flatMap(r -> r.findings().stream())
                .anyMatch(f -> f.severity() == Severity.ERROR);
        return errors ? ExitCodes.PROBLEMS : ExitCodes.OK;
    }

    /** {@code .dockerignore} of the build context, so CopyIgnoredFile can tell what the build will not see. */
    private Optional<java.util.function.Predicate<String>> ignoreFile(SourceFile source) {
        if (source.name().equals("<stdin>") && context == null) {
            return Optional.empty();
        }
        Path dockerfile = Path.of(source.name()).toAbsolutePath();
        Path dir = context != null ? context : dockerfile.getParent();
        return dir == null ? Optional.empty() : DockerIgnoreFiles.forBuild(dockerfile, dir);
    }

    private List<String> expand(List<String> given) {
        List<String> files = new ArrayList<>();
        for (String p : given) {
            Path path = Path.of(p);
            if (!p.equals("-") && Files.isDirectory(path)) {
                List<Path> found = DockerfileFinder.find(path);
                if (found.isEmpty()) {
                    throw UserError.usage("no Dockerfile found under " + p);
                }
                found.forEach(f -> files.add(f.toString()));
            } else {
                files.add(p);
            }
        }
        return files;
    }

    /** {@code --rule CODE=LEVEL} settings; codes match case-insensitively, unknown ones are usage errors. */
    private Map<String, Severity> severities(Checker checker) {
        Map<String, Severity> out = new java.util.HashMap<>();
        List<String> codes = checker.rules().stream().map(r -> r.code()).toList();
        for (String setting : ruleSeverities) {
            int eq = setting.indexOf('=');
            String code = eq < 0 ? setting : setting.substring(0, eq);
            Optional<String> known = codes.stream().filter(c -> c.equalsIgnoreCase(code)).findFirst();
            if (known.isEmpty()) {
                throw UserError.usage("--rule " + setting + ": no rule " + code + dev.stagesmith.grammar.ClosestMatch
                        .find(code, codes).map(c -> "; did you mean " + c + "?").orElse("; see docs/checks.md"));
            }
            Severity level = eq < 0 ? null : Severity.parse(setting.substring(eq + 1)).orElse(null);
            if (level == null) {
                throw UserError.usage("--rule " + setting + ": write CODE=LEVEL with LEVEL one of error, warning,"
                        + " info, hint, off");
            }
            out.put(known.get(), level);
        }
        return out;
    }

    private Checked check(Checker checker, Map<String, Severity> severities, SourceFile source, Severity minimum) {
        ParsedDockerfile parsed = Dockerfiles.parse(source.text());
        ModelOptions options = ModelOptions.defaults().withBuildArgs(BuildArgs.parse(buildArgs, System::getenv))
                .withTarget(target);
        StageGraph graph = StageGraph.of(parsed, options);
        CheckInput input = new CheckInput(parsed, graph, ignoreFile(source));
        List<Finding> findings = checker.check(input, severities).stream()
                .filter(f -> f.severity().atLeast(minimum))
                .toList();
        if (target != null) {
            Stage t = graph.findTarget(target).orElseThrow(() -> UserError.usage("target stage \"" + target
                    + "\" is not defined in " + source.name()
                    + graph.closestName(target).map(n -> "; did you mean \"" + n + "\"?").orElse("")));
            List<Stage> needed = graph.stagesFor(t);
            // A file BuildKit cannot parse fails whatever the target, so syntax errors always count.
            findings = findings.stream().filter(f -> f.code().equals("syntax-error")
                    || graph.stageAt(f.range().start()).map(needed::contains).orElse(true)).toList();
        }
        return new Checked(source.name(), parsed, findings);
    }
}
