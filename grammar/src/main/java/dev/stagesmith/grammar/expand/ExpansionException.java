package dev.stagesmith.grammar.expand;

/** A word that BuildKit would refuse to expand, such as {@code ${}} or an unterminated quote. */
public final class ExpansionException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int index;

    public ExpansionException(String message, int index) {
        super(message);
        this.index = index;
    }

    /** Index in the processed word where the problem was found. */
    public int index() {
        return index;
    }
}
