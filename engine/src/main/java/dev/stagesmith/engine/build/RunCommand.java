package dev.stagesmith.engine.build;

import dev.stagesmith.grammar.syntax.Command;
import dev.stagesmith.grammar.syntax.Heredoc;
import dev.stagesmith.grammar.syntax.Run;
import dev.stagesmith.grammar.syntax.Word;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a RUN executes, as BuildKit's {@code dispatchRun} works it out: the exec form verbatim; the shell form
 * through SHELL (default {@code /bin/sh -c}); a lone heredoc's body given to the shell as the command, or, when
 * it starts with {@code #!}, written to {@code /dev/pipes/<name>} and run as a file; any other heredoc appended
 * to the command line so the shell reads it. The environment is the stage's ENV and in-scope ARG values, with
 * BuildKit's default PATH when none is set.
 *
 * @param argv the process's argument vector
 * @param script a file the command runs, by name under {@link #PIPES}, or empty
 */
record RunCommand(List<String> argv, Optional<Script> script) {

    static final String PIPES = "/dev/pipes";
    static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    static final List<String> DEFAULT_SHELL = List.of("/bin/sh", "-c");

    /** BuildKit's heredoc marker word ({@code parser.MustParseHeredoc}). */
    private static final Pattern HEREDOC_WORD = Pattern.compile("^(\\d*)<<(-?)\\s*([^<]*)$");

    /** A heredoc with a shebang, run as an executable file. */
    record Script(String name, String body) {}

    RunCommand {
        argv = List.copyOf(argv);
    }

    static RunCommand of(Run run, List<String> shell) throws StepFailure {
        Command c = run.command().orElseThrow(() -> new StepFailure("RUN needs a command"));
        if (c instanceof Command.ExecForm exec) {
            if (exec.arguments().isEmpty()) {
                throw new StepFailure("RUN needs a command: the JSON array is empty");
            }
            return new RunCommand(exec.arguments().stream().map(Word::value).toList(), Optional.empty());
        }
        String script = ((Command.ShellForm) c).script().value();
        List<Heredoc> docs = run.heredocs();
        Optional<Script> file = Optional.empty();
        if (!docs.isEmpty()) {
            for (Heredoc h : docs) {
                if (!h.terminated()) {
                    throw new StepFailure("unterminated heredoc " + h.name() + ": end it with a line '" + h.name() + "'");
                }
            }
            if (docs.size() == 1 && HEREDOC_WORD.matcher(script.strip()).matches()) {
                Heredoc h = docs.get(0);
                String body = h.content();
                if (body.startsWith("#!")) {
                    file = Optional.of(new Script(h.name(), body));
                    script = PIPES + "/" + h.name();
                } else {
                    script = body;
                }
            } else {
                StringBuilder sb = new StringBuilder(script);
                for (Heredoc h : docs) {
                    sb.append('\n').append(h.body()).append(h.name());
                }
                script = sb.toString();
            }
        }
        List<String> argv = new ArrayList<>(shell.isEmpty() ? DEFAULT_SHELL : shell);
        argv.add(script);
        return new RunCommand(argv, file);
    }

    /** The process environment: the build env in order, plus PATH when unset. */
    static List<String> env(Map<String, String> buildEnv) {
        Map<String, String> env = new LinkedHashMap<>(buildEnv);
        env.putIfAbsent("PATH", DEFAULT_PATH);
        List<String> out = new ArrayList<>();
        env.forEach((k, v) -> out.add(k + "=" + v));
        return out;
    }

    /**
     * BuildKit's history text: {@code RUN |N A=1 B=2 argv...}, where the {@code |N} part lists the ARG values
     * in use (the build env entries that are not ENV).
     */
    String history(Map<String, String> buildEnv, Set<String> envNames) {
        List<String> args = new ArrayList<>();
        buildEnv.forEach((k, v) -> {
            if (!envNames.contains(k)) {
                args.add(k + "=" + v);
            }
        });
        StringBuilder sb = new StringBuilder("RUN ");
        if (!args.isEmpty()) {
            sb.append('|').append(args.size()).append(' ').append(String.join(" ", args)).append(' ');
        }
        return sb.append(String.join(" ", argv)).append(" # buildkit").toString();
    }
}
