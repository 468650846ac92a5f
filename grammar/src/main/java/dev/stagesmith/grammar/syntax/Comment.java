package dev.stagesmith.grammar.syntax;

import dev.stagesmith.grammar.TextRange;

/** A comment line ({@code # ...}) outside any instruction; {@code text} is what follows the {@code #}. */
public record Comment(String text, TextRange range) {}
