package dev.stagesmith.server.features.symbols;

import dev.stagesmith.grammar.TextRange;

/**
 * One mention of a stage or a variable.
 *
 * @param range the name as written (the whole word when its positions are not exact)
 * @param declaration the name after AS, an ARG name or an ENV key
 * @param form how the mention is written
 */
public record Occurrence(TextRange range, boolean declaration, Form form) {

    /** How a mention is written, which decides whether and how a rename can change it. */
    public enum Form {
        /** The name itself: a rename writes the new name. */
        NAME,
        /** A stage name in FROM, which BuildKit matches case-sensitively against lower-cased names. */
        FROM_NAME,
        /** {@code --from=<index>}: still right after a rename. */
        INDEX,
        /** Through a variable, quotes or escapes: a rename cannot edit it. */
        INDIRECT
    }
}
