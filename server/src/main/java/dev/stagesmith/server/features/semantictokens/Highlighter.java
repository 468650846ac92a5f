package dev.stagesmith.server.features.semantictokens;

import static dev.stagesmith.server.features.semantictokens.Legend.Modifier.DECLARATION;
import static dev.stagesmith.server.features.semantictokens.Legend.Modifier.DEFAULT_LIBRARY;
import static dev.stagesmith.server.features.semantictokens.Legend.Modifier.DEFINITION;
import static dev.stagesmith.server.features.semantictokens.Legend.Modifier.DEPRECATED;
import static dev.stagesmith.server.features.semantictokens.Legend.Modifier.READONLY;

import dev.stagesmith.grammar.GoStrings;
import dev.stagesmith.grammar.LineIndex;
import dev.stagesmith.grammar.ParsedDockerfile;
import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.grammar.stages.Binding;
import dev.stagesmith.grammar.stages.Dependency;
import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.grammar.stages.StageGraph;
import dev.stagesmith.grammar.syntax.Add;
import dev.stagesmith.grammar.syntax.Arg;
import dev.stagesmith.grammar.syntax.ArgDeclaration;
import dev.stagesmith.grammar.syntax.Cmd;
import dev.stagesmith.grammar.syntax.Command;
import dev.stagesmith.grammar.syntax.Comment;
import dev.stagesmith.grammar.syntax.Copy;
import dev.stagesmith.grammar.syntax.Directive;
import dev.stagesmith.grammar.syntax.Entrypoint;
import dev.stagesmith.grammar.syntax.Env;
import dev.stagesmith.grammar.syntax.Expose;
import dev.stagesmith.grammar.syntax.Flag;
import dev.stagesmith.grammar.syntax.From;
import dev.stagesmith.grammar.syntax.Healthcheck;
import dev.stagesmith.grammar.syntax.Heredoc;
import dev.stagesmith.grammar.syntax.ImageRef;
import dev.stagesmith.grammar.syntax.Instruction;
import dev.stagesmith.grammar.syntax.KeyValue;
import dev.stagesmith.grammar.syntax.Label;
import dev.stagesmith.grammar.syntax.Maintainer;
import dev.stagesmith.grammar.syntax.OnBuild;
import dev.stagesmith.grammar.syntax.Run;
import dev.stagesmith.grammar.syntax.Shell;
import dev.stagesmith.grammar.syntax.StopSignal;
import dev.stagesmith.grammar.syntax.Unknown;
import dev.stagesmith.grammar.syntax.User;
import dev.stagesmith.grammar.syntax.Volume;
import dev.stagesmith.grammar.syntax.Word;
import dev.stagesmith.grammar.syntax.Workdir;
import dev.stagesmith.grammar.expand.VariableReferences;
import dev.stagesmith.grammar.expand.VariableReferences.Reference;
import dev.stagesmith.grammar.expand.VariableReferences.Syntax;
import dev.stagesmith.server.features.semantictokens.Legend.Type;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Walks a parsed Dockerfile once and hands every token to a {@link TokenCollector}: broad tokens first
 * (a string value), the tokens inside them after (its variables), so the collector can cut the first around
 * the second.
 */
final class Highlighter {

    private static final int DECLARED = Legend.bits(DECLARATION, DEFINITION);

    private final ParsedDockerfile file;
    private final String text;
    private final LineIndex lines;
    private final char escape;
    private final TextRange window;
    private final TokenCollector out;
    private final Map<Integer, Stage> stagesByFrom = new HashMap<>();
    private final TreeMap<Integer, Dependency> references = new TreeMap<>();
    private final Set<String> automatic = new HashSet<>();

    private Highlighter(StageGraph graph, TextRange window, TokenCollector out) {
        this.file = graph.file();
        this.text = file.text();
        this.lines = file.lines();
        this.escape = file.escape();
        this.window = window;
        this.out = out;
        for (Stage s : graph.stages()) {
            stagesByFrom.put(s.from().range().start(), s);
        }
        for (Dependency d : graph.dependencies()) {
            references.putIfAbsent(d.range().start(), d);
        }
        for (Binding b : graph.args().scope().bindings().values()) {
            if (b.origin() == Binding.Origin.AUTOMATIC) {
                automatic.add(b.name());
            }
        }
    }

    /** The tokens of everything in {@code graph}'s file that touches {@code window}. */
    static TokenCollector highlight(StageGraph graph, TextRange window) {
        TokenCollector out = new TokenCollector();
        new Highlighter(graph, window, out).all();
        return out;
    }

    private void all() {
        for (Directive d : file.directives()) {
            if (visible(d.range())) {
                directive(d);
            }
        }
        for (Comment c : file.comments()) {
            if (visible(c.range())) {
                out.add(c.range().start(), c.range().end(), Type.COMMENT, 0);
            }
        }
        for (Instruction i : file.instructions()) {
            if (visible(i.range())) {
                instruction(i);
                continuationComments(i);
            }
        }
    }

    private boolean visible(TextRange r) {
        return r.end() >= window.start() && r.start() <= window.end();
    }

