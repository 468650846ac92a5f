package dev.stagesmith.grammar.stages;

import dev.stagesmith.grammar.ParsedDockerfile;
import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.grammar.expand.ExpansionException;
import dev.stagesmith.grammar.expand.Expander;
import dev.stagesmith.grammar.syntax.Arg;
import dev.stagesmith.grammar.syntax.Copy;
import dev.stagesmith.grammar.syntax.Flag;
import dev.stagesmith.grammar.syntax.From;
import dev.stagesmith.grammar.syntax.Instruction;
import dev.stagesmith.grammar.syntax.OnBuild;
import dev.stagesmith.grammar.syntax.Run;
import dev.stagesmith.grammar.syntax.Word;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Builds a {@link StageGraph} from a parsed Dockerfile, following BuildKit's {@code dockerfile2llb}. */
final class StageGraphBuilder {

    private final ParsedDockerfile file;
    private final ModelOptions options;
    private final char escape;
    private final List<Arg> metaArgs = new ArrayList<>();
    private final List<Instruction> preamble = new ArrayList<>();
    private final List<From> froms = new ArrayList<>();
    private final List<List<Instruction>> bodies = new ArrayList<>();
    private final List<Stage> stages = new ArrayList<>();
    private final List<Dependency> dependencies = new ArrayList<>();
    private final List<ExpansionProblem> problems = new ArrayList<>();
    /** Lower-cased name to the last stage of that name, for {@code --from} lookups. */
    private final Map<String, Integer> byName = new HashMap<>();

    private StageGraphBuilder(ParsedDockerfile file, ModelOptions options) {
        this.file = file;
        this.options = options;
        this.escape = file.escape();
    }

    static StageGraph build(ParsedDockerfile file, ModelOptions options) {
        return new StageGraphBuilder(file, options).build();
    }

    private StageGraph build() {
        split();
        ArgScope args = ArgScope.of(metaArgs, options, targetStageName(), escape);
        problems.addAll(args.problems());
        Map<String, Integer> earlierByExactName = new LinkedHashMap<>();
        for (int i = 0; i < froms.size(); i++) {
            Stage stage = stage(i, args.scope(), earlierByExactName);
            stages.add(stage);
            stage.name().ifPresent(n -> {
                earlierByExactName.put(n, stage.index());
                byName.put(n, stage.index());
            });
        }
        for (Stage s : stages) {
            addDependencies(s);
        }
        List<StageEnvironment> envs = new ArrayList<>(stages.size());
        for (Stage s : stages) {
            envs.add(StageEnvironment.of(s, initialScope(s, envs), args, escape, problems));
        }
        return new StageGraph(file, options, metaArgs, preamble, stages, dependencies, args, envs, problems);
    }

    /** ARGs before the first FROM are global; any other instruction there is a preamble BuildKit rejects. */
    private void split() {
        for (Instruction i : file.instructions()) {
            if (i instanceof From f) {
                froms.add(f);
                bodies.add(new ArrayList<>());
            } else if (froms.isEmpty()) {
                if (i instanceof Arg a) {
                    metaArgs.add(a);
                } else {
                    preamble.add(i);
                }
            } else {
                bodies.get(bodies.size() - 1).add(i);
            }
        }
    }

    /** TARGETSTAGE: the requested target, else the last stage's name (empty means "default"). */
    private String targetStageName() {
        if (options.target().isPresent()) {
            return options.target().get();
        }
        return froms.isEmpty() ? "" : stageName(froms.get(froms.size() - 1)).orElse("");
    }

    /** BuildKit names a stage only for exactly {@code FROM base AS name}; the name is lower-cased. */
    private static Optional<String> stageName(From f) {
        if (f.args().size() == 3 && f.stageName().isPresent()) {
            return Optional.of(f.stageName().get().value().toLowerCase(Locale.ROOT));
        }
        return Optional.empty();
    }

    private Stage stage(int index, Scope global, Map<String, Integer> earlierByExactName) {
        From from = froms.get(index);
        List<Instruction> body = bodies.get(index);
        Optional<String> name = stageName(from);
        Optional<Word> nameWord = name.isPresent() ? from.stageName() : Optional.empty();
        Stage.Base base = base(from, global, earlierByExactName);
        int end = body.isEmpty() ? from.range().end() : body.get(body.size() - 1).range().end();
        return new Stage(index, name, nameWord, from, base, List.copyOf(body), TextRange.of(from.range().start(), end));
    }

    /**
     * The base after expanding global ARGs: {@code scratch}, an earlier stage whose name matches exactly
     * (BuildKit's FROM lookup does not ignore case, unlike {@code --from}), or an image.
     */
    private Stage.Base base(From from, Scope global, Map<String, Integer> earlierByExactName) {
        if (from.base().isEmpty()) {
            return new Stage.ImageBase("", List.of());
        }
        Word word = from.base().get();
        String expanded = word.value();
        List<String> unresolved = List.of();
        try {
            Expander.Result r = Expander.process(word.value(), global.variables(), Expander.Options.standard(escape));
            expanded = r.value();
            unresolved = List.copyOf(r.unmatched());
        } catch (ExpansionException e) {
            problems.add(new ExpansionProblem(e.getMessage(), word.range()));
        }
        if (expanded.equals("scratch")) {
            return new Stage.Scratch();
        }
        Integer stage = earlierByExactName.get(expanded);
        if (stage != null) {
            return new Stage.StageBase(stage);
        }
        return new Stage.ImageBase(expanded, unresolved);
    }

