package dev.stagesmith.grammar;

import dev.stagesmith.grammar.antlr.DockerfileLexer;
import dev.stagesmith.grammar.antlr.DockerfileParser;
import dev.stagesmith.grammar.parse.ScannedInstruction;
import dev.stagesmith.grammar.parse.SourceScanner;
import dev.stagesmith.grammar.parse.TreeBuilder;
import dev.stagesmith.grammar.syntax.Comment;
import dev.stagesmith.grammar.syntax.Directive;
import dev.stagesmith.grammar.syntax.Instruction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.BailErrorStrategy;
import dev.stagesmith.grammar.antlr.Utf16CharStream;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/** The grammar module's entry point: Dockerfile text in, syntax tree out. */
public final class Dockerfiles {

    private Dockerfiles() {}

    /**
     * Parses {@code text}. Never throws: lines BuildKit would reject still become nodes, and the
     * problems come back as {@link ParsedDockerfile#errors()} with exact ranges.
     */
    public static ParsedDockerfile parse(String text) {
        SourceScanner.Layout layout = SourceScanner.scan(text);
        ParsedDockerfile parsed = assemble(text, layout, parseTree(text, layout));
        if (parsed.instructions().size() != layout.instructions().size()) {
            // The grammar and BuildKit's reading disagree (a bug): keep every instruction rather than lose one.
            return fromLayout(text, layout);
        }
        return parsed;
    }

    /** Whether the ANTLR parse tree has exactly the instructions BuildKit's reading finds (a test hook). */
    static boolean treeAgreesWithScanner(String text) {
        SourceScanner.Layout layout = SourceScanner.scan(text);
        List<Integer> fromTree = new ArrayList<>();
        for (DockerfileParser.LineContext line : parseTree(text, layout).line()) {
            if (line.instruction() != null) {
                fromTree.add(start(line.instruction()));
            }
        }
        return fromTree.equals(layout.instructions().stream().map(ScannedInstruction::start).toList());
    }

    private static DockerfileParser.DockerfileContext parseTree(String text, SourceScanner.Layout layout) {
        DockerfileLexer lexer = new DockerfileLexer(new Utf16CharStream(text));
        lexer.removeErrorListeners();
        lexer.prepare(layout);
        return parseTree(new CommonTokenStream(lexer));
    }

    private static ParsedDockerfile fromLayout(String text, SourceScanner.Layout layout) {
        List<Instruction> instructions = layout.instructions().stream().map(TreeBuilder::build).toList();
        List<Comment> comments = layout.comments().stream()
                .map(r -> new Comment(text.substring(r.start() + 1, r.end()), r)).toList();
        return new ParsedDockerfile(text, layout.directives().escape(), layout.directives().directives(), comments,
                instructions, List.copyOf(layout.errors()), LineIndex.of(text), new SourceMap(text, layout.instructions()));
    }

    /** Two-stage parse: the fast SLL mode first, full LL only if SLL cannot decide. */
    private static DockerfileParser.DockerfileContext parseTree(CommonTokenStream tokens) {
        DockerfileParser parser = new DockerfileParser(tokens);
        parser.removeErrorListeners();
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        try {
            return parser.dockerfile();
        } catch (ParseCancellationException e) {
            tokens.seek(0);
            parser.reset();
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            parser.setErrorHandler(new DefaultErrorStrategy());
            return parser.dockerfile();
        }
    }

    private static ParsedDockerfile assemble(
            String text, SourceScanner.Layout layout, DockerfileParser.DockerfileContext tree) {
        Map<Integer, ScannedInstruction> byStart = new HashMap<>();
        for (ScannedInstruction in : layout.instructions()) {
            byStart.put(in.start(), in);
        }
        Map<Integer, Directive> directivesByStart = new HashMap<>();
        for (Directive d : layout.directives().directives()) {
            directivesByStart.put(d.range().start(), d);
        }
        List<Directive> directives = new ArrayList<>();
        List<Comment> comments = new ArrayList<>();
        List<Instruction> instructions = new ArrayList<>(layout.instructions().size());
        for (DockerfileParser.LineContext line : tree.line()) {
            if (line.instruction() != null) {
                ScannedInstruction in = byStart.get(start(line.instruction()));
                if (in != null) {
                    instructions.add(TreeBuilder.build(in));
                }
            } else if (line.directive() != null) {
                Directive d = directivesByStart.get(start(line.directive()));
                if (d != null) {
                    directives.add(d);
                }
            } else if (line.comment() != null) {
                int s = start(line.comment());
                int e = line.comment().getStop().getStopIndex() + 1;
                comments.add(new Comment(text.substring(s + 1, e), TextRange.of(s, e)));
            }
        }
        return new ParsedDockerfile(text, layout.directives().escape(), List.copyOf(directives),
                List.copyOf(comments), List.copyOf(instructions), List.copyOf(layout.errors()), LineIndex.of(text),
                new SourceMap(text, layout.instructions()));
    }

    private static int start(ParserRuleContext ctx) {
        return ctx.getStart().getStartIndex();
    }
}
