package dev.stagesmith.grammar.stages;

import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.grammar.expand.ExpansionException;
import dev.stagesmith.grammar.expand.Expander;
import dev.stagesmith.grammar.syntax.Arg;
import dev.stagesmith.grammar.syntax.ArgDeclaration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The global scope: BuildKit's automatic platform args plus the ARGs before the first FROM (meta args),
 * each overridden by a {@code --build-arg} of the same name. These are visible in FROM lines only, and
 * inside a stage only once it redeclares them with {@code ARG NAME}.
 */
public final class ArgScope {

    /** BuildKit's {@code PATH} for images without one, and for {@code FROM scratch}. */
    public static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private final Map<String, Binding> global;
    private final List<Binding> declared;
    private final Map<String, String> buildArgs;
    private final List<ExpansionProblem> problems;

    private ArgScope(Map<String, Binding> global, List<Binding> declared, Map<String, String> buildArgs,
            List<ExpansionProblem> problems) {
        this.global = global;
        this.declared = declared;
        this.buildArgs = buildArgs;
        this.problems = problems;
    }

    /**
     * Evaluates the meta args in order: each default is expanded with the global scope so far, then a
     * build arg of the same name replaces it.
     */
    static ArgScope of(List<Arg> metaArgs, ModelOptions options, String targetStage, char escape) {
        Map<String, Binding> global = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : automaticArgs(options, targetStage).entrySet()) {
            String value = options.buildArgs().getOrDefault(e.getKey(), e.getValue());
            global.put(e.getKey(), new Binding(e.getKey(), value, Binding.Origin.AUTOMATIC, TextRange.empty(0), -1));
        }
        List<Binding> declared = new ArrayList<>();
        List<ExpansionProblem> problems = new ArrayList<>();
        for (Arg arg : metaArgs) {
            for (ArgDeclaration d : arg.declarations()) {
                String name = d.name().value();
                String value = null;
                if (d.defaultValue().isPresent()) {
                    value = expand(d.defaultValue().get().value(), new Scope(global, false), escape,
                            d.defaultValue().get().range(), problems);
                }
                if (options.buildArgs().containsKey(name)) {
                    value = options.buildArgs().get(name);
                }
                Binding b = new Binding(name, value, Binding.Origin.GLOBAL_ARG, d.name().range(), -1);
                declared.add(b);
                if (value != null) {
                    global.put(name, b);
                }
            }
        }
        return new ArgScope(global, List.copyOf(declared), options.buildArgs(), problems);
    }

    /** BuildKit's automatic args: build and target platform and their parts, and the target stage. */
    static Map<String, String> automaticArgs(ModelOptions options, String targetStage) {
        Map<String, String> args = new LinkedHashMap<>();
        put(args, "BUILD", options.buildPlatform());
        put(args, "TARGET", options.targetPlatform());
        args.put("TARGETSTAGE", targetStage == null || targetStage.isEmpty() ? "default" : targetStage);
        return args;
    }

    private static void put(Map<String, String> args, String prefix, Platform p) {
        args.put(prefix + "PLATFORM", p.toString());
        args.put(prefix + "OS", p.os());
        args.put(prefix + "ARCH", p.arch());
        args.put(prefix + "VARIANT", p.variant().orElse(""));
        // Only Windows platforms carry an OS version; BuildKit still defines the arg, empty.
        args.put(prefix + "OSVERSION", "");
    }

    static String expand(String word, Scope scope, char escape, TextRange where, List<ExpansionProblem> problems) {
        try {
            return Expander.expand(word, scope.variables(), escape);
        } catch (ExpansionException e) {
            problems.add(new ExpansionProblem(e.getMessage(), where));
            return word;
        }
    }

    /** What FROM lines see: the automatic args and the meta args that have a value. */
    public Scope scope() {
        return new Scope(global, false);
    }

    /** The ARGs declared before the first FROM, in order, with their final values (null when unset). */
    public List<Binding> declared() {
        return declared;
    }

    /** A global value a stage inherits with a bare {@code ARG NAME}, automatic args included. */
    public Optional<Binding> inherited(String name) {
        return Optional.ofNullable(global.get(name));
    }

    /** The {@code --build-arg} value for {@code name}, if one was given. */
    public Optional<String> buildArg(String name) {
        return Optional.ofNullable(buildArgs.get(name));
    }

    public List<ExpansionProblem> problems() {
        return List.copyOf(problems);
    }
}
