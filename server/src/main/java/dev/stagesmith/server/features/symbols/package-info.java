/**
 * What is at a place in a Dockerfile and where else it is mentioned, with BuildKit's rules: the shared
 * resolver behind hover, definition, references, highlight and rename. {@link
 * dev.stagesmith.server.features.symbols.SymbolAt} answers "what is here", {@link
 * dev.stagesmith.server.features.symbols.Occurrences} "where else", {@link
 * dev.stagesmith.server.features.symbols.VariableSites} and {@link
 * dev.stagesmith.server.features.symbols.Visible} where variables are expanded and what they see there.
 */
package dev.stagesmith.server.features.symbols;
