package dev.stagesmith.server.features.build;

/** {@code stagesmith/buildLog}'s params: one line of a build's log, without its line break. */
public record BuildLogParams(String uri, String target, String line) {}
