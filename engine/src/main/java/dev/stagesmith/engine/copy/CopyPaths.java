package dev.stagesmith.engine.copy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Lexical path helpers for root-relative paths ("" is the root), shared by sources, destination and archives. */
final class CopyPaths {

    private CopyPaths() {}

    static String join(String dir, String name) {
        if (dir.isEmpty()) {
            return name;
        }
        return name.isEmpty() ? dir : dir + "/" + name;
    }

    /**
     * Cleans a path lexically and makes it root-relative; a leading '/' is dropped. Empty when {@code ..} climbs
     * above the root, so each caller decides whether that is an error (the context) or clamps (a stage).
     */
    static Optional<String> clean(String path) {
        return dev.stagesmith.engine.layer.LayerReader.cleanName(path);
    }

    /** {@link #clean} with {@code ..} stopping at the root, as {@code filepath.Join("/", p)} does. */
    static String cleanClamped(String path) {
        List<String> parts = new ArrayList<>();
        for (String p : path.split("/")) {
            if (p.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
            } else if (!p.isEmpty() && !p.equals(".")) {
                parts.add(p);
            }
        }
        return String.join("/", parts);
    }

    /** The part of {@code path} below {@code dir}; {@code path} must be {@code dir} or inside it. */
    static String relative(String dir, String path) {
        if (dir.isEmpty()) {
            return path;
        }
        return path.length() == dir.length() ? "" : path.substring(dir.length() + 1);
    }

    /** How a root-relative path is shown to users. */
    static String display(String path) {
        return "/" + path;
    }
}
