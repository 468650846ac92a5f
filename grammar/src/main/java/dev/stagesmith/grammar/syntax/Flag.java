package dev.stagesmith.grammar.syntax;

import dev.stagesmith.grammar.TextRange;
import java.util.Optional;

/**
 * A builder flag such as {@code --from=build}.
 *
 * @param text the flag as BuildKit reads it, quotes removed ({@code --from=build})
 * @param name the name without dashes ({@code from})
 * @param value the text after the first {@code =}, if there is one
 * @param range the flag in the source
 * @param nameRange the name in the source
 * @param valueRange the value in the source (empty, at the flag's end, when there is no value)
 */
public record Flag(
        String text, String name, Optional<String> value, TextRange range, TextRange nameRange, TextRange valueRange) {

    public boolean hasValue() {
        return value.isPresent();
    }
}
