package dev.stagesmith.engine.build;

import dev.stagesmith.engine.context.BuildContext;
import dev.stagesmith.engine.fs.FileEntry;
import dev.stagesmith.engine.oci.Digest;
import dev.stagesmith.engine.run.fs.RootFs;
import dev.stagesmith.engine.run.mount.MountException;
import dev.stagesmith.engine.run.mount.MountSources;
import dev.stagesmith.grammar.stages.Stage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The directories a {@code RUN --mount=type=bind} may name: a subpath of the build context (keyed by the
 * content digests of the files under it), or the final root of a stage or an image, materialized once per
 * build and keyed by that stage's or image's cache key.
 */
final class RunMountRoots implements MountSources.Roots {

    private final BuildSession session;
    private final StageBuilder stage;

    RunMountRoots(BuildSession session, StageBuilder stage) {
        this.session = session;
        this.stage = stage;
    }

    @Override
    public MountSources.Root context(String subpath) throws MountException {
        try {
            BuildContext ctx = session.context();
            String rel = PathRules.join("/", subpath).substring(1);
            Path dir = rel.isEmpty() ? ctx.root() : ctx.root().resolve(rel);
            if (!Files.exists(dir)) {
                throw new MountException("the build context has no " + (rel.isEmpty() ? "/" : rel)
                        + " to mount: check the mount's source=");
            }
            List<String> files = new ArrayList<>();
            for (FileEntry e : rel.isEmpty() ? ctx.tree().entries() : ctx.tree().children(rel)) {
                if (e.type() == FileEntry.Type.FILE) {
                    files.add(e.path());
                }
            }
            ctx.tree().get(rel).filter(e -> e.type() == FileEntry.Type.FILE).ifPresent(e -> files.add(e.path()));
            Map<String, Digest> digests = new TreeMap<>(session.hasher().digests(ctx, files));
            StringBuilder key = new StringBuilder("context ").append(rel).append('\n');
            for (FileEntry e : rel.isEmpty() ? ctx.tree().entries() : ctx.tree().children(rel)) {
                key.append(e.path()).append(' ').append(e.type()).append(' ').append(Integer.toOctalString(e.mode()))
                        .append(' ').append(e.linkTarget()).append(' ').append(digests.getOrDefault(e.path(), null))
                        .append('\n');
            }
            return MountSources.Root.of(dir, Digest.of(key.toString()).toString());
        } catch (IOException e) {
            throw new MountException("cannot read the build context for a mount: " + e.getMessage(), e);
        }
    }

    @Override
    public MountSources.Root from(String name) throws MountException {
        ImageState source = sourceState(name);
        String key = source.key.toString();
        return new MountSources.Root("root " + key, () -> {
            try {
                return session.mountRoots.computeIfAbsent(key, k -> {
                    try {
                        Path d = Files.createDirectory(session.scratchDir().resolve("root"));
                        RootFs.create(d).sync(source.tree());
                        return d;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw new MountException("cannot lay out " + name + " to mount it: " + e.getCause().getMessage(), e);
            }
        });
    }

    private ImageState sourceState(String from) throws MountException {
        Stage current = stage.stage();
        // Unlike COPY --from, a mount's from= is a stage name or an image, never an index (BuildKit).
        Optional<Stage> target = session.graph().findByName(from);
        if (target.isPresent()) {
            if (target.get().index() >= current.index()) {
                throw new MountException("cannot mount from stage \"" + from + "\", it needs to be defined before "
                        + "current stage \"" + current.displayName() + "\"");
            }
            return session.stageState(target.get().index());
        }
        try {
            BaseImages.Source image = session.images().forCopy(from);
            if (image.directory() != null) {
                throw new MountException("--mount from=" + from + " names a local directory context; "
                        + "mount it with a bind from the main context instead");
            }
            return image.state();
        } catch (StepFailure e) {
            throw new MountException(e.getMessage(), e.getCause());
        }
    }
}