    private void directive(Directive d) {
        out.add(d.range().start(), d.nameRange().start(), Type.COMMENT, 0);
        out.add(d.nameRange().start(), d.nameRange().end(), Type.MACRO, 0);
        out.add(d.valueRange().start(), d.valueRange().end(), Type.STRING, 0);
    }

    private void instruction(Instruction i) {
        if (!(i instanceof Unknown)) {
            add(i.keyword().range(), Type.KEYWORD, i instanceof Maintainer ? DEPRECATED.bit() : 0);
        }
        for (Flag f : i.flags()) {
            flag(i, f);
        }
        if (i instanceof From f) {
            from(f);
        } else if (i instanceof Arg a) {
            for (ArgDeclaration d : a.declarations()) {
                add(d.name().range(), Type.VARIABLE, d.defaultValue().isPresent() ? DECLARED : DECLARATION.bit());
                d.defaultValue().ifPresent(v -> paint(v, Type.STRING, 0, Syntax.WORD));
            }
        } else if (i instanceof Env e) {
            pairs(e.pairs(), Type.VARIABLE, DECLARED);
        } else if (i instanceof Label l) {
            pairs(l.pairs(), Type.PROPERTY, 0);
        } else if (i instanceof Run r) {
            command(r.command());
            heredocs(r.heredocs(), Syntax.SHELL);
        } else if (i instanceof Cmd c) {
            command(c.command());
        } else if (i instanceof Entrypoint e) {
            command(e.command());
        } else if (i instanceof Shell s) {
            command(s.command());
        } else if (i instanceof Healthcheck h) {
            h.type().ifPresent(t -> add(t.range(), Type.KEYWORD, 0));
            command(h.command());
        } else if (i instanceof Copy c) {
            files(c.json(), c.sources(), c.destination(), c.heredocs());
        } else if (i instanceof Add a) {
            files(a.json(), a.sources(), a.destination(), a.heredocs());
        } else if (i instanceof Expose x) {
            x.ports().forEach(w -> paint(w, Type.NUMBER, 0, Syntax.WORD));
        } else if (i instanceof Volume v) {
            v.paths().forEach(w -> paint(w, v.json() ? Type.STRING : null, 0, Syntax.WORD));
        } else if (i instanceof Workdir || i instanceof User || i instanceof StopSignal) {
            i.args().forEach(w -> paint(w, null, 0, Syntax.WORD));
        } else if (i instanceof OnBuild o) {
            o.trigger().ifPresent(this::instruction);
        }
    }

    private void flag(Instruction i, Flag f) {
        add(TextRange.of(f.range().start(), Math.max(f.range().start(), f.nameRange().end())), Type.PARAMETER, 0);
        if (f.value().isEmpty()) {
            return;
        }
        Word value = new Word(f.value().get(), f.valueRange());
        Dependency reference = references.get(f.valueRange().start());
        if (i instanceof Copy && f.name().equals("from") && reference != null
                && !(reference.target() instanceof Dependency.Invalid)) {
            if (reference.isStage()) {
                add(f.valueRange(), Type.CLASS, 0);
            } else {
                image(value, Optional.empty());
            }
            return;
        }
        paint(value, Type.STRING, 0, Syntax.WORD);
        if (i instanceof Run && f.name().equals("mount") && f.valueRange().length() > 0) {
            // A mount's from= names a stage or an image somewhere inside the value.
            references.subMap(f.valueRange().start(), f.valueRange().end()).values().stream()
                    .filter(Dependency::isStage).forEach(this::stageReference);
        }
    }

    /** A stage named inside a longer value, where its range is exact. */
    private void stageReference(Dependency d) {
        if (d.range().length() == d.text().length()) {
            add(d.range(), Type.CLASS, 0);
        }
    }

    private void from(From f) {
        Stage stage = stagesByFrom.get(f.range().start());
        f.base().ifPresent(base -> {
            if (stage != null && stage.base() instanceof Stage.StageBase) {
                paint(base, Type.CLASS, 0, Syntax.WORD);
            } else if (stage != null && stage.base() instanceof Stage.Scratch) {
                paint(base, Type.TYPE, DEFAULT_LIBRARY.bit(), Syntax.WORD);
            } else {
                image(base, f.image());
            }
        });
        f.asKeyword().ifPresent(w -> add(w.range(), Type.KEYWORD, 0));
        f.stageName().ifPresent(w -> add(w.range(), Type.CLASS, DECLARED));
    }

    /** Registry, repository, tag and digest; a reference with variables is one type token around them. */
    private void image(Word word, Optional<ImageRef> parsed) {
        Optional<WordMap> map = WordMap.of(file, word);
        if (word.value().indexOf('$') >= 0 || map.isEmpty()) {
            paint(word, Type.TYPE, 0, Syntax.WORD);
            return;
        }
        ImageRef ref = parsed.orElseGet(() -> ImageRef.parse(word.value(), map.get()::offset));
        ref.registry().ifPresent(w -> add(w.range(), Type.NAMESPACE, 0));
        add(ref.path().range(), Type.TYPE, 0);
        ref.tag().ifPresent(w -> add(w.range(), Type.ENUM_MEMBER, 0));
        ref.digest().ifPresent(w -> add(w.range(), Type.NUMBER, 0));
    }

