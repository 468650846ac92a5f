package dev.stagesmith.engine.build;

import com.google.gson.JsonObject;
import dev.stagesmith.engine.image.ArchiveWriter;
import dev.stagesmith.engine.image.BuiltImage;
import dev.stagesmith.engine.image.LayerBlob;
import dev.stagesmith.engine.image.LayerCompressor;
import dev.stagesmith.engine.image.OciLayoutWriter;
import dev.stagesmith.engine.oci.CanonicalJson;
import dev.stagesmith.engine.oci.Descriptor;
import dev.stagesmith.engine.oci.Digest;
import dev.stagesmith.engine.oci.MediaTypes;
import dev.stagesmith.engine.registry.ImageReference;
import dev.stagesmith.engine.registry.PushRequest;
import dev.stagesmith.engine.registry.RegistryClient;
import dev.stagesmith.engine.store.BlobStore;
import dev.stagesmith.engine.store.BuildCache;
import dev.stagesmith.grammar.stages.Stage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the target stage's state into an image: the config (with its {@code created} time), the manifest,
 * then every output (OCI layout, archives), the local image store for {@code --tag}, and {@code --push}.
 * Layers stay uncompressed unless asked (gzip copies are cached by diff ID); pushes are always gzip.
 */
final class Exporter {

    private Exporter() {}

    static BuildResult export(BuildSession session, Stage target, ImageState state,
            List<BuildResult.StageTiming> timings, Duration elapsed) throws BuildException, IOException {
        BuildRequest req = session.request();
        JsonObject config = state.config.deepCopy();
        Instant made = session.lastCreated.getOrDefault(target.index(), Instant.EPOCH);
        config.addProperty("created", session.created(made).toString());
        byte[] configBytes = CanonicalJson.bytes(config);
        BlobStore blobs = session.cache().blobs();
        Digest configDigest = blobs.put(configBytes);

        BuiltImage local;
        try {
            local = BuiltImage.assemble(configBytes, layers(session, state, req.compress()));
        } catch (IllegalArgumentException e) {
            throw new BuildException("the image of stage " + target.displayName() + " is inconsistent: "
                    + e.getMessage() + " (this is a bug; please report it)", e);
        }
        blobs.put(local.manifestBytes());

        String targetName = target.targetName();
        Optional<ImageReference> tag = Optional.empty();
        if (req.tag().isPresent()) {
            try {
                tag = Optional.of(ImageReference.parse(req.tag().get()));
            } catch (IllegalArgumentException e) {
                throw new BuildException("--tag " + req.tag().get() + ": " + e.getMessage());
            }
        }
        String refName = tag.map(t -> t.tag().orElse("latest")).orElse(targetName);
        String imageName = tag.map(ImageReference::toString).orElse("localhost/" + safeName(targetName) + ":latest");
        List<String> written = new ArrayList<>();
        List<Output> outputs = req.outputs().isEmpty()
                ? List.of(new Output.OciLayout(req.context().resolve(BuildSession.OWN_DIR).resolve("out")
                        .resolve(safeName(targetName))))
                : req.outputs();
        for (Output o : outputs) {
            session.emit(new BuildEvent.Note("export " + describe(o, refName)));
            if (o instanceof Output.OciLayout l) {
                if (req.outputs().isEmpty()) {
                    replaceLayout(l.dir(), local, refName, imageName);
                } else {
                    OciLayoutWriter.write(l.dir(), local, refName, imageName);
                }
            } else if (o instanceof Output.Archive a) {
                Files.createDirectories(a.file().toAbsolutePath().getParent());
                ArchiveWriter.write(a.file(), local, refName, imageName);
            }
            written.add(describe(o, refName));
        }
        if (tag.isPresent()) {
            session.cache().putImage(new BuildCache.LocalImage(tag.get().toString(), req.platform().toString(),
                    configDigest, state.layers.stream().map(ImageState.Layer::diffId).toList(), local.manifest().digest()));
        }
        Digest shown = local.manifest().digest();
        if (req.push().isPresent()) {
            shown = push(session, req.push().get(), configBytes, state);
            written.add("pushed " + req.push().get());
        }
        return new BuildResult(targetName, shown, configDigest, state.size(), state.layers.size(), timings, written,
                elapsed);
    }

