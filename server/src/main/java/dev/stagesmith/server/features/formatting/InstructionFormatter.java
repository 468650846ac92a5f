package dev.stagesmith.server.features.formatting;

import dev.stagesmith.grammar.ParsedDockerfile;
import dev.stagesmith.grammar.syntax.Cmd;
import dev.stagesmith.grammar.syntax.Command;
import dev.stagesmith.grammar.syntax.Entrypoint;
import dev.stagesmith.grammar.syntax.Healthcheck;
import dev.stagesmith.grammar.syntax.Instruction;
import dev.stagesmith.grammar.syntax.Maintainer;
import dev.stagesmith.grammar.syntax.Run;
import dev.stagesmith.grammar.syntax.Shell;
import dev.stagesmith.grammar.syntax.StopSignal;
import dev.stagesmith.grammar.syntax.Unknown;
import dev.stagesmith.grammar.syntax.User;
import dev.stagesmith.grammar.syntax.Workdir;
import dev.stagesmith.server.features.PhysicalLines;
import dev.stagesmith.server.features.formatting.InstructionLines.Kind;
import dev.stagesmith.server.features.formatting.InstructionLines.Line;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Formats one instruction: keyword casing, one space after the keyword, trailing whitespace, and continuation
 * lines one indentation level in from the keyword. Every change but the casing is kept only when
 * {@link DumpCheck} proves BuildKit reads the instruction as before.
 */
final class InstructionFormatter {

    /** At most this many lines are tried one by one when re-indenting them all at once would change the instruction. */
    private static final int MAX_SINGLE_ATTEMPTS = 64;

    private final String text;
    private final char escape;
    private final FormatOptions options;
    private final KeywordCase casing;

    InstructionFormatter(ParsedDockerfile file, FormatOptions options) {
        this.text = file.text();
        this.escape = file.escape();
        this.options = options;
        this.casing = KeywordCase.of(file.instructions());
    }

    /**
     * Every change the instruction could take, unproven. {@link DocumentFormatter} checks them all with
     * one parse of the formatted file and falls back to {@link #proven} for an instruction that changed.
     */
    List<Replacement> everything(Instruction instruction) {
        List<Instruction> chain = instruction.withTriggers();
        InstructionLines layout = InstructionLines.of(text, instruction);
        List<Replacement> out = new ArrayList<>(casing(chain));
        out.addAll(spacing(chain, layout));
        String[] indents = indents(layout);
        String wanted = layout.indent() + options.indent();
        for (int n : candidates(layout, verbatimFrom(chain.get(chain.size() - 1)), indents)) {
            out.add(indentation(layout.lines().get(n), wanted));
            indents[n] = wanted;
        }
        out.addAll(comments(layout, indents));
        return out;
    }

    /** The changes {@link DumpCheck} proves keep the instruction's meaning, group by group, line by line. */
    List<Replacement> proven(Instruction instruction) {
        List<Instruction> chain = instruction.withTriggers();
        InstructionLines layout = InstructionLines.of(text, instruction);
        DumpCheck check = new DumpCheck(text, instruction, escape);
        List<Replacement> accepted = new ArrayList<>(casing(chain));
        List<Replacement> spacing = spacing(chain, layout);
        if (!spacing.isEmpty() && check.preserves(with(accepted, spacing))) {
            accepted.addAll(spacing);
        }
        String[] indents = reindent(layout, verbatimFrom(chain.get(chain.size() - 1)), check, accepted);
        List<Replacement> comments = comments(layout, indents);
        if (!comments.isEmpty() && check.preserves(with(accepted, comments))) {
            accepted.addAll(comments);
        }
        return accepted;
    }

    private List<Replacement> spacing(List<Instruction> chain, InstructionLines layout) {
        List<Replacement> out = new ArrayList<>(gaps(chain));
        if (options.trimTrailingWhitespace()) {
            out.addAll(trailing(layout));
        }
        return out;
    }

    private List<Replacement> casing(List<Instruction> chain) {
        List<Replacement> out = new ArrayList<>(1);
        for (Instruction i : chain) {
            if (i instanceof Unknown) {
                continue;
            }
            String k = i.keyword().value();
            String wanted = casing.apply(k);
            if (!wanted.equals(k) && wanted.length() == k.length() && i.keyword().range().length() == k.length()) {
                out.add(new Replacement(i.keyword().range(), wanted));
            }
        }
        return out;
    }

    /** One space between a keyword and what follows it on the same line (an argument or the continuation). */
    private List<Replacement> gaps(List<Instruction> chain) {
        List<Replacement> out = new ArrayList<>(1);
        for (Instruction i : chain) {
            int from = i.keyword().range().end();
            int lineEnd = PhysicalLines.contentEnd(text, from);
            int to = PhysicalLines.skipBlanks(text, from, lineEnd);
            if (to > from && to < lineEnd && !text.substring(from, to).equals(" ")) {
                out.add(Replacement.of(from, to, " "));
            }
        }
        return out;
    }

    private List<Replacement> trailing(InstructionLines layout) {
        List<Replacement> out = new ArrayList<>();
        for (Line line : layout.lines()) {
            int from = line.kind() == Kind.FIRST ? line.textStart() : line.start();
            int blanks = PhysicalLines.trailingBlanks(text, from, line.end());
            if (blanks < line.end()) {
                out.add(Replacement.of(blanks, line.end(), ""));
            }
        }
        return out;
    }

