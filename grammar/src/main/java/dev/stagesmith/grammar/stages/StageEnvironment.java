package dev.stagesmith.grammar.stages;

import dev.stagesmith.grammar.expand.ExpansionException;
import dev.stagesmith.grammar.expand.Expander;
import dev.stagesmith.grammar.syntax.Arg;
import dev.stagesmith.grammar.syntax.ArgDeclaration;
import dev.stagesmith.grammar.syntax.Env;
import dev.stagesmith.grammar.syntax.Instruction;
import dev.stagesmith.grammar.syntax.KeyValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The build environment through one stage, as BuildKit keeps it: one ordered map where ENV and
 * valued ARGs write (the last write wins), starting from the parent stage's final environment for
 * {@code FROM <stage>}, from {@code PATH} alone for {@code FROM scratch}, and from an unknown image
 * environment otherwise.
 */
public final class StageEnvironment {

    private final Scope initial;
    private final List<Scope> before;
    private final Scope end;

    private StageEnvironment(Scope initial, List<Scope> before, Scope end) {
        this.initial = initial;
        this.before = before;
        this.end = end;
    }

    static StageEnvironment of(Stage stage, Scope initial, ArgScope global, char escape,
            List<ExpansionProblem> problems) {
        Map<String, Binding> env = new LinkedHashMap<>(initial.bindings());
        boolean open = initial.open();
        Scope current = initial;
        List<Scope> before = new ArrayList<>(stage.instructions().size());
        for (Instruction i : stage.instructions()) {
            before.add(current);
            if (i instanceof Env e) {
                applyEnv(e, stage.index(), env, current, escape, problems);
                current = new Scope(env, open);
            } else if (i instanceof Arg a) {
                applyArg(a, stage.index(), env, open, global, escape, problems);
                current = new Scope(env, open);
            }
        }
        return new StageEnvironment(initial, List.copyOf(before), current);
    }

    /** All pairs of one ENV see the environment from before the instruction, as in BuildKit. */
    private static void applyEnv(Env e, int stage, Map<String, Binding> env, Scope before, char escape,
            List<ExpansionProblem> problems) {
        for (KeyValue kv : e.pairs()) {
            String key = ArgScope.expand(kv.key().value(), before, escape, kv.key().range(), problems);
            String value = ArgScope.expand(kv.value().value(), before, escape, kv.value().range(), problems);
            env.put(key, new Binding(key, value, Binding.Origin.ENV, kv.key().range(), stage));
        }
    }

    /**
     * Each name of one ARG sees the names before it. The value is the build arg if given, else the
     * default expanded now, else the global value of the same name (a bare {@code ARG NAME}).
     */
    private static void applyArg(Arg a, int stage, Map<String, Binding> env, boolean open, ArgScope global,
            char escape, List<ExpansionProblem> problems) {
        for (ArgDeclaration d : a.declarations()) {
            String name = d.name().value();
            String value = null;
            if (global.buildArg(name).isPresent()) {
                value = global.buildArg(name).get();
            } else if (d.defaultValue().isPresent()) {
                value = ArgScope.expand(d.defaultValue().get().value(), new Scope(env, open), escape,
                        d.defaultValue().get().range(), problems);
            } else {
                value = global.inherited(name).map(Binding::value).orElse(null);
            }
            Binding b = new Binding(name, value, Binding.Origin.ARG, d.name().range(), stage);
            if (value != null) {
                env.put(name, b);
            } else {
                // Declared without a value: BuildKit leaves the environment as it was.
                env.putIfAbsent(name, b);
            }
        }
    }

    /** The variables at the start of the stage (inherited from its base). */
    public Scope initial() {
        return initial;
    }

    /** The variables visible to the stage's {@code index}-th instruction after FROM. */
    public Scope before(int index) {
        return index < before.size() ? before.get(index) : end;
    }

    /** The variables at the end of the stage, which a stage built on this one inherits. */
    public Scope end() {
        return end;
    }

    /** Expands {@code word} as it would be at the stage's {@code index}-th instruction. */
    public String expand(String word, int index, char escape) throws ExpansionException {
        return Expander.expand(word, before(index).variables(), escape);
    }
}
