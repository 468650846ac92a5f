package dev.stagesmith.grammar.syntax;

import dev.stagesmith.grammar.TextRange;

/** A parser directive at the top of the file: {@code # syntax=}, {@code # escape=} or {@code # check=}. */
public record Directive(String name, String value, TextRange range, TextRange nameRange, TextRange valueRange) {}
