package dev.stagesmith.server.features.symbols;

import dev.stagesmith.grammar.expand.VariableReferences.Syntax;
import dev.stagesmith.grammar.stages.Expansions;
import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.grammar.stages.StageGraph;
import dev.stagesmith.grammar.syntax.Add;
import dev.stagesmith.grammar.syntax.Arg;
import dev.stagesmith.grammar.syntax.ArgDeclaration;
import dev.stagesmith.grammar.syntax.Copy;
import dev.stagesmith.grammar.syntax.Env;
import dev.stagesmith.grammar.syntax.Heredoc;
import dev.stagesmith.grammar.syntax.Instruction;
import dev.stagesmith.grammar.syntax.KeyValue;
import dev.stagesmith.grammar.syntax.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
        ShellTexts.of(graph, place, out);
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

    private static void argDefaults(Place place, Arg arg, Context context, List<Site> out) {
        List<ArgDeclaration> ds = arg.declarations();
        for (int k = 0; k < ds.size(); k++) {
            int position = k;
            ds.get(k).defaultValue().ifPresent(w -> out.add(new Site(place, position, w, Syntax.WORD, context)));
        }
    }

    static Word body(Heredoc h) {
        return new Word(h.body(), h.bodyRange());
    }
}
