package dev.stagesmith.grammar.stages;

import dev.stagesmith.grammar.expand.ExpansionException;
import dev.stagesmith.grammar.expand.Expander;
import dev.stagesmith.grammar.syntax.Add;
import dev.stagesmith.grammar.syntax.Arg;
import dev.stagesmith.grammar.syntax.ArgDeclaration;
import dev.stagesmith.grammar.syntax.Copy;
import dev.stagesmith.grammar.syntax.Env;
import dev.stagesmith.grammar.syntax.Expose;
import dev.stagesmith.grammar.syntax.Flag;
import dev.stagesmith.grammar.syntax.From;
import dev.stagesmith.grammar.syntax.Heredoc;
import dev.stagesmith.grammar.syntax.Instruction;
import dev.stagesmith.grammar.syntax.KeyValue;
import dev.stagesmith.grammar.syntax.Label;
import dev.stagesmith.grammar.syntax.Run;
import dev.stagesmith.grammar.syntax.StopSignal;
import dev.stagesmith.grammar.syntax.User;
import dev.stagesmith.grammar.syntax.Volume;
import dev.stagesmith.grammar.syntax.Word;
import dev.stagesmith.grammar.syntax.Workdir;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where BuildKit expands variables, and only there: ENV and LABEL keys and values; ADD and COPY
 * sources, destination, {@code --chown}, {@code --chmod} and ADD's {@code --checksum} (never
 * {@code --from}); WORKDIR, USER, VOLUME, STOPSIGNAL, EXPOSE; ARG defaults; RUN's {@code --mount}
 * values; FROM's base and {@code --platform} (with global ARGs only). RUN, CMD, ENTRYPOINT, SHELL,
 * HEALTHCHECK, MAINTAINER and ONBUILD text is left to the shell or to a later build.
 */
public final class Expansions {

    /**
     * One expanded word: the result, the variables it used that were not set, or why it failed and where
     * in the word ({@code errorIndex}, -1 without an error).
     */
    public record Expanded(Word word, String value, Set<String> unresolved, Optional<String> error, int errorIndex) {}

    private Expansions() {}

    /** The words of {@code instruction} BuildKit expands, as written. */
    public static List<Word> expandedWords(Instruction instruction) {
        List<Word> out = new ArrayList<>();
        if (instruction instanceof From f) {
            f.base().ifPresent(out::add);
            f.platform().ifPresent(p -> flagValue(p, out));
        } else if (instruction instanceof Env e) {
            pairs(e.pairs(), out);
        } else if (instruction instanceof Label l) {
            pairs(l.pairs(), out);
        } else if (instruction instanceof Copy c) {
            copyWords(c.sources(), c.destination(), c.heredocs(), List.of(c.flag("chown"), c.flag("chmod")), out);
        } else if (instruction instanceof Add a) {
            copyWords(a.sources(), a.destination(), a.heredocs(),
                    List.of(a.flag("chown"), a.flag("chmod"), a.flag("checksum")), out);
        } else if (instruction instanceof Workdir || instruction instanceof User || instruction instanceof Volume
                || instruction instanceof StopSignal || instruction instanceof Expose) {
            out.addAll(instruction.args());
        } else if (instruction instanceof Arg a) {
            for (ArgDeclaration d : a.declarations()) {
                d.defaultValue().ifPresent(out::add);
            }
        } else if (instruction instanceof Run r) {
            r.flags("mount").forEach(f -> flagValue(f, out));
        }
        return out;
    }

    /**
     * Expands what {@code stage}'s {@code index}-th instruction (after FROM; -1 for the FROM itself)
     * expands, in the environment BuildKit would use there.
     */
    public static List<Expanded> expand(StageGraph graph, Stage stage, int index) {
        Instruction i = index < 0 ? stage.from() : stage.instructions().get(index);
        Scope scope = index < 0 ? graph.args().scope() : graph.environment(stage).before(index);
        return expand(i, scope, graph.file().escape());
    }

    public static List<Expanded> expand(Instruction instruction, Scope scope, char escape) {
        List<Expanded> out = new ArrayList<>();
        if (instruction instanceof Arg a) {
            // Each name of one ARG sees the ones declared before it, as BuildKit evaluates them.
            Map<String, Binding> declared = new LinkedHashMap<>(scope.bindings());
            for (ArgDeclaration d : a.declarations()) {
                Scope now = new Scope(declared, scope.open());
                d.defaultValue().ifPresent(w -> out.add(expand(w, now, escape)));
                String value = d.defaultValue().map(w -> out.get(out.size() - 1).value()).orElse(null);
                declared.put(d.name().value(), new Binding(d.name().value(), value, Binding.Origin.ARG,
                        d.name().range(), -1));
            }
            return out;
        }
        for (Word w : expandedWords(instruction)) {
            out.add(expand(w, scope, escape));
        }
        return out;
    }

    private static Expanded expand(Word w, Scope scope, char escape) {
        try {
            Expander.Result r = Expander.process(w.value(), scope.variables(), Expander.Options.standard(escape));
            return new Expanded(w, r.value(), r.unmatched(), Optional.empty(), -1);
        } catch (ExpansionException e) {
            return new Expanded(w, w.value(), Set.of(), Optional.of(e.getMessage()), e.index());
        }
    }

    private static void pairs(List<KeyValue> pairs, List<Word> out) {
        for (KeyValue kv : pairs) {
            out.add(kv.key());
            out.add(kv.value());
        }
    }

    private static void copyWords(List<Word> sources, Optional<Word> destination, List<Heredoc> heredocs,
            List<Optional<Flag>> flags, List<Word> out) {
        for (Word s : sources) {
            if (heredocs.stream().noneMatch(h -> h.markerRange().equals(s.range()))) {
                out.add(s);
            }
        }
        destination.ifPresent(out::add);
        for (Optional<Flag> f : flags) {
            f.ifPresent(flag -> flagValue(flag, out));
        }
    }

    private static void flagValue(Flag f, List<Word> out) {
        f.value().ifPresent(v -> out.add(new Word(v, f.valueRange())));
    }
}