    private void addDependencies(Stage s) {
        From from = s.from();
        if (s.base() instanceof Stage.StageBase b) {
            Word w = from.base().orElseThrow();
            dependencies.add(new Dependency(s.index(), Dependency.Kind.FROM, new Dependency.StageTarget(b.index()), from,
                    w.value(), w.range()));
            addTriggers(s, stages.get(b.index()));
        } else if (s.base() instanceof Stage.ImageBase img && from.base().isPresent()) {
            Word w = from.base().get();
            dependencies.add(new Dependency(s.index(), Dependency.Kind.FROM, new Dependency.ImageTarget(img.reference()),
                    from, w.value(), w.range()));
        }
        for (Instruction i : s.instructions()) {
            addReferences(s.index(), i, i, false);
        }
    }

    /** The parent's ONBUILD triggers run in this stage, so what they copy or mount from is needed here. */
    private void addTriggers(Stage child, Stage parent) {
        for (Instruction i : parent.instructions()) {
            if (i instanceof OnBuild ob && ob.trigger().isPresent()) {
                addReferences(child.index(), ob.trigger().get(), ob, true);
            }
        }
    }

    private void addReferences(int stage, Instruction i, Instruction owner, boolean inherited) {
        if (i instanceof Copy c) {
            for (Flag f : c.flags("from")) {
                // An empty --from copies from the build context, as if there were none.
                if (f.value().isPresent() && !f.value().get().isEmpty()) {
                    Dependency.Kind kind = inherited ? Dependency.Kind.ONBUILD : Dependency.Kind.COPY;
                    dependencies.add(reference(stage, kind, owner, f.value().get(), f.valueRange(), true));
                }
            }
        } else if (i instanceof Run r) {
            for (Flag f : r.flags("mount")) {
                addMountReference(stage, owner, f, inherited);
            }
        }
    }

    private void addMountReference(int stage, Instruction owner, Flag mount, boolean inherited) {
        if (mount.value().isEmpty()) {
            return;
        }
        String value = mount.value().get();
        MountSpec spec = MountSpec.parse(value);
        Optional<MountSpec.Field> from = spec.field("from");
        if (from.isEmpty() || from.get().value().isEmpty()) {
            return;
        }
        MountSpec.Field f = from.get();
        TextRange range = mount.valueRange();
        if (range.length() == value.length()) {
            // The flag is written without quotes or escapes, so positions in the value are positions in the file.
            range = TextRange.of(range.start() + f.valueFrom(), range.start() + f.to());
        }
        Dependency.Kind kind = inherited ? Dependency.Kind.ONBUILD : Dependency.Kind.MOUNT;
        // BuildKit looks mount sources up by name only: from=0 is a stage named "0", else an image.
        dependencies.add(reference(stage, kind, owner, f.value(), range, false));
    }

    /**
     * BuildKit's lookup for {@code --from} and {@code from=}: a number is an index (COPY only), else a name,
     * else an image.
     */
    private Dependency reference(int stage, Dependency.Kind kind, Instruction i, String text, TextRange range,
            boolean indexes) {
        Dependency.Target target;
        if (hasVariable(text, indexes)) {
            target = new Dependency.Invalid("variable expansion is not supported for --from; declare the ARG before"
                    + " the first FROM and add a stage 'FROM ${NAME} AS alias' to copy from");
        } else if (indexes && isIndex(text)) {
            int index = Integer.parseInt(text);
            target = index >= 0 && index < froms.size() ? new Dependency.StageTarget(index)
                    : new Dependency.Invalid("invalid stage index " + text);
        } else {
            Integer byNameIndex = byName.get(text.toLowerCase(Locale.ROOT));
            target = byNameIndex != null ? new Dependency.StageTarget(byNameIndex) : new Dependency.ImageTarget(text);
        }
        return new Dependency(stage, kind, target, i, text, range);
    }

    /**
     * Whether BuildKit sees a variable it refuses to expand: for COPY, expansion would change the value;
     * for a mount, a {@code $} before its last character.
     */
    private boolean hasVariable(String text, boolean copy) {
        int dollar = text.indexOf('$');
        if (dollar < 0) {
            return false;
        }
        if (!copy) {
            return dollar < text.length() - 1;
        }
        try {
            return !Expander.expand(text, Expander.Variables.NONE, escape).equals(text);
        } catch (ExpansionException e) {
            return true;
        }
    }

    /** What Go's {@code strconv.Atoi} accepts: an optional sign and decimal digits that fit the type. */
    private static boolean isIndex(String s) {
        if (!s.matches("[+-]?[0-9]+")) {
            return false;
        }
        try {
            Integer.parseInt(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private Scope initialScope(Stage s, List<StageEnvironment> done) {
        if (s.base() instanceof Stage.StageBase b) {
            return done.get(b.index()).end();
        }
        if (s.base() instanceof Stage.Scratch) {
            Map<String, Binding> env = new LinkedHashMap<>();
            env.put("PATH", new Binding("PATH", ArgScope.DEFAULT_PATH, Binding.Origin.SCRATCH, TextRange.empty(0),
                    s.index()));
            return new Scope(env, false);
        }
        return new Scope(Map.of(), true);
    }
}
