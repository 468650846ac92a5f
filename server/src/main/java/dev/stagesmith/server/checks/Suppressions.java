package dev.stagesmith.server.checks;

import dev.stagesmith.grammar.ParsedDockerfile;
import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.grammar.syntax.Comment;
import dev.stagesmith.grammar.syntax.Instruction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inline suppressions: a comment {@code # stagesmith-ignore=Code[,Code...]} (or {@code =all}) silences
 * those rules on the next instruction, as hadolint's {@code # hadolint ignore=} does.
 */
final class Suppressions {

    private static final Pattern IGNORE = Pattern.compile("\\s*stagesmith-ignore\\s*=\\s*([A-Za-z0-9_,\\s-]+)");

    private record Scope(TextRange range, Set<String> codes) {}

    private final List<Scope> scopes;

    private Suppressions(List<Scope> scopes) {
        this.scopes = scopes;
    }

    static Suppressions of(ParsedDockerfile file) {
        List<Scope> scopes = new ArrayList<>();
        List<Instruction> instructions = file.instructions();
        int next = 0;
        for (Comment c : file.comments()) {
            Matcher m = IGNORE.matcher(c.text());
            if (!m.lookingAt()) {
                continue;
            }
            while (next < instructions.size() && instructions.get(next).range().start() < c.range().end()) {
                next++;
            }
            if (next < instructions.size()) {
                Set<String> codes = new HashSet<>();
                for (String code : m.group(1).split(",")) {
                    if (!code.isBlank()) {
                        codes.add(code.trim().toLowerCase(Locale.ROOT));
                    }
                }
                scopes.add(new Scope(instructions.get(next).range(), codes));
            }
        }
        return new Suppressions(scopes);
    }

    boolean suppresses(Finding f) {
        for (Scope s : scopes) {
            if (s.range().touches(f.range().start())
                    && (s.codes().contains("all") || s.codes().contains(f.code().toLowerCase(Locale.ROOT)))) {
                return true;
            }
        }
        return false;
    }
}
