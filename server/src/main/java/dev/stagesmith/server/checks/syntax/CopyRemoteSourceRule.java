package dev.stagesmith.server.checks.syntax;

import dev.stagesmith.grammar.syntax.Copy;
import dev.stagesmith.grammar.syntax.Instruction;
import dev.stagesmith.grammar.syntax.Word;
import dev.stagesmith.server.checks.CheckInput;
import dev.stagesmith.server.checks.Findings;
import dev.stagesmith.server.checks.Fix;
import dev.stagesmith.server.checks.Severity;
import java.util.Locale;

/**
 * COPY with a URL or Git source: only ADD downloads, so BuildKit's dispatch fails with {@code source can't be
 * a URL for COPY} (or {@code a git ref}). Sources with variables are expanded by the build and left alone.
 */
public final class CopyRemoteSourceRule extends SyntaxRule {

    public CopyRemoteSourceRule() {
        super("copy-remote-source", Severity.ERROR, "COPY names a URL or Git repository, which only ADD can fetch");
    }

    @Override
    public void check(CheckInput input, Findings out) {
        for (Instruction i : Instructions.withTriggers(input.file().instructions())) {
            if (!(i instanceof Copy c) || c.destination().isEmpty()) {
                continue;
            }
            for (Word source : c.sources()) {
                String s = source.value();
                if (s.contains("$") || c.heredocs().stream().anyMatch(h -> h.markerRange().equals(source.range()))) {
                    continue;
                }
                String kind = kind(s);
                if (kind != null) {
                    String add = Instructions.matchCase("ADD", c.keyword().value());
                    out.report(source.range(), "source can't be " + kind + " for COPY: use ADD to fetch it",
                            Fix.replace("Change COPY to " + add, c.keyword().range(), add));
                }
            }
        }
    }

    /** "a URL", "a git ref" or null, as BuildKit tells its remote sources apart. */
    private static String kind(String source) {
        String lower = source.toLowerCase(Locale.ROOT);
        if (lower.startsWith("git@") || lower.startsWith("git://") || lower.startsWith("ssh://")) {
            return "a git ref";
        }
        if (source.startsWith("http://") || source.startsWith("https://")) {
            String path = source.replaceFirst("[?#].*$", "");
            return path.endsWith(".git") ? "a git ref" : "a URL";
        }
        return null;
    }
}
