package dev.stagesmith.server.features.symbols;

import dev.stagesmith.grammar.ParsedDockerfile;
import dev.stagesmith.grammar.SourceMap;
import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.grammar.expand.VariableReferences;
import dev.stagesmith.grammar.stages.Dependency;
import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.grammar.stages.StageGraph;
import dev.stagesmith.grammar.syntax.Flag;
import dev.stagesmith.grammar.syntax.From;
import dev.stagesmith.grammar.syntax.Instruction;
import dev.stagesmith.grammar.syntax.OnBuild;
import dev.stagesmith.grammar.syntax.Word;
import dev.stagesmith.server.workspace.DocumentSnapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What is at an offset: an instruction keyword, a flag name, a stage declaration or reference, an image,
 * a variable reference or declaration. Where one thing lies inside another ({@code ${V}} in a FROM base),
 * the innermost wins; a cursor just after a name still means it.
 */
public final class SymbolAt {

    private SymbolAt() {}

    public static Optional<Symbol> find(DocumentSnapshot snapshot, int offset) {
        return find(snapshot.graph(), offset);
    }

    public static Optional<Symbol> find(StageGraph graph, int offset) {
        int at = Math.max(0, Math.min(offset, graph.file().text().length()));
        Optional<Place> place = Place.at(graph, at);
        if (place.isEmpty()) {
            return Optional.empty();
        }
        List<Candidate> candidates = new ArrayList<>();
        List<Symbol> symbols = new ArrayList<>();
        syntax(place.get(), place.get().instruction(), symbols);
        stageUses(graph, place.get(), symbols);
        symbols.forEach(s -> candidates.add(new Candidate(s.hitRange(), () -> s)));
        variables(graph, place.get(), at, candidates);
        return best(candidates, at).map(c -> c.symbol().get());
    }

    /**
     * A symbol that may be at the cursor. Which variable a name means takes a walk over the stages, so it is
     * worked out only for the one candidate chosen.
     */
    private record Candidate(TextRange hit, Supplier<Symbol> symbol) {}

    /** Keywords and flag names, and those of an ONBUILD trigger. */
    private static void syntax(Place place, Instruction i, List<Symbol> out) {
        out.add(new Symbol.Keyword(place, i, i.keyword().range()));
        for (Flag f : i.flags()) {
            out.add(new Symbol.FlagName(place, i, f, TextRange.of(f.range().start(), f.nameRange().end())));
        }
        if (i instanceof OnBuild ob && ob.trigger().isPresent()) {
            syntax(place, ob.trigger().get(), out);
        }
    }

    /** Stage names after AS, stage references and images. */
    private static void stageUses(StageGraph graph, Place place, List<Symbol> out) {
        TextRange within = place.instruction().range();
        for (Dependency d : StageUses.within(graph, within)) {
            int target = StageUses.target(d);
            if (target >= 0) {
                out.add(new Symbol.StageReference(d, graph.stage(target), d.range()));
            } else if (d.target() instanceof Dependency.ImageTarget image) {
                boolean from = d.kind() == Dependency.Kind.FROM && place.stage().isPresent();
                List<String> unresolved = from && place.stage().get().base() instanceof Stage.ImageBase b
                        ? b.unresolved() : List.of();
                out.add(new Symbol.ImageReference(place, d.text(), from ? image.reference() : d.text(), unresolved,
                        d.range()));
            }
        }
        if (place.isFrom()) {
            Stage stage = place.stage().get();
            From from = stage.from();
            stage.nameWord().ifPresent(w -> out.add(new Symbol.StageDeclaration(stage, w.range())));
            if (stage.base() instanceof Stage.Scratch && from.base().isPresent()) {
                Word w = from.base().get();
                out.add(new Symbol.ImageReference(place, w.value(), "scratch", List.of(), w.range()));
            }
        }
    }

    private static void variables(StageGraph graph, Place place, int at, List<Candidate> out) {
        Supplier<VariableScopes> scopes = () -> VariableScopes.of(graph);
        for (VariableSites.Declaration d : VariableSites.declarations(place)) {
            out.add(new Candidate(d.name().range(),
                    () -> new Symbol.VariableDeclaration(scopes.get().variable(d), d, d.name().range())));
        }
        ParsedDockerfile file = graph.file();
        SourceMap source = file.sourceMap();
        for (VariableSites.Site site : VariableSites.sites(graph, place)) {
            Word word = site.word();
            if (!word.range().touches(at) || !word.value().contains("$")) {
                continue;
            }
            int length = word.value().length();
            Boolean exact = null;
            for (VariableReferences.Reference r : VariableReferences.find(word.value(), site.syntax(), file.escape())) {
                // Continuation lines only add characters between value and file, which bounds where r can be.
                if (!isName(r.name()) || word.range().start() + r.start() > at
                        || word.range().end() - (length - r.end()) < at) {
                    continue;
                }
                exact = exact == null ? source.isExact(word) : exact;
                if (exact) {
                    TextRange name = source.range(word, r.nameStart(), r.nameEnd());
                    TextRange whole = source.range(word, r.start(), r.end());
                    out.add(new Candidate(whole, () -> new Symbol.VariableReference(
                            scopes.get().variable(r.name(), site), site, r, name, whole)));
                }
            }
        }
    }

    /** A name ARG or ENV can declare; {@code $1}, {@code $@} and the like are the shell's own. */
    private static boolean isName(String name) {
        return !name.isEmpty() && (Character.isLetter(name.charAt(0)) || name.charAt(0) == '_');
    }

    /** The innermost candidate containing the offset, else the innermost one ending there. */
    private static Optional<Candidate> best(List<Candidate> candidates, int at) {
        Comparator<Candidate> smallest = Comparator.comparingInt(c -> c.hit().length());
        Optional<Candidate> inside = candidates.stream().filter(c -> !c.hit().isEmpty())
                .filter(c -> c.hit().contains(at)).min(smallest);
        if (inside.isPresent()) {
            return inside;
        }
        return candidates.stream().filter(c -> !c.hit().isEmpty()).filter(c -> c.hit().touches(at)).min(smallest);
    }
}
