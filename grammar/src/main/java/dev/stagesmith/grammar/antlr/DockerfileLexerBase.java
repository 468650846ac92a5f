package dev.stagesmith.grammar.antlr;

import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.grammar.parse.ScannedInstruction;
import dev.stagesmith.grammar.parse.SourceScanner;
import dev.stagesmith.grammar.syntax.Directive;
import java.util.Arrays;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Lexer;

/**
 * Lexer code for {@code DockerfileLexer.g4}. It reads the file the way BuildKit does first (directive
 * scanning and the escape character, continuation lines, JSON arrays, the heredoc terminator queue; see
 * {@link SourceScanner}), and the grammar's predicates and actions consult that reading, so tokens never
 * disagree with BuildKit about which lines belong to which instruction.
 */
public abstract class DockerfileLexerBase extends Lexer {

    private SourceScanner.Layout layout;
    private int[] directiveStarts = new int[0];
    private int[] continuations = new int[0];
    private int[] skippedLines = new int[0];
    private int[] jsonStarts = new int[0];
    private int[] terminators = new int[0];
    private int[] instructionStarts = new int[0];

    private ScannedInstruction current;
    private int heredocsLeft;
    private int jsonDepth;

    protected DockerfileLexerBase(CharStream input) {
        super(input);
    }

    /** Reads {@code text} (the same text as the char stream) before lexing; must be called first. */
    public void prepare(String text) {
        prepare(SourceScanner.scan(text));
    }

    public void prepare(SourceScanner.Layout layout) {
        this.layout = layout;
        directiveStarts = layout.directives().directives().stream()
                .mapToInt(d -> d.range().start())
                .toArray();
        int n = layout.instructions().size();
        instructionStarts = new int[n];
        IntList conts = new IntList();
        IntList skipped = new IntList();
        IntList json = new IntList();
        IntList ends = new IntList();
        for (int i = 0; i < n; i++) {
            ScannedInstruction in = layout.instructions().get(i);
            instructionStarts[i] = in.start();
            for (int c : in.continuations()) {
                conts.add(c);
            }
            for (TextRange r : in.skippedLines()) {
                skipped.add(r.start());
            }
            int jsonStart = in.node().jsonStartDeep();
            if (jsonStart >= 0) {
                json.add(in.line().sourceOffset(jsonStart));
            }
            for (ScannedInstruction.HeredocBody h : in.heredocs()) {
                if (h.terminated()) {
                    ends.add(h.terminator().start());
                }
            }
        }
        continuations = conts.toArray();
        skippedLines = skipped.toArray();
        jsonStarts = json.toArray();
        terminators = ends.toArray();
    }

    public SourceScanner.Layout layout() {
        return layout;
    }

    private int tokenStart() {
        return _tokenStartCharIndex;
    }

    protected boolean atFileStart() {
        return tokenStart() == 0;
    }

    protected boolean isDirective() {
        return Arrays.binarySearch(directiveStarts, tokenStart()) >= 0;
    }

    protected boolean isContinuation() {
        return Arrays.binarySearch(continuations, tokenStart()) >= 0;
    }

    protected boolean isSkippedLine() {
        return Arrays.binarySearch(skippedLines, tokenStart()) >= 0;
    }

    protected boolean isJsonStart() {
        return Arrays.binarySearch(jsonStarts, tokenStart()) >= 0;
    }

    protected boolean isHeredocTerminator() {
        return Arrays.binarySearch(terminators, tokenStart()) >= 0;
    }

    /** The first token of an instruction: switch to argument lexing for it. */
    protected void enterInstruction() {
        int i = Arrays.binarySearch(instructionStarts, tokenStart());
        current = i >= 0 ? layout.instructions().get(i) : null;
        jsonDepth = 0;
        pushMode(DockerfileLexer.ARGS);
    }

    /** The line break that ends an instruction's line: read its heredoc bodies next, if it has any. */
    protected void endLogicalLine() {
        _modeStack.clear();
        jsonDepth = 0;
        heredocsLeft = 0;
        if (current != null) {
            for (ScannedInstruction.HeredocBody h : current.heredocs()) {
                if (h.terminated()) {
                    heredocsLeft++;
                }
            }
        }
        mode(heredocsLeft > 0 ? DockerfileLexer.HEREDOC : DEFAULT_MODE);
    }

    protected void heredocEnded() {
        if (--heredocsLeft <= 0) {
            mode(DEFAULT_MODE);
        }
    }

    protected void openNestedArray() {
        jsonDepth++;
    }

    protected void closeArray() {
        if (jsonDepth > 0) {
            jsonDepth--;
            setType(DockerfileLexer.JSON_PUNCT);
        } else {
            popMode();
        }
    }

    /** A growable int array, to keep the lexer's lookups allocation-free. */
    private static final class IntList {
        private int[] values = new int[16];
        private int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int[] toArray() {
            int[] out = Arrays.copyOf(values, size);
            Arrays.sort(out);
            return out;
        }
    }
}