    private void pairs(List<KeyValue> pairs, Type keyType, int keyModifiers) {
        for (KeyValue kv : pairs) {
            paint(kv.key(), keyType, keyModifiers, Syntax.WORD);
            paint(kv.value(), Type.STRING, 0, Syntax.WORD);
        }
    }

    private void command(Optional<Command> command) {
        if (command.isEmpty()) {
            return;
        }
        if (command.get() instanceof Command.ShellForm s) {
            paint(s.script(), null, 0, Syntax.SHELL);
        } else if (command.get() instanceof Command.ExecForm e) {
            e.arguments().forEach(w -> add(w.range(), Type.STRING, 0));
        }
    }

    private void files(boolean json, List<Word> sources, Optional<Word> destination, List<Heredoc> heredocs) {
        Type type = json ? Type.STRING : null;
        for (Word w : sources) {
            if (heredocs.stream().noneMatch(h -> h.markerRange().equals(w.range()))) {
                paint(w, type, 0, Syntax.WORD);
            }
        }
        destination.ifPresent(w -> paint(w, type, 0, Syntax.WORD));
        heredocs(heredocs, Syntax.HEREDOC);
    }

    /** {@code <<-} as an operator, the marker and terminator as strings, variables in expanded bodies. */
    private void heredocs(List<Heredoc> heredocs, Syntax bodySyntax) {
        for (Heredoc h : heredocs) {
            TextRange m = h.markerRange();
            if (m.end() > text.length()) {
                continue;
            }
            int op = text.indexOf("<<", m.start());
            if (op >= 0 && op + 2 <= m.end()) {
                int opEnd = op + 2 + (h.chomp() && op + 2 < m.end() && text.charAt(op + 2) == '-' ? 1 : 0);
                out.add(op, opEnd, Type.OPERATOR, 0);
                out.add(opEnd, m.end(), Type.STRING, 0);
            }
            if (!h.terminated()) {
                continue;
            }
            TextRange t = h.terminatorRange();
            out.add(GoStrings.skipSpace(text, t.start(), t.end()), t.end(), Type.STRING, 0);
            if (h.expand() && h.body().indexOf('$') >= 0) {
                variables(h.body(), WordMap.at(h.bodyRange().start()), bodySyntax);
            }
        }
    }

    /** Comment lines inside continuations: BuildKit drops them, the tree keeps no node for them. */
    private void continuationComments(Instruction i) {
        int end = i.range().end();
        for (Heredoc h : i.heredocs()) {
            end = Math.min(end, h.bodyRange().start());
        }
        int first = lines.line(i.range().start());
        int last = lines.line(Math.max(i.range().start(), end - 1));
        for (int line = first + 1; line <= last; line++) {
            int start = lines.lineStart(line);
            int contentEnd = lines.lineEnd(line, text);
            int s = GoStrings.skipSpace(text, start, contentEnd);
            if (s < contentEnd && text.charAt(s) == '#') {
                // From the line's start: its blanks are not part of a word that runs over the line either.
                out.add(start, contentEnd, Type.COMMENT, 0);
            }
        }
    }


    private void add(TextRange r, Type type, int modifiers) {
        out.add(r.start(), r.end(), type, modifiers);
    }

    /**
     * {@code word} as one {@code base} token (none when null) with its variable references as tokens inside
     * it, when its characters can be placed in the file.
     */
    private void paint(Word word, Type base, int modifiers, Syntax syntax) {
        if (base != null) {
            add(word.range(), base, modifiers);
        }
        if (word.value().indexOf('$') >= 0) {
            WordMap.of(file, word).ifPresent(map -> variables(word.value(), map, syntax));
        }
    }

    /**
     * Variable references as tokens: $X and ${X} whole; of ${X:-word}, the part up to the name and then the
     * operator (the word gets tokens of its own, its nested references included).
     */
    private void variables(String value, WordMap map, Syntax syntax) {
        for (Reference r : VariableReferences.find(value, syntax, escape)) {
            boolean plain = r.modifier().isEmpty() && r.closed();
            segment(map, r.start(), plain ? r.end() : r.nameEnd(), Type.VARIABLE, variableModifiers(r.name()));
            if (!r.modifier().isEmpty()) {
                int operatorEnd = Math.min(value.length(), r.nameEnd() + r.modifier().length());
                segment(map, r.nameEnd(), operatorEnd, Type.OPERATOR, 0);
            }
        }
    }

    private int variableModifiers(String name) {
        return automatic.contains(name) ? Legend.bits(READONLY, DEFAULT_LIBRARY) : 0;
    }

    private void segment(WordMap map, int from, int to, Type type, int modifiers) {
        if (type != null) {
            map.runs(from, to, (s, e) -> out.add(s, e, type, modifiers));
        }
    }
}
