package dev.stagesmith.server.cli;

import dev.stagesmith.grammar.Dockerfiles;
import dev.stagesmith.grammar.ParsedDockerfile;
import dev.stagesmith.grammar.dump.BuildKitDump;
import dev.stagesmith.grammar.dump.TreePrinter;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stagesmith parse}: shows how a Dockerfile parses, as a typed tree or in BuildKit's own test format. */
@Command(
        name = "parse",
        mixinStandardHelpOptions = true,
        description = {
            "Parse a Dockerfile and print its syntax tree: every node with its range (line:col-line:col).",
            "With --dump, print BuildKit's parser-test dump instead (one '(keyword ...)' line per instruction)."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:parsed", "1:syntax errors (printed as FILE:LINE: message on standard error)", "2:usage or I/O error"})
final class ParseCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--dump", description = "Print BuildKit's parser dump.")
    boolean dump;

    @Parameters(paramLabel = "FILE", description = "The Dockerfile ('-' reads standard input).")
    String file;

    private final InputStream in;

    ParseCommand(InputStream in) {
        this.in = in;
    }

    @Override
    public Integer call() {
        SourceFile source = SourceFile.read(file, in);
        ParsedDockerfile parsed = Dockerfiles.parse(source.text());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // BuildKit's dumper prints nothing for a file its parser rejects; the tree shows errors in place.
        if (!dump || !parsed.hasErrors()) {
            out.print(dump ? BuildKitDump.dump(parsed) : TreePrinter.print(parsed));
            out.flush();
        }
        source.printSyntaxErrors(parsed, err);
        return parsed.hasErrors() ? ExitCodes.PROBLEMS : ExitCodes.OK;
    }
}
