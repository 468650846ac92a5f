package dev.stagesmith.server.features.completion;

/** What the word at the cursor is, after an instruction's keyword. */
sealed interface Slot {

    /** {@code --fl}: a builder flag's name. */
    record FlagName() implements Slot {}

    /** {@code --from=bu}: a flag's value, which starts at {@code valueStart}. */
    record FlagValue(String name, int valueStart) implements Slot {}

    /** The {@code index}-th argument after the flags (0 for the first). */
    record Argument(int index) implements Slot {}
}
