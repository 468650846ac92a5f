package dev.stagesmith.server.features.formatting;

import dev.stagesmith.grammar.syntax.Instruction;
import dev.stagesmith.grammar.syntax.Unknown;
import java.util.List;
import java.util.Locale;

/** The casing most instruction keywords of a file use; upper case unless lower case has more of them. */
enum KeywordCase {
    UPPER, LOWER;

    static KeywordCase of(List<Instruction> instructions) {
        int upper = 0;
        int lower = 0;
        for (Instruction outer : instructions) {
            for (Instruction i : outer.withTriggers()) {
                if (i instanceof Unknown) {
                    continue;
                }
                String k = i.keyword().value();
                if (k.equals(k.toUpperCase(Locale.ROOT))) {
                    upper++;
                } else if (k.equals(k.toLowerCase(Locale.ROOT))) {
                    lower++;
                }
            }
        }
        return lower > upper ? LOWER : UPPER;
    }

    /** The keyword in this casing. Known keywords are ASCII, so the length never changes. */
    String apply(String keyword) {
        return this == UPPER ? keyword.toUpperCase(Locale.ROOT) : keyword.toLowerCase(Locale.ROOT);
    }
}
