package dev.stagesmith.grammar.fuzz;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.stagesmith.grammar.Dockerfiles;
import dev.stagesmith.grammar.ParsedDockerfile;
import dev.stagesmith.grammar.SyntaxError;
import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.grammar.dump.BuildKitDump;
import dev.stagesmith.grammar.dump.TreePrinter;
import dev.stagesmith.grammar.GoStrings;
import dev.stagesmith.grammar.GoQuoting;
import dev.stagesmith.grammar.parse.ScannedInstruction;
import dev.stagesmith.grammar.parse.SourceScanner;
import dev.stagesmith.grammar.syntax.Heredoc;
import dev.stagesmith.grammar.syntax.Instruction;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What must hold for the parse of any text at all: no exception, every range inside the text, top-level
 * nodes in order and apart, every part of an instruction inside it, the dumps printable, and the ANTLR
 * tree in agreement with the scanner about every instruction, comment and directive.
 */
final class TreeInvariants {

    private TreeInvariants() {}

    /** Parses {@code text} and checks it; {@code what} names the input in failure messages. */
    static ParsedDockerfile check(String text, String what) {
        Supplier<String> context = () -> describe(what, text);
        ParsedDockerfile parsed = assertDoesNotThrow(() -> Dockerfiles.parse(text), context);
        checkTopLevel(parsed, context);
        parsed.directives().forEach(d -> checkParts(d, d.range(), context));
        for (Instruction in : parsed.instructions()) {
            checkParts(in, in.range(), context);
        }
        for (SyntaxError e : parsed.errors()) {
            assertTrue(e.range().end() <= text.length(), () -> "error " + e + " outside the text; " + context.get());
        }
        assertDoesNotThrow(() -> BuildKitDump.dump(parsed), () -> "BuildKitDump; " + context.get());
        assertDoesNotThrow(() -> TreePrinter.print(parsed), () -> "TreePrinter; " + context.get());
        checkAgreesWithScanner(parsed, context);
        return parsed;
    }

    private static void checkTopLevel(ParsedDockerfile parsed, Supplier<String> context) {
        List<TextRange> ranges = new ArrayList<>();
        parsed.directives().forEach(d -> ranges.add(d.range()));
        parsed.comments().forEach(c -> ranges.add(c.range()));
        parsed.instructions().forEach(i -> ranges.add(i.range()));
        ranges.sort(Comparator.naturalOrder());
        int previousEnd = 0;
        for (TextRange r : ranges) {
            assertTrue(r.start() >= previousEnd, () -> "top-level nodes overlap at " + r + "; " + context.get());
            previousEnd = r.end();
        }
        assertTrue(previousEnd <= parsed.text().length(), () -> "a node ends past the text; " + context.get());
        checkEveryLineAccountedFor(parsed.text(), ranges, context);
    }

    /** Every line with text on it (BuildKit's lines: split at {@code \n}) lies in a directive, comment or instruction. */
    private static void checkEveryLineAccountedFor(String text, List<TextRange> sorted, Supplier<String> context) {
        int next = 0;
        int lineStart = text.startsWith("\uFEFF") ? 1 : 0;
        while (lineStart < text.length()) {
            int nl = text.indexOf('\n', lineStart);
            int lineEnd = nl < 0 ? text.length() : nl;
            int first = GoStrings.skipSpace(text, lineStart, lineEnd);
            if (first < lineEnd) {
                while (next < sorted.size() && sorted.get(next).end() <= first) {
                    next++;
                }
                int at = first;
                assertTrue(next < sorted.size() && sorted.get(next).contains(at),
                        () -> "the line at offset " + at + " is in no node; " + context.get());
            }
            lineStart = lineEnd + 1;
        }
    }

    /**
     * Walks the record components of a node: every {@link TextRange} in it must lie within {@code outer}.
     * Reflection keeps this complete when records gain parts. An unterminated heredoc's body and terminator
     * are empty ranges on the line after the instruction, so only its marker is checked.
     */
    private static void checkParts(Object node, TextRange outer, Supplier<String> context) {
        if (node instanceof TextRange r) {
            assertTrue(outer.contains(r), () -> "part " + r + " outside its node " + outer + "; " + context.get());
        } else if (node instanceof Optional<?> o) {
            o.ifPresent(v -> checkParts(v, outer, context));
        } else if (node instanceof List<?> list) {
            list.forEach(v -> checkParts(v, outer, context));
        } else if (node instanceof Heredoc h && !h.terminated()) {
            checkParts(h.markerRange(), outer, context);
        } else if (node instanceof Record) {
            for (Method accessor : ACCESSORS.get(node.getClass())) {
                checkParts(component(node, accessor), outer, context);
            }
        }
    }

    /** Each record class's component accessors, looked up once: a million nodes get walked. */
    private static final ClassValue<Method[]> ACCESSORS = new ClassValue<>() {
        @Override
        protected Method[] computeValue(Class<?> type) {
            return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getAccessor).toArray(Method[]::new);
        }
    };

    private static Object component(Object record, Method accessor) {
        try {
            return accessor.invoke(record);
        } catch (ReflectiveOperationException e) {
            return fail("cannot read " + accessor, e);
        }
    }

    /** The parse tree must account for exactly the lines the scanner found: nothing dropped, nothing added. */
    private static void checkAgreesWithScanner(ParsedDockerfile parsed, Supplier<String> context) {
        SourceScanner.Layout layout = SourceScanner.scan(parsed.text());
        List<TextRange> scanned = layout.instructions().stream().map(ScannedInstruction::range).toList();
        List<TextRange> built = parsed.instructions().stream().map(Instruction::range).toList();
        assertEquals(scanned, built, () -> "instructions; " + context.get());
        assertEquals(layout.comments(), parsed.comments().stream().map(c -> c.range()).toList(),
                () -> "comments; " + context.get());
        assertEquals(layout.directives().directives(), parsed.directives(), () -> "directives; " + context.get());
    }

    static String describe(String what, String text) {
        String shown = text.length() <= 2000 ? GoQuoting.quote(text)
                : GoQuoting.quote(text.substring(0, 1000)) + "... (" + text.length() + " chars)";
        return what + ": " + shown;
    }
}
