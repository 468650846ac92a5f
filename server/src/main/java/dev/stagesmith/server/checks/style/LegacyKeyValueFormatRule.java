package dev.stagesmith.server.checks.style;

import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.grammar.syntax.Env;
import dev.stagesmith.grammar.syntax.Instruction;
import dev.stagesmith.grammar.syntax.KeyValue;
import dev.stagesmith.grammar.syntax.Label;
import dev.stagesmith.server.checks.CheckInput;
import dev.stagesmith.server.checks.Findings;
import dev.stagesmith.server.checks.Fix;
import dev.stagesmith.server.checks.Rule;
import dev.stagesmith.server.checks.Severity;
import java.util.List;
import java.util.Optional;

/**
 * ENV and LABEL in the legacy {@code KEY value} form (BuildKit's LegacyKeyValueFormat): the form takes
 * the rest of the line as one value, which reads differently from every other place {@code =} is used.
 */
public final class LegacyKeyValueFormatRule implements Rule {

    @Override
    public String code() {
        return "LegacyKeyValueFormat";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    @Override
    public String summary() {
        return "Legacy key/value format with whitespace separator should not be used";
    }

    @Override
    public void check(CheckInput input, Findings out) {
        char escape = input.file().escape();
        for (Stage stage : input.graph().stages()) {
            for (Instruction i : stage.instructions()) {
                List<KeyValue> pairs = i instanceof Env e && e.legacy() ? e.pairs()
                        : i instanceof Label l && l.legacy() ? l.pairs() : List.of();
                for (KeyValue kv : pairs) {
                    String name = i.keyword().value();
                    String message = "\"" + name + " key=value\" should be used instead of legacy \"" + name
                            + " key value\" format";
                    Optional<Fix> fix = fix(kv, escape);
                    out.report(kv.range(), message, fix.stream().toArray(Fix[]::new));
                }
            }
        }
    }

    /**
     * {@code KEY=value} meaning exactly what the legacy form meant. The legacy value is the rest of the
     * line, expanded as one word; in {@code KEY=value} form the words are split at blanks outside quotes
     * first. So a value without such blanks is kept as it is, one without quotes or escapes is wrapped in
     * double quotes (which expand variables the same way), and anything else is left to the author.
     */
    static Optional<Fix> fix(KeyValue kv, char escape) {
        TextRange gap = TextRange.of(kv.key().range().end(), kv.value().range().start());
        String value = kv.value().value();
        if (isOneWord(value, escape)) {
            return Optional.of(Fix.replace("Use KEY=value", gap, "="));
        }
        if (value.indexOf('"') < 0 && value.indexOf('\'') < 0 && value.indexOf(escape) < 0) {
            return Optional.of(new Fix("Use KEY=\"value\"", List.of(new Fix.Edit(gap, "=\""),
                    new Fix.Edit(TextRange.empty(kv.value().range().end()), "\""))));
        }
        return Optional.empty();
    }

    /** Whether BuildKit's word splitter (blanks outside quotes, escapes honoured) reads {@code value} as one word. */
    private static boolean isOneWord(String value, char escape) {
        char quote = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quote == 0) {
                if (SourceLines.isGoSpace(c)) {
                    return false;
                }
                if (c == escape) {
                    if (i + 1 == value.length()) {
                        // The splitter drops an escape at the very end; the value would change.
                        return false;
                    }
                    i++;
                } else if (c == '"' || c == '\'') {
                    quote = c;
                }
            } else if (c == quote) {
                quote = 0;
            } else if (c == escape && quote != '\'') {
                if (i + 1 == value.length()) {
                    return false;
                }
                i++;
            }
        }
        return true;
    }
}
