package dev.stagesmith.grammar.parse;

import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.grammar.syntax.Add;
import dev.stagesmith.grammar.syntax.Arg;
import dev.stagesmith.grammar.syntax.ArgDeclaration;
import dev.stagesmith.grammar.syntax.Cmd;
import dev.stagesmith.grammar.syntax.Command;
import dev.stagesmith.grammar.syntax.Copy;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns one scanned instruction (BuildKit's parse of its line) into a typed syntax node with source ranges. */
public final class TreeBuilder {

    private final ScannedInstruction scanned;
    private final LogicalLine line;

    private TreeBuilder(ScannedInstruction scanned) {
        this.scanned = scanned;
        this.line = scanned.line();
    }

    public static Instruction build(ScannedInstruction scanned) {
        TreeBuilder b = new TreeBuilder(scanned);
        return b.instruction(scanned.node(), scanned.range());
    }

    private TextRange range(int from, int to) {
        return line.sourceRange(from, to);
    }

    private Word word(RawNode.Span s) {
        return new Word(s.value(), range(s.from(), s.to()));
    }

    private Instruction instruction(RawNode node, TextRange whole) {
        Word keyword = word(node.keyword());
        List<Flag> flags = new ArrayList<>(node.flags().size());
        for (RawNode.RawFlag f : node.flags()) {
            flags.add(flag(f));
        }
        flags = List.copyOf(flags);
        List<Word> args = node.args().stream().map(this::word).toList();
        String kw = node.keywordLower();
        return switch (kw) {
            case "from" -> from(keyword, flags, args, whole, node);
            case "run" -> new Run(keyword, flags, args, whole, command(node, args), heredocs());
            case "cmd" -> new Cmd(keyword, flags, args, whole, command(node, args));
            case "entrypoint" -> new Entrypoint(keyword, flags, args, whole, command(node, args));
            case "shell" -> new Shell(keyword, flags, args, whole, command(node, args));
            case "copy" -> new Copy(keyword, flags, args, whole, node.json(), sources(args), destination(args),
                    heredocs());
            case "add" -> new Add(keyword, flags, args, whole, node.json(), sources(args), destination(args),
                    heredocs());
            case "env" -> new Env(keyword, flags, args, whole, pairs(args), isLegacy(args));
            case "label" -> new Label(keyword, flags, args, whole, pairs(args), isLegacy(args));
            case "arg" -> new Arg(keyword, flags, args, whole, declarations(node));
            case "expose" -> new Expose(keyword, flags, args, whole);
            case "volume" -> new Volume(keyword, flags, args, whole, node.json());
            case "workdir" -> new Workdir(keyword, flags, args, whole);
            case "user" -> new User(keyword, flags, args, whole);
            case "stopsignal" -> new StopSignal(keyword, flags, args, whole);
            case "maintainer" -> new Maintainer(keyword, flags, args, whole);
            case "healthcheck" -> healthcheck(keyword, flags, args, whole, node);
            case "onbuild" -> onBuild(keyword, flags, whole, node);
            default -> new Unknown(keyword, flags, List.of(), whole, range(node.argsFrom(), node.argsTo()));
        };
    }

    private Flag flag(RawNode.RawFlag f) {
        String text = f.text();
        String body = text.startsWith("--") ? text.substring(2) : text;
        int eq = body.indexOf('=');
        String name = eq < 0 ? body : body.substring(0, eq);
        Optional<String> value = eq < 0 ? Optional.empty() : Optional.of(body.substring(eq + 1));
        int rawEq = -1;
        for (int i = f.from(); i < f.to(); i++) {
            if (line.charAt(i) == '=') {
                rawEq = i;
                break;
            }
        }
        int nameFrom = Math.min(f.from() + 2, f.to());
        TextRange nameRange = range(nameFrom, rawEq < 0 ? f.to() : rawEq);
        TextRange valueRange = rawEq < 0 ? TextRange.empty(range(f.from(), f.to()).end()) : range(rawEq + 1, f.to());
        return new Flag(text, name, value, range(f.from(), f.to()), nameRange, valueRange);
    }

    private From from(Word keyword, List<Flag> flags, List<Word> args, TextRange whole, RawNode node) {
        Optional<Word> base = args.isEmpty() ? Optional.empty() : Optional.of(args.get(0));
        Optional<ImageRef> image = Optional.empty();
        if (!node.args().isEmpty()) {
            RawNode.Span b = node.args().get(0);
            image = Optional.of(ImageRef.parse(b.value(), i -> line.sourceOffset(b.from() + i)));
        }
        Optional<Word> as = Optional.empty();
        Optional<Word> name = Optional.empty();
        if (args.size() >= 2 && args.get(1).value().equalsIgnoreCase("as")) {
            as = Optional.of(args.get(1));
            if (args.size() >= 3) {
                name = Optional.of(args.get(2));
            }
        }
        return new From(keyword, flags, args, whole, base, image, as, name);
    }

    private Optional<Command> command(RawNode node, List<Word> args) {
        if (node.json()) {
            return Optional.of(new Command.ExecForm(args, range(node.jsonFrom(), node.jsonTo())));
        }
        if (args.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Command.ShellForm(args.get(0)));
    }

    private Healthcheck healthcheck(Word keyword, List<Flag> flags, List<Word> args, TextRange whole, RawNode node) {
        Optional<Word> type = args.isEmpty() ? Optional.empty() : Optional.of(args.get(0));
        Optional<Command> command = Optional.empty();
        if (node.json()) {
            command = Optional.of(new Command.ExecForm(args.subList(1, args.size()),
                    range(node.jsonFrom(), node.jsonTo())));
        } else if (args.size() > 1) {
            command = Optional.of(new Command.ShellForm(args.get(1)));
        }
        return new Healthcheck(keyword, flags, args, whole, type, command);
    }

    private OnBuild onBuild(Word keyword, List<Flag> flags, TextRange whole, RawNode node) {
        Optional<Instruction> trigger = Optional.empty();
        if (node.child() != null) {
            TextRange childRange = TextRange.of(range(node.child().keyword().from(), node.child().keyword().to()).start(),
                    whole.end());
            trigger = Optional.of(instruction(node.child(), childRange));
        }
        return new OnBuild(keyword, flags, List.of(), whole, trigger);
    }

    private static List<Word> sources(List<Word> args) {
        if (args.size() <= 1) {
            return args;
        }
        return args.subList(0, args.size() - 1);
    }

    private static Optional<Word> destination(List<Word> args) {
        return args.size() >= 2 ? Optional.of(args.get(args.size() - 1)) : Optional.empty();
    }

    private static boolean isLegacy(List<Word> args) {
        return args.size() == 3 && args.get(2).value().isEmpty();
    }

    private static List<KeyValue> pairs(List<Word> args) {
        List<KeyValue> out = new ArrayList<>(args.size() / 3);
        for (int i = 0; i + 2 < args.size(); i += 3) {
            Word k = args.get(i);
            Word v = args.get(i + 1);
            out.add(new KeyValue(k, v, k.range().union(v.range())));
        }
        return List.copyOf(out);
    }

    private List<ArgDeclaration> declarations(RawNode node) {
        List<ArgDeclaration> out = new ArrayList<>(node.args().size());
        for (RawNode.Span s : node.args()) {
            String w = s.value();
            int eq = w.indexOf('=');
            if (eq < 0) {
                out.add(new ArgDeclaration(word(s), Optional.empty(), range(s.from(), s.to())));
            } else {
                Word name = new Word(w.substring(0, eq), range(s.from(), s.from() + eq));
                Word value = new Word(w.substring(eq + 1), range(s.from() + eq + 1, s.from() + w.length()));
                out.add(new ArgDeclaration(name, Optional.of(value), range(s.from(), s.to())));
            }
        }
        return List.copyOf(out);
    }

    private List<Heredoc> heredocs() {
        List<Heredoc> out = new ArrayList<>(scanned.heredocs().size());
        for (ScannedInstruction.HeredocBody h : scanned.heredocs()) {
            HeredocMarkers.Marker m = h.marker();
            out.add(new Heredoc(m.name(), m.chomp(), m.expand(), m.fd(), range(m.from(), m.to()), h.body(),
                    h.content(), h.terminator(), h.terminated()));
        }
        return List.copyOf(out);
    }
}
