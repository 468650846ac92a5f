package dev.stagesmith.grammar.syntax;

import dev.stagesmith.grammar.TextRange;
import java.util.Optional;

/** One name of an ARG instruction, with its default value when it has one ({@code ARG NAME=default}). */
public record ArgDeclaration(Word name, Optional<Word> defaultValue, TextRange range) {}
