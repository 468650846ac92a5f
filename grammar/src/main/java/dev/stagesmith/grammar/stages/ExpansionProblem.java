package dev.stagesmith.grammar.stages;

import dev.stagesmith.grammar.TextRange;

/** A word BuildKit would fail to expand (for example {@code ${}} or {@code ${NAME:?required}}), and where. */
public record ExpansionProblem(String message, TextRange range) {}
