package dev.stagesmith.grammar.dump;

import dev.stagesmith.grammar.LineIndex;
import dev.stagesmith.grammar.ParsedDockerfile;
import dev.stagesmith.grammar.SyntaxError;
import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.grammar.GoQuoting;
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
import dev.stagesmith.grammar.syntax.Flag;
import dev.stagesmith.grammar.syntax.From;
import dev.stagesmith.grammar.syntax.Healthcheck;
import dev.stagesmith.grammar.syntax.Heredoc;
import dev.stagesmith.grammar.syntax.ImageRef;
import dev.stagesmith.grammar.syntax.Instruction;
import dev.stagesmith.grammar.syntax.KeyValue;
import dev.stagesmith.grammar.syntax.Label;
import dev.stagesmith.grammar.syntax.OnBuild;
import dev.stagesmith.grammar.syntax.Run;
import dev.stagesmith.grammar.syntax.Shell;
import dev.stagesmith.grammar.syntax.Unknown;
import dev.stagesmith.grammar.syntax.Volume;
import dev.stagesmith.grammar.syntax.Word;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Renders the typed syntax tree with the range and source text of every node, one node per line, for
 * golden-file tests: a change to any node, part or range shows up as a one-line diff.
 *
 * <p>Each line reads {@code label [attributes] line:col-line:col "source"} (1-based, UTF-16 columns, end
 * exclusive), followed by {@code -> "value"} when the node's value differs from its source text. An
 * instruction also shows {@code lines=start-end}, its {@code StartLine} and {@code EndLine} in BuildKit.
 */
public final class TreePrinter {

    /** Longer source texts and values are shown as their start and end only, so huge lines stay readable. */
    private static final int MAX_SHOWN = 120;

    private final ParsedDockerfile file;
    private final LineIndex lines;
    private final StringBuilder out = new StringBuilder();
    private int depth;

    private TreePrinter(ParsedDockerfile file) {
        this.file = file;
        this.lines = file.lines();
    }

    /** The rendering of the whole file: escape character, top-level nodes in file order, then the errors. */
    public static String print(ParsedDockerfile file) {
        TreePrinter p = new TreePrinter(file);
        p.out.append("escape ").append(GoQuoting.quote(String.valueOf(file.escape()))).append('\n');
        p.topLevel().forEach(node -> node.print().run());
        for (SyntaxError e : file.errors()) {
            p.line("error " + GoQuoting.quote(e.message()), e.range());
        }
        return p.out.toString();
    }

    /** A top-level node: where it starts, and how to print it. */
    private record TopLevel(int start, Runnable print) {}

    private List<TopLevel> topLevel() {
        List<TopLevel> nodes = new ArrayList<>();
        file.directives().forEach(d -> nodes.add(new TopLevel(d.range().start(), () -> directive(d))));
        file.comments().forEach(c -> nodes.add(new TopLevel(c.range().start(), () -> comment(c))));
        file.instructions().forEach(i -> nodes.add(new TopLevel(i.range().start(), () -> instruction(i, ""))));
        nodes.sort(Comparator.comparingInt(TopLevel::start));
        return nodes;
    }

    /** A comment's text is what follows its {@code #}. */
    private void comment(Comment c) {
        line("comment", c.range(), c.text(), c.range().start() + 1);
    }

    private void directive(Directive d) {
        line("directive", d.range());
        nested(() -> {
            line("name", d.nameRange(), d.name());
            line("value", d.valueRange(), d.value());
        });
    }

    /** The header shows BuildKit's line numbers too: they count only line feeds, the positions count every break. */
    private void instruction(Instruction in, String prefix) {
        String lines = " lines=" + file.startLine(in.range()) + "-" + file.endLine(in.range());
        line(prefix + in.getClass().getSimpleName() + attributes(in) + lines, in.range());
        nested(() -> {
            word("keyword", in.keyword());
            in.flags().forEach(this::flag);
            arguments(in);
        });
    }

    private static String attributes(Instruction in) {
        boolean json = in instanceof Copy c && c.json() || in instanceof Add a && a.json()
                || in instanceof Volume v && v.json();
        boolean legacy = in instanceof Env e && e.legacy() || in instanceof Label l && l.legacy();
        return (json ? " json" : "") + (legacy ? " legacy" : "");
    }

    private void flag(Flag f) {
        line("flag", f.range(), f.text());
        nested(() -> {
            line("name", f.nameRange(), f.name());
            if (f.value().isPresent()) {
                line("value", f.valueRange(), f.value().get());
            } else {
                line("value none", f.valueRange());
            }
        });
    }

    /** The arguments under the role the typed record gives them, so every argument shows once. */
    private void arguments(Instruction in) {
        if (in instanceof From f) {
            from(f);
        } else if (in instanceof Run r) {
            command(r.command());
            r.heredocs().forEach(this::heredoc);
        } else if (in instanceof Cmd || in instanceof Entrypoint || in instanceof Shell) {
            command(commandOf(in));
        } else if (in instanceof Copy c) {
            files(c.sources(), c.destination(), c.heredocs());
        } else if (in instanceof Add a) {
            files(a.sources(), a.destination(), a.heredocs());
        } else if (in instanceof Env e) {
            pairs(e.pairs());
        } else if (in instanceof Label l) {
            pairs(l.pairs());
        } else if (in instanceof Arg a) {
            a.declarations().forEach(this::declaration);
        } else if (in instanceof Healthcheck h) {
            h.type().ifPresent(t -> word("type", t));
            command(h.command());
        } else if (in instanceof OnBuild o) {
            o.trigger().ifPresent(t -> instruction(t, "trigger "));
        } else if (in instanceof Unknown u) {
            line("arguments", u.argumentsRange());
        } else {
            in.args().forEach(w -> word("arg", w));
        }
    }

