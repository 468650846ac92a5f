package dev.stagesmith.engine.build;

import com.google.gson.JsonObject;
import dev.stagesmith.engine.fs.FileTree;
import dev.stagesmith.engine.layer.LayerReader;
import dev.stagesmith.engine.oci.Digest;
import dev.stagesmith.engine.store.BlobStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An image while a stage builds it: the config, the layers (uncompressed tars in the blob store, by diff
 * ID), the cache key of everything that made it, and the build environment (ENV plus ARG values, which RUN
 * would see). The file tree is read from the layers only when a step needs it.
 */
final class ImageState {

    /** One layer: its diff ID and uncompressed size. */
    record Layer(Digest diffId, long size) {}

    final JsonObject config;
    final List<Layer> layers;
    final Digest key;
    final Map<String, String> env;
    private final ImageState parent;
    private final BlobStore blobs;
    private FileTree tree;

    ImageState(JsonObject config, List<Layer> layers, Digest key, Map<String, String> env, ImageState parent,
            BlobStore blobs, FileTree tree) {
        this.config = config;
        this.layers = List.copyOf(layers);
        this.key = key;
        this.env = new LinkedHashMap<>(env);
        this.parent = parent;
        this.blobs = blobs;
        this.tree = tree;
    }

    /** This state with one more layer (or none) and a new key; the tree is derived lazily from the parent's. */
    ImageState next(JsonObject newConfig, Layer layer, Digest newKey, Map<String, String> newEnv) {
        List<Layer> ls = new ArrayList<>(layers);
        if (layer != null) {
            ls.add(layer);
        }
        return new ImageState(newConfig, ls, newKey, newEnv, this, blobs, layer == null ? tree : null);
    }

    /** The merged file system, read from the layer blobs once and kept. */
    synchronized FileTree tree() {
        if (tree == null) {
            try {
                FileTree base;
                List<Layer> own;
                if (parent != null && layers.size() >= parent.layers.size()
                        && layers.subList(0, parent.layers.size()).equals(parent.layers)) {
                    base = parent.tree();
                    own = layers.subList(parent.layers.size(), layers.size());
                } else {
                    base = FileTree.empty();
                    own = layers;
                }
                for (Layer l : own) {
                    base = base.apply(LayerReader.read(blobs.path(l.diffId())));
                }
                tree = base;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read a layer of the image from the cache: " + e.getMessage(), e);
            }
        }
        return tree;
    }

    long size() {
        return layers.stream().mapToLong(Layer::size).sum();
    }
}
