package dev.stagesmith.grammar;

/** A Dockerfile that BuildKit's parser rejects, with the exact range of the offending text. */
public record SyntaxError(String message, TextRange range) {}