    private static Optional<Command> commandOf(Instruction in) {
        if (in instanceof Cmd c) {
            return c.command();
        }
        if (in instanceof Entrypoint e) {
            return e.command();
        }
        return ((Shell) in).command();
    }

    /** The base shows as its image reference: the same word, split into parts. */
    private void from(From f) {
        if (f.image().isPresent()) {
            image(f.image().get());
        } else {
            f.base().ifPresent(b -> word("base", b));
        }
        f.asKeyword().ifPresent(a -> word("as", a));
        f.stageName().ifPresent(n -> word("stage", n));
        int shown = f.stageName().isPresent() ? 3 : f.asKeyword().isPresent() ? 2 : f.base().isPresent() ? 1 : 0;
        f.args().subList(shown, f.args().size()).forEach(w -> word("arg", w));
    }

    private void image(ImageRef ref) {
        line("image" + (ref.isValid() ? "" : " invalid"), ref.range(), ref.text());
        nested(() -> {
            ref.registry().ifPresent(r -> word("registry", r));
            word("path", ref.path());
            ref.tag().ifPresent(t -> word("tag", t));
            ref.digest().ifPresent(d -> word("digest", d));
        });
    }

    private void command(Optional<Command> command) {
        if (command.isEmpty()) {
            return;
        }
        if (command.get() instanceof Command.ExecForm e) {
            line("exec-form", e.range());
            nested(() -> e.arguments().forEach(w -> word("arg", w)));
        } else {
            word("shell-form", ((Command.ShellForm) command.get()).script());
        }
    }

    private void files(List<Word> sources, Optional<Word> destination, List<Heredoc> heredocs) {
        sources.forEach(w -> word("source", w));
        destination.ifPresent(w -> word("destination", w));
        heredocs.forEach(this::heredoc);
    }

    private void pairs(List<KeyValue> pairs) {
        for (KeyValue kv : pairs) {
            line("pair", kv.range());
            nested(() -> {
                word("key", kv.key());
                word("value", kv.value());
            });
        }
    }

    private void declaration(ArgDeclaration d) {
        line("declaration", d.range());
        nested(() -> {
            word("name", d.name());
            d.defaultValue().ifPresent(v -> word("default", v));
        });
    }

    private void heredoc(Heredoc h) {
        String attrs = " " + GoQuoting.quote(h.name()) + (h.chomp() ? " chomp" : "") + (h.expand() ? " expand" : "")
                + (h.fd() != 0 ? " fd=" + h.fd() : "") + (h.terminated() ? "" : " unterminated");
        line("heredoc" + attrs, h.markerRange());
        nested(() -> {
            line("body", h.bodyRange(), h.body());
            if (h.chomp()) {
                derived("content", h.content());
            }
            line("terminator", h.terminatorRange());
        });
    }

    /** A value computed from the source rather than found in it, so it has no range. */
    private void derived(String label, String value) {
        out.append("  ".repeat(depth)).append(label).append(' ').append(shown(value)).append('\n');
    }

    private void word(String label, Word w) {
        line(label, w.range(), w.value());
    }

    private void line(String label, TextRange range) {
        line(label, range, null);
    }

    private void line(String label, TextRange range, String value) {
        line(label, range, value, range.start());
    }

    /** One node; {@code value} is shown when it differs from the source text from {@code valueFrom} on. */
    private void line(String label, TextRange range, String value, int valueFrom) {
        String source = range.of(file.text());
        out.append("  ".repeat(depth)).append(label).append(' ').append(position(range)).append(' ')
                .append(shown(source));
        if (value != null && !value.equals(file.text().substring(Math.min(valueFrom, range.end()), range.end()))) {
            out.append(" -> ").append(shown(value));
        }
        out.append('\n');
    }

    private String position(TextRange range) {
        return position(range.start()) + "-" + position(range.end());
    }

    private String position(int offset) {
        LineIndex.Position p = lines.position(offset);
        return (p.line() + 1) + ":" + (p.column() + 1);
    }

    private static String shown(String s) {
        if (s.length() <= MAX_SHOWN) {
            return GoQuoting.quote(s);
        }
        int head = cut(s, 60);
        int tail = cut(s, s.length() - 30);
        return GoQuoting.quote(s.substring(0, head)) + "..." + GoQuoting.quote(s.substring(tail))
                + " (" + s.length() + " chars)";
    }

    /** {@code at}, moved back so that it does not split a surrogate pair. */
    private static int cut(String s, int at) {
        return at > 0 && Character.isLowSurrogate(s.charAt(at)) && Character.isHighSurrogate(s.charAt(at - 1))
                ? at - 1 : at;
    }

    private void nested(Runnable body) {
        depth++;
        body.run();
        depth--;
    }
}
