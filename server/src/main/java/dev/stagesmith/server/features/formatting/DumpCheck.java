package dev.stagesmith.server.features.formatting;

import dev.stagesmith.grammar.Dockerfiles;
import dev.stagesmith.grammar.ParsedDockerfile;
import dev.stagesmith.grammar.SyntaxError;
import dev.stagesmith.grammar.dump.BuildKitDump;
import dev.stagesmith.grammar.syntax.Heredoc;
import dev.stagesmith.grammar.syntax.Instruction;
import java.util.List;

/**
 * Proves that changes to one instruction keep what BuildKit reads from it: the instruction is parsed alone,
 * before and after, and its BuildKit dump, heredocs and errors must stay the same. Whitespace inside a
 * shell-form command is part of its value, so this is what decides which lines may be re-indented.
 */
final class DumpCheck {

    private final Instruction instruction;
    private final String source;
    private final int base;
    private final String prefix;
    private String expected;

    DumpCheck(String text, Instruction instruction, char escape) {
        this.instruction = instruction;
        this.source = instruction.range().of(text);
        this.base = instruction.range().start();
        this.prefix = escape == '\\' ? "" : "# escape=" + escape + "\n";
    }

    boolean preserves(List<Replacement> changes) {
        if (changes.isEmpty()) {
            return true;
        }
        if (expected == null) {
            ParsedDockerfile alone = Dockerfiles.parse(prefix + source);
            boolean agrees = alone.instructions().size() == 1
                    && BuildKitDump.dump(alone.instructions().get(0)).equals(BuildKitDump.dump(instruction));
            // Read differently alone than in its file: nothing can be proven, so nothing is changed.
            expected = agrees ? reading(alone) : "";
        }
        return !expected.isEmpty() && expected.equals(reading(Dockerfiles.parse(prefix + Replacement.apply(source, base, changes))));
    }

    private static String reading(ParsedDockerfile file) {
        StringBuilder out = new StringBuilder();
        for (Instruction i : file.instructions()) {
            out.append(reading(i)).append('\n');
        }
        for (SyntaxError e : file.errors()) {
            out.append("error ").append(e.message()).append('\n');
        }
        return out.toString();
    }

    /** What BuildKit reads from one instruction: its dump and its heredocs. */
    static String reading(Instruction instruction) {
        StringBuilder out = new StringBuilder(BuildKitDump.dump(instruction));
        for (Instruction i : instruction.withTriggers()) {
            for (Heredoc h : i.heredocs()) {
                out.append("\nheredoc ").append(h.name()).append(' ').append(h.chomp()).append(' ')
                        .append(h.terminated()).append(h.expand()).append(h.fd()).append('\n').append(h.content());
            }
        }
        return out.toString();
    }

    /** The error messages of a file, in order, without their places. */
    static List<String> errors(ParsedDockerfile file) {
        return file.errors().stream().map(SyntaxError::message).toList();
    }
}
