package dev.stagesmith.engine.image;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.stagesmith.engine.oci.CanonicalJson;

/**
 * Checks an image config against the layers it is about to be shipped with. A mismatch is accepted silently by
 * podman but breaks {@code docker load} and {@code podman history}, so it must never leave the engine.
 */
final class ConfigCheck {

    private ConfigCheck() {}

    static void check(byte[] configBytes, int layerCount) {
        JsonObject config = CanonicalJson.parseObject(configBytes, "image config");
        JsonObject rootfs = config.has("rootfs") && config.get("rootfs").isJsonObject()
                ? config.getAsJsonObject("rootfs") : null;
        if (rootfs == null || !rootfs.has("diff_ids") || !rootfs.get("diff_ids").isJsonArray()) {
            throw new IllegalArgumentException("image config has no rootfs.diff_ids array");
        }
        int diffIds = rootfs.getAsJsonArray("diff_ids").size();
        if (diffIds != layerCount) {
            throw new IllegalArgumentException("image config lists " + diffIds + " diff_ids but the image has "
                    + layerCount + " layers; each layer needs exactly one diff_id, in order");
        }
        if (config.has("history")) {
            int withLayer = nonEmptyHistory(config.get("history"));
            if (withLayer != layerCount) {
                throw new IllegalArgumentException("image config has " + withLayer
                        + " history entries without empty_layer=true but the image has " + layerCount
                        + " layers; mark metadata-only steps with empty_layer=true");
            }
        }
    }

    private static int nonEmptyHistory(JsonElement history) {
        if (!history.isJsonArray()) {
            throw new IllegalArgumentException("image config history is not an array");
        }
        int n = 0;
        for (JsonElement h : history.getAsJsonArray()) {
            if (!h.isJsonObject()) {
                throw new IllegalArgumentException("image config history has an entry that is not an object: " + h);
            }
            JsonElement empty = h.getAsJsonObject().get("empty_layer");
            if (empty == null || !empty.isJsonPrimitive() || !empty.getAsBoolean()) {
                n++;
            }
        }
        return n;
    }
}
