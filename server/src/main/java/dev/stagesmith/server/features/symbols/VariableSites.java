package dev.stagesmith.server.features.symbols;

import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.grammar.expand.VariableReferences.Syntax;
import dev.stagesmith.grammar.stages.Binding;
import dev.stagesmith.grammar.stages.Expansions;
import dev.stagesmith.grammar.stages.Scope;
import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.grammar.stages.StageGraph;
import dev.stagesmith.grammar.syntax.Add;
import dev.stagesmith.grammar.syntax.Arg;
import dev.stagesmith.grammar.syntax.ArgDeclaration;
import dev.stagesmith.grammar.syntax.Cmd;
import dev.stagesmith.grammar.syntax.Command;
import dev.stagesmith.grammar.syntax.Copy;
import dev.stagesmith.grammar.syntax.Entrypoint;
import dev.stagesmith.grammar.syntax.Env;
import dev.stagesmith.grammar.syntax.Healthcheck;
import dev.stagesmith.grammar.syntax.Heredoc;
import dev.stagesmith.grammar.syntax.Instruction;
import dev.stagesmith.grammar.syntax.KeyValue;
import dev.stagesmith.grammar.syntax.Run;
import dev.stagesmith.grammar.syntax.Shell;
import dev.stagesmith.grammar.syntax.Word;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where variables are mentioned: the words BuildKit expands ({@link Expansions#expandedWords}, ARG
 * defaults, COPY/ADD heredoc bodies), the shell text of RUN, CMD, ENTRYPOINT and HEALTHCHECK when the
 * stage's shell is a POSIX one, and the ARG names and ENV keys that declare them. ONBUILD triggers are
 * left out: they are expanded by a later build.
 */
public final class VariableSites {

    /** Who expands the text, which decides what it sees. */
    public enum Context {
        /** The default of an ARG before the first FROM: automatic args and earlier global ARGs. */
        GLOBAL,
        /** A FROM line: the global scope. */
        FROM,
        /** A word BuildKit expands inside a stage. */
        BUILD,
        /** RUN shell text: the shell expands it during the build, with the stage's ARGs and ENVs. */
        SHELL,
        /** CMD, ENTRYPOINT or HEALTHCHECK shell text: expanded when the container runs, with ENVs only. */
        RUNTIME
    }

    /**
     * One text that may mention variables.
     *
     * @param declaration for an ARG default, which of the instruction's names it belongs to; else -1
     */
    public record Site(Place place, int declaration, Word word, Syntax syntax, Context context) {

        /** The stage whose variables the text sees; empty for the global scope. */
        public Optional<Stage> scopeStage() {
            return context == Context.GLOBAL || context == Context.FROM ? Optional.empty() : place.stage();
        }
    }

    /** An ARG name or ENV key, the {@code position}-th of its instruction. */
    public record Declaration(Place place, Word name, boolean arg, int position) {

        public String variableName() {
            return name.value();
        }
    }

    /** The variables visible to a site, unset ARGs included with a null value. */
    public record Visible(Map<String, Binding> bindings, boolean open) {

        public Optional<Binding> lookup(String name) {
            return Optional.ofNullable(bindings.get(name));
        }
    }

    private static final Set<String> POSIX_SHELLS = Set.of("sh", "bash", "ash", "dash", "zsh", "ksh", "mksh",
            "busybox");

    private VariableSites() {}

    /** The texts of one instruction that mention variables, in order. */
    public static List<Site> sites(StageGraph graph, Place place) {
        Instruction i = place.instruction();
        List<Site> out = new ArrayList<>();
        if (place.stage().isEmpty()) {
            if (place.isGlobalArg() && i instanceof Arg a) {
                argDefaults(place, a, Context.GLOBAL, out);
            }
            return out;
        }
        if (place.isFrom()) {
            Expansions.expandedWords(i).forEach(w -> out.add(new Site(place, -1, w, Syntax.WORD, Context.FROM)));
            return out;
        }
        if (i instanceof Arg a) {
            argDefaults(place, a, Context.BUILD, out);
            return out;
        }
        Expansions.expandedWords(i).forEach(w -> out.add(new Site(place, -1, w, Syntax.WORD, Context.BUILD)));
        List<Heredoc> copied = i instanceof Copy c ? c.heredocs() : i instanceof Add a ? a.heredocs() : List.of();
        for (Heredoc h : copied) {
            if (h.expand() && h.terminated()) {
                out.add(new Site(place, -1, body(h), Syntax.HEREDOC, Context.BUILD));
            }
        }
        if (posixShell(graph, place.stage().get(), place.index())) {
            shellText(graph, place, out);
        }
        return out;
    }

    /** The ARG names and ENV keys of one instruction. */
    public static List<Declaration> declarations(Place place) {
        List<Declaration> out = new ArrayList<>();
        Instruction i = place.instruction();
        if (i instanceof Arg a && (place.isGlobalArg() || (place.stage().isPresent() && !place.isFrom()))) {
            List<ArgDeclaration> ds = a.declarations();
            for (int k = 0; k < ds.size(); k++) {
                out.add(new Declaration(place, ds.get(k).name(), true, k));
            }
        } else if (i instanceof Env e && place.stage().isPresent()) {
            List<KeyValue> pairs = e.pairs();
            for (int k = 0; k < pairs.size(); k++) {
                if (!pairs.get(k).key().value().contains("$")) {
                    out.add(new Declaration(place, pairs.get(k).key(), false, k));
                }
            }
        }
        return out;
    }

    /** What {@code site} sees, as BuildKit (or the shell) evaluates it there. */
    public static Visible visible(StageGraph graph, Site site) {
        Place place = site.place();
        return switch (site.context()) {
            case GLOBAL -> new Visible(globalBefore(graph, place.index(), site.declaration()), false);
            case FROM -> new Visible(globalScope(graph), false);
            default -> inStage(graph, place, site.declaration());
        };
    }

    /** What a FROM line sees: automatic args and global ARGs, the unset ones with a null value. */
    public static Map<String, Binding> globalScope(StageGraph graph) {
        Map<String, Binding> visible = new LinkedHashMap<>(graph.args().scope().bindings());
        for (Binding b : graph.args().declared()) {
            visible.putIfAbsent(b.name(), b);
        }
        return visible;
    }

    /** The global ARG binding a declaration made, by the range of its name. */
    public static Optional<Binding> globalBinding(StageGraph graph, Word name) {
        return graph.args().declared().stream().filter(b -> b.range().equals(name.range())).findFirst();
    }

    /** The last global ARG declaration of {@code name}, whose value stages inherit. */
    public static Optional<Binding> lastGlobalDeclaration(StageGraph graph, String name) {
        Binding found = null;
        for (Binding b : graph.args().declared()) {
            if (b.name().equals(name)) {
                found = b;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The ARG declaration whose name is at {@code name} (a binding's range), if an ARG set it. */
    public static Optional<ArgDeclaration> argDeclaration(StageGraph graph, TextRange name) {
        for (Instruction i : graph.file().instructions()) {
            if (i instanceof Arg a && i.range().contains(name)) {
                return a.declarations().stream().filter(d -> d.name().range().equals(name)).findFirst();
            }
        }
        return Optional.empty();
    }

    private static Map<String, Binding> globalBefore(StageGraph graph, int instruction, int declaration) {
        Map<String, Binding> visible = new LinkedHashMap<>();
        for (Binding b : graph.args().scope().bindings().values()) {
            if (b.origin() == Binding.Origin.AUTOMATIC) {
                visible.put(b.name(), b);
            }
        }
        List<Binding> declared = graph.args().declared();
        int k = 0;
        List<Arg> args = graph.globalArgInstructions();
        for (int a = 0; a <= instruction && a < args.size(); a++) {
            int count = args.get(a).declarations().size();
            int limit = a < instruction ? count : declaration;
            for (int d = 0; d < count; d++, k++) {
                if (d < limit && k < declared.size()) {
                    Binding b = declared.get(k);
                    if (b.isSet()) {
                        visible.put(b.name(), b);
                    } else {
                        visible.putIfAbsent(b.name(), b);
                    }
                }
            }
        }
        return visible;
    }

    /** The stage's environment before the instruction; an ARG default also sees the names before it. */
    private static Visible inStage(StageGraph graph, Place place, int declaration) {
        Stage stage = place.stage().orElseThrow();
        Scope before = graph.environment(stage).before(place.index());
        if (declaration <= 0 || !(place.instruction() instanceof Arg arg)) {
            return new Visible(before.bindings(), before.open());
        }
        Map<String, Binding> after = graph.environment(stage).before(place.index() + 1).bindings();
        Map<String, Binding> visible = new LinkedHashMap<>(before.bindings());
        for (int k = 0; k < declaration && k < arg.declarations().size(); k++) {
            Word name = arg.declarations().get(k).name();
            Binding b = after.get(name.value());
            visible.put(name.value(), b != null ? b
                    : new Binding(name.value(), null, Binding.Origin.ARG, name.range(), stage.index()));
        }
        return new Visible(visible, before.open());
    }

    private static void argDefaults(Place place, Arg arg, Context context, List<Site> out) {
        List<ArgDeclaration> ds = arg.declarations();
        for (int k = 0; k < ds.size(); k++) {
            int position = k;
            ds.get(k).defaultValue().ifPresent(w -> out.add(new Site(place, position, w, Syntax.WORD, context)));
        }
    }

    private static void shellText(StageGraph graph, Place place, List<Site> out) {
        Instruction i = place.instruction();
        Optional<Command> command = i instanceof Run r ? r.command()
                : i instanceof Cmd c ? c.command()
                : i instanceof Entrypoint e ? e.command()
                : i instanceof Healthcheck h ? h.command() : Optional.empty();
        if (command.isEmpty() || !(command.get() instanceof Command.ShellForm form)) {
            return;
        }
        Context context = i instanceof Run ? Context.SHELL : Context.RUNTIME;
        out.add(new Site(place, -1, form.script(), Syntax.SHELL, context));
        if (i instanceof Run r) {
            runHeredocs(graph, place, form.script(), r.heredocs(), out);
        }
    }

    /**
     * {@code RUN <<EOF} alone runs the body as the script (unless a {@code #!} line names a non-POSIX
     * interpreter); otherwise a body is input the shell expands like a double-quoted string, unless the
     * marker is quoted.
     */
    private static void runHeredocs(StageGraph graph, Place place, Word script, List<Heredoc> heredocs,
            List<Site> out) {
        String text = graph.file().text();
        boolean alone = heredocs.size() == 1 && script.value().trim().equals(heredocs.get(0).markerRange().of(text));
        for (Heredoc h : heredocs) {
            if (alone) {
                if (!h.content().startsWith("#!") || POSIX_SHELLS.contains(interpreter(h.content()))) {
                    out.add(new Site(place, -1, body(h), Syntax.SHELL, Context.SHELL));
                }
            } else if (h.expand()) {
                out.add(new Site(place, -1, body(h), Syntax.HEREDOC, Context.SHELL));
            }
        }
    }

    private static Word body(Heredoc h) {
        return new Word(h.body(), h.bodyRange());
    }

    private static String interpreter(String content) {
        int nl = content.indexOf('\n');
        String[] parts = content.substring(2, nl < 0 ? content.length() : nl).trim().split("\\s+");
        String program = parts[0].substring(parts[0].lastIndexOf('/') + 1);
        return program.equals("env") && parts.length > 1 ? parts[1] : program;
    }

    /** Whether the stage's shell (the last SHELL here or up its FROM chain, else /bin/sh) reads {@code $NAME}. */
    private static boolean posixShell(StageGraph graph, Stage stage, int index) {
        if (graph.file().escape() != '\\') {
            return false;
        }
        Stage s = stage;
        int limit = index;
        while (true) {
            for (int j = limit - 1; j >= 0; j--) {
                if (s.instructions().get(j) instanceof Shell sh) {
                    return isPosix(sh);
                }
            }
            if (!(s.base() instanceof Stage.StageBase b) || b.index() >= s.index()) {
                return true;
            }
            s = graph.stage(b.index());
            limit = s.instructions().size();
        }
    }

    private static boolean isPosix(Shell shell) {
        if (shell.command().isEmpty() || !(shell.command().get() instanceof Command.ExecForm exec)
                || exec.arguments().isEmpty()) {
            return false;
        }
        String program = exec.arguments().get(0).value().toLowerCase(Locale.ROOT);
        program = program.substring(Math.max(program.lastIndexOf('/'), program.lastIndexOf('\\')) + 1);
        return POSIX_SHELLS.contains(program.endsWith(".exe") ? program.substring(0, program.length() - 4) : program);
    }
}
