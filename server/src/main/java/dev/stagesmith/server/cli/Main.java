package dev.stagesmith.server.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code stagesmith} command line: one jar, several commands. */
@Command(
        name = "stagesmith",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Stage-aware Dockerfile tooling: build, check, language server, parse, inspect stages.",
        subcommands = {BuildCommand.class, CacheCommand.class, CheckCommand.class, DoctorCommand.class, LspCommand.class,
                ParseCommand.class, StagesCommand.class,
                CommandLine.HelpCommand.class},
        synopsisSubcommandLabel = "COMMAND")
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, System.in, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs a command line and returns its exit code; what it prints goes to {@code out} and {@code err}. */
    public static int run(String[] args, InputStream in, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main(), new Factory(in));
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, a) -> {
            err.println("stagesmith: " + ex.getMessage());
            err.println("Run '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof UserError u) {
                err.println("stagesmith: " + u.getMessage());
                return u.exitCode();
            }
            err.println("stagesmith: internal error: " + ex + " (please report it; set STAGESMITH_DEBUG=1 for details)");
            if (System.getenv("STAGESMITH_DEBUG") != null) {
                ex.printStackTrace(err);
            }
            return ExitCodes.INTERNAL;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing COMMAND (build, cache, check, doctor, lsp, parse, stages)");
    }

    /** Gives commands the input stream to read {@code -} from, so tests can drive them in-process. */
    private record Factory(InputStream in) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            if (cls == ParseCommand.class) {
                return cls.cast(new ParseCommand(in));
            }
            if (cls == StagesCommand.class) {
                return cls.cast(new StagesCommand(in));
            }
            if (cls == CheckCommand.class) {
                return cls.cast(new CheckCommand(in));
            }
            return CommandLine.defaultFactory().create(cls);
        }
    }

    /** The version written into the jar's manifest at build time. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"stagesmith " + (v == null ? "development build" : v)};
        }
    }
}
