package dev.stagesmith.engine.build;

import dev.stagesmith.engine.fs.FileTree;
import java.util.List;
import java.util.function.Supplier;

/**
 * Where a COPY's or ADD's files come from, and what identifies them for the cache key. The tree is read only
 * when the step is planned: a cached step from a stage never reads the stage's layers.
 *
 * @param fromContext whether the tree is the main build context (escapes are errors; digests via the stat cache)
 * @param paths the sources to look up in the tree
 * @param written the sources as the history shows them
 * @param key what names the tree's content: "context", a stage's or image's cache key, a download's digest
 */
record CopySources(Supplier<FileTree> tree, boolean fromContext, List<String> paths, List<String> written, String key) {}