    private static List<LayerBlob> layers(BuildSession session, ImageState state, boolean gzip) throws IOException {
        List<LayerBlob> out = new ArrayList<>();
        BlobStore blobs = session.cache().blobs();
        for (ImageState.Layer l : state.layers) {
            if (gzip) {
                Digest z = compressed(session.cache(), l.diffId());
                out.add(new LayerBlob(new Descriptor(MediaTypes.OCI_LAYER_GZIP, z, Files.size(blobs.path(z))),
                        blobs.path(z)));
            } else {
                out.add(new LayerBlob(new Descriptor(MediaTypes.OCI_LAYER, l.diffId(), l.size()), blobs.path(l.diffId())));
            }
        }
        return out;
    }

    /** The gzip copy of a layer, made once and cached (deflate output is not expected to be re-creatable). */
    private static Digest compressed(BuildCache cache, Digest diffId) throws IOException {
        Optional<Digest> known = cache.compressed(diffId);
        if (known.isPresent()) {
            return known.get();
        }
        Digest z;
        try (BlobStore.Writer w = cache.blobs().writer()) {
            LayerCompressor.gzip(cache.blobs().path(diffId), w);
            z = w.commit(Optional.empty());
        }
        cache.putCompressed(diffId, z);
        return z;
    }

    private static Digest push(BuildSession session, String target, byte[] configBytes, ImageState state)
            throws BuildException, IOException {
        ImageReference ref;
        try {
            ref = ImageReference.parse(target);
        } catch (IllegalArgumentException e) {
            throw new BuildException("--push " + target + ": " + e.getMessage());
        }
        BuiltImage image = BuiltImage.assemble(configBytes, layers(session, state, true));
        Map<Digest, Path> files = new HashMap<>();
        List<Descriptor> blobs = new ArrayList<>();
        Path configFile = session.cache().blobs().path(image.config().digest());
        files.put(image.config().digest(), configFile);
        blobs.add(image.config());
        for (LayerBlob l : image.layers()) {
            files.put(l.descriptor().digest(), l.file());
            blobs.add(l.descriptor());
        }
        long total = blobs.stream().mapToLong(Descriptor::size).sum();
        long[] sent = {0};
        session.emit(new BuildEvent.Note("push " + ref));
        try {
            new RegistryClient(session.request().registry()).push(ref,
                    new PushRequest(image.manifestBytes(), MediaTypes.OCI_MANIFEST, blobs, files::get),
                    delta -> session.emit(new BuildEvent.Transfer("push " + ref.familiar(), sent[0] += delta, total)));
        } catch (IOException e) {
            throw new BuildException("--push " + ref + ": " + e.getMessage(), e);
        }
        return image.manifest().digest();
    }

    /**
     * The default output is ours alone, so it is replaced whole: written beside it under a temp name, then
     * swapped in, so an interrupted build leaves the previous image, never half of a new one.
     */
    private static void replaceLayout(Path dir, BuiltImage image, String refName, String imageName) throws IOException {
        Path parent = dir.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path fresh = parent.resolve("." + dir.getFileName() + ".new-" + ProcessHandle.current().pid() + "-"
                + Thread.currentThread().getId());
        Path old = parent.resolve("." + dir.getFileName() + ".old-" + ProcessHandle.current().pid() + "-"
                + Thread.currentThread().getId());
        Trees.delete(fresh);
        OciLayoutWriter.write(fresh, image, refName, imageName);
        if (Files.exists(dir)) {
            Files.move(dir, old);
        }
        Files.move(fresh, dir);
        Trees.deleteQuietly(old);
    }

    private static String describe(Output o, String refName) {
        if (o instanceof Output.OciLayout l) {
            return "oci:" + l.dir() + ":" + refName;
        }
        Output.Archive a = (Output.Archive) o;
        return (a.kind() == Output.Archive.Kind.OCI ? "oci-archive:" : "docker-archive:") + a.file();
    }

    /** A stage name as a path element and image name component. */
    private static String safeName(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
    }
}
