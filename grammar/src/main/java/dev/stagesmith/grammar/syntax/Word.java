package dev.stagesmith.grammar.syntax;

import dev.stagesmith.grammar.TextRange;

/**
 * One argument as BuildKit's parser produced it (quotes and escapes still in place where BuildKit keeps
 * them, not expanded) and the exact source range it came from.
 */
public record Word(String value, TextRange range) {}
