package dev.stagesmith.grammar.syntax;

import dev.stagesmith.grammar.TextRange;

/** One pair of ENV or LABEL; the value keeps its quotes and escapes until expansion. */
public record KeyValue(Word key, Word value, TextRange range) {}
