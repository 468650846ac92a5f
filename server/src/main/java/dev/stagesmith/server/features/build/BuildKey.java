package dev.stagesmith.server.features.build;

/**
 * One build slot: a document and the stage it builds to, named as {@code --target} names it (the stage
 * name, or its index for an unnamed stage), so "Build image" and "Build stage" of the last stage share it.
 */
public record BuildKey(String uri, String target) {}
