package dev.stagesmith.grammar.antlr;

import dev.stagesmith.grammar.GoStrings;
import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.grammar.parse.ScannedInstruction;
import dev.stagesmith.grammar.parse.SourceScanner;
import java.util.Arrays;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Lexer;

/**
 * Lexer code for {@code DockerfileLexer.g4}. Before lexing it reads the file the way BuildKit does
 * ({@link SourceScanner}: directive scanning and the escape character, continuation lines, JSON arrays,
 * heredoc bodies); the grammar's actions and its one predicate consult that reading, so tokens never
 * disagree with BuildKit about which lines belong to which instruction. Lookups are binary searches in
 * sorted offset arrays, so lexing stays linear.
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
        directiveStarts = layout.directives().directives().stream().mapToInt(d -> d.range().start()).toArray();
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

    private static boolean contains(int[] sorted, int offset) {
        return Arrays.binarySearch(sorted, offset) >= 0;
    }

    /** The one predicate: an escape character followed by a line break continues only where BuildKit says so. */
    protected boolean isContinuation() {
        return contains(continuations, _tokenStartCharIndex);
    }

    /** A BOM is only a BOM at the very start; anywhere else it begins an instruction, as BuildKit reads it. */
    protected void byteOrderMark() {
        if (_tokenStartCharIndex != 0) {
            setType(DockerfileLexer.KEYWORD);
            enterInstruction();
        }
    }

    protected void comment() {
        if (contains(directiveStarts, _tokenStartCharIndex)) {
            setType(DockerfileLexer.DIRECTIVE);
        }
    }

    /** The first token of an instruction: switch to argument lexing for it. */
    protected void enterInstruction() {
        int i = Arrays.binarySearch(instructionStarts, _tokenStartCharIndex);
        current = i >= 0 ? layout.instructions().get(i) : null;
        jsonDepth = 0;
        pushMode(DockerfileLexer.ARGS);
    }

    /** After a continuation: the comment and blank lines BuildKit skips come next, if any. */
    protected void continued() {
        if (_mode == DEFAULT_MODE) {
            enterInstruction();
        }
        if (contains(skippedLines, _input.index())) {
            pushMode(DockerfileLexer.SKIPPED);
        }
    }

    protected void skippedLine() {
        String text = getText();
        int i = 0;
        while (i < text.length() && GoStrings.isSpace(text.charAt(i))) {
            i++;
        }
        setType(i < text.length() && text.charAt(i) == '#' ? DockerfileLexer.CONT_COMMENT
                : DockerfileLexer.EMPTY_CONT_LINE);
        if (!contains(skippedLines, _input.index())) {
            popMode();
        }
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

    protected void heredocLine() {
        if (contains(terminators, _tokenStartCharIndex)) {
            setType(DockerfileLexer.HEREDOC_END);
            if (--heredocsLeft <= 0) {
                mode(DEFAULT_MODE);
            }
        }
    }

    protected void bracket() {
        if (contains(jsonStarts, _tokenStartCharIndex)) {
            setType(DockerfileLexer.JSON_OPEN);
            pushMode(DockerfileLexer.JSON);
        } else {
            setType(DockerfileLexer.TEXT);
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