    /**
     * Re-indents content lines that may be, adding what is accepted to {@code accepted}. Returns each
     * line's indentation after formatting (null for lines that are not content lines).
     */
    private String[] reindent(InstructionLines layout, int verbatimFrom, DumpCheck check, List<Replacement> accepted) {
        String wanted = layout.indent() + options.indent();
        List<Line> lines = layout.lines();
        String[] indents = indents(layout);
        List<Integer> candidates = candidates(layout, verbatimFrom, indents);
        if (candidates.isEmpty()) {
            return indents;
        }
        List<Replacement> all = candidates.stream().map(n -> indentation(lines.get(n), wanted)).toList();
        if (check.preserves(with(accepted, all))) {
            accepted.addAll(all);
            candidates.forEach(n -> indents[n] = wanted);
            return indents;
        }
        if (candidates.size() > MAX_SINGLE_ATTEMPTS) {
            return indents; // all or none, so that a second formatting finds the same lines to try
        }
        for (int n : candidates) {
            Replacement r = indentation(lines.get(n), wanted);
            if (check.preserves(with(accepted, List.of(r)))) {
                accepted.add(r);
                indents[n] = wanted;
            }
        }
        return indents;
    }

    /** Each content line's indentation as written (null for the other lines). */
    private String[] indents(InstructionLines layout) {
        List<Line> lines = layout.lines();
        String[] indents = new String[lines.size()];
        for (int n = 0; n < lines.size(); n++) {
            Line line = lines.get(n);
            if (line.kind() == Kind.CONTENT) {
                indents[n] = text.substring(line.start(), PhysicalLines.skipBlanks(text, line.start(), line.end()));
            }
        }
        return indents;
    }

    /** The content lines to re-indent: those not indented one level in, outside a verbatim value. */
    private List<Integer> candidates(InstructionLines layout, int verbatimFrom, String[] indents) {
        String wanted = layout.indent() + options.indent();
        List<Line> lines = layout.lines();
        int lastContent = lines.size() - 1;
        while (lastContent > 0 && lines.get(lastContent).kind() != Kind.CONTENT) {
            lastContent--;
        }
        List<Integer> out = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            Line line = lines.get(n);
            // The lines of a verbatim value cannot move, so neither does the line it starts on (unless it is
            // the last), or the block the author aligned would come apart.
            boolean verbatim = line.start() > verbatimFrom || n < lastContent && line.end() >= verbatimFrom;
            if (indents[n] != null && !indents[n].equals(wanted) && !verbatim) {
                out.add(n);
            }
        }
        return out;
    }

    private Replacement indentation(Line line, String wanted) {
        return Replacement.of(line.start(), PhysicalLines.skipBlanks(text, line.start(), line.end()), wanted);
    }

    /** Comment lines inside the continuation take the indentation of the content line they precede. */
    private List<Replacement> comments(InstructionLines layout, String[] indents) {
        List<Replacement> out = new ArrayList<>();
        List<Line> lines = layout.lines();
        for (int n = 0; n < lines.size(); n++) {
            Line line = lines.get(n);
            if (line.kind() != Kind.COMMENT) {
                continue;
            }
            String wanted = neighbourIndent(indents, n).orElse(layout.indent() + options.indent());
            if (!text.substring(line.start(), line.textStart()).equals(wanted)) {
                out.add(Replacement.of(line.start(), line.textStart(), wanted));
            }
        }
        return out;
    }

    private static Optional<String> neighbourIndent(String[] indents, int n) {
        for (int k = n + 1; k < indents.length; k++) {
            if (indents[k] != null) {
                return Optional.of(indents[k]);
            }
        }
        for (int k = n - 1; k >= 0; k--) {
            if (indents[k] != null) {
                return Optional.of(indents[k]);
            }
        }
        return Optional.empty();
    }

    /**
     * Where the instruction's value starts being taken verbatim, whitespace included (a shell-form command,
     * a MAINTAINER or WORKDIR text): lines after it are never re-indented, as that would change the value.
     */
    private static int verbatimFrom(Instruction i) {
        Optional<Command> command = i instanceof Run r ? r.command()
                : i instanceof Cmd c ? c.command()
                : i instanceof Entrypoint e ? e.command()
                : i instanceof Shell s ? s.command()
                : i instanceof Healthcheck h ? h.command() : Optional.empty();
        if (command.isPresent()) {
            return command.get() instanceof Command.ShellForm shell ? shell.range().start() : Integer.MAX_VALUE;
        }
        if (i instanceof Unknown u) {
            return u.argumentsRange().start();
        }
        if ((i instanceof Maintainer || i instanceof StopSignal || i instanceof User || i instanceof Workdir)
                && !i.args().isEmpty()) {
            return i.args().get(0).range().start();
        }
        return Integer.MAX_VALUE;
    }

    private static List<Replacement> with(List<Replacement> a, List<Replacement> b) {
        List<Replacement> out = new ArrayList<>(a.size() + b.size());
        out.addAll(a);
        out.addAll(b);
        return out;
    }
}
