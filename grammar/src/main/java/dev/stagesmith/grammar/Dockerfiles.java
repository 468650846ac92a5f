package dev.stagesmith.grammar;

import dev.stagesmith.grammar.antlr.DockerfileLexer;
import dev.stagesmith.grammar.antlr.DockerfileParser;
import dev.stagesmith.grammar.parse.ScannedInstruction;
import dev.stagesmith.grammar.parse.SourceScanner;
import dev.stagesmith.grammar.parse.TreeBuilder;
import dev.stagesmith.grammar.syntax.Comment;
import dev.stagesmith.grammar.syntax.Directive;
import dev.stagesmith.grammar.syntax.Instruction;
import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CodePointBuffer;
import org.antlr.v4.runtime.CodePointCharStream;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.IntStream;
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
        DockerfileLexer lexer = new DockerfileLexer(utf16(text));
        lexer.removeErrorListeners();
        lexer.prepare(layout);
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        DockerfileParser.DockerfileContext tree = parseTree(tokens);
        return assemble(text, layout, tree);
    }

    /**
     * The text as UTF-16 code units. {@code CharStreams.fromString} counts code points, so after an emoji its
     * token offsets would drift from the scanner's, and the instructions after it were lost.
     */
    private static CharStream utf16(String text) {
        return CodePointCharStream.fromBuffer(CodePointBuffer.withChars(CharBuffer.wrap(text.toCharArray())),
                IntStream.UNKNOWN_SOURCE_NAME);
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
                List.copyOf(comments), List.copyOf(instructions), List.copyOf(layout.errors()), LineIndex.of(text));
    }

    private static int start(ParserRuleContext ctx) {
        return ctx.getStart().getStartIndex();
    }
}
