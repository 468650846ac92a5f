package dev.stagesmith.engine.registry;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.stagesmith.engine.oci.Descriptor;
import dev.stagesmith.grammar.stages.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Picks the manifest for a platform from an image index or Docker manifest list. Names are normalized the way
 * containerd does ({@code aarch64} = {@code arm64}, {@code armhf} = {@code arm/v7}) and, unlike Jib, the variant
 * counts: {@code arm/v6} and {@code arm/v7} are different images. BuildKit's attestation entries are skipped.
 */
public final class PlatformSelector {

    static final String REFERENCE_TYPE = "vnd.docker.reference.type";
    static final String ATTESTATION = "attestation-manifest";

    private PlatformSelector() {}

    /** An index entry and the platform it declares. */
    record Entry(Descriptor descriptor, Platform platform) {}

    /**
     * The entry for {@code target}. With a target variant only that variant matches; without one an entry
     * without variant wins over one with.
     *
     * @param what the image, for the error message
     */
    public static Descriptor select(JsonObject index, Platform target, String what) throws RegistryException {
        List<Entry> entries = entries(index, what);
        Platform want = normalize(target);
        Entry loose = null;
        for (Entry e : entries) {
            Platform have = normalize(e.platform());
            if (!have.os().equals(want.os()) || !have.arch().equals(want.arch())) {
                continue;
            }
            if (have.variant().equals(want.variant())) {
                return e.descriptor();
            }
            if (want.variant().isEmpty() && loose == null) {
                loose = e;
            }
        }
        if (loose != null) {
            return loose.descriptor();
        }
        List<String> available = entries.stream().map(e -> e.platform().toString()).toList();
        throw new RegistryException("image " + what + " has no manifest for " + want + "; available platforms: "
                + (available.isEmpty() ? "none" : String.join(", ", available))
                + ". Choose one of them with --platform");
    }

    /** The runnable entries of an index: malformed ones are an error, attestations and platform-less ones are left out. */
    static List<Entry> entries(JsonObject index, String what) throws RegistryException {
        JsonElement manifests = index.get("manifests");
        if (manifests == null || !manifests.isJsonArray()) {
            throw new RegistryException("image index of " + what + " has no manifests array");
        }
        List<Entry> out = new ArrayList<>();
        for (JsonElement m : (JsonArray) manifests) {
            if (!m.isJsonObject()) {
                throw new RegistryException("image index of " + what + " has an entry that is not an object: " + m);
            }
            Descriptor d;
            try {
                d = Descriptor.fromJson(m.getAsJsonObject());
            } catch (RuntimeException e) {
                throw new RegistryException("image index of " + what + " has a malformed entry: " + e.getMessage(), e);
            }
            Optional<Platform> p = platformOf(m.getAsJsonObject());
            if (p.isEmpty() || ATTESTATION.equals(d.annotations().get(REFERENCE_TYPE))
                    || p.get().os().equals("unknown") && p.get().arch().equals("unknown")) {
                continue;
            }
            out.add(new Entry(d, p.get()));
        }
        return out;
    }

    private static Optional<Platform> platformOf(JsonObject entry) {
        JsonElement p = entry.get("platform");
        if (p == null || !p.isJsonObject()) {
            return Optional.empty();
        }
        JsonObject o = p.getAsJsonObject();
        if (!o.has("os") || !o.has("architecture")) {
            return Optional.empty();
        }
        Optional<String> variant = o.has("variant") && !o.get("variant").getAsString().isEmpty()
                ? Optional.of(o.get("variant").getAsString()) : Optional.empty();
        return Optional.of(new Platform(o.get("os").getAsString(), o.get("architecture").getAsString(), variant));
    }

    /** containerd's {@code normalizeArch}: one spelling per architecture and variant. */
    public static Platform normalize(Platform p) {
        String os = p.os().toLowerCase(Locale.ROOT);
        String arch = p.arch().toLowerCase(Locale.ROOT);
        String variant = p.variant().orElse("").toLowerCase(Locale.ROOT);
        switch (arch) {
            case "i386" -> arch = "386";
            case "x86_64", "x86-64", "amd64" -> {
                arch = "amd64";
                if (variant.equals("v1")) {
                    variant = "";
                }
            }
            case "aarch64", "arm64" -> {
                arch = "arm64";
                variant = switch (variant) {
                    case "8", "v8", "v8.0" -> "";
                    case "9", "9.0", "v9.0" -> "v9";
                    default -> variant;
                };
            }
            case "armhf" -> {
                arch = "arm";
                variant = "v7";
            }
            case "armel" -> {
                arch = "arm";
                variant = "v6";
            }
            case "arm" -> variant = switch (variant) {
                case "", "7" -> "v7";
                case "5", "6", "8" -> "v" + variant;
                default -> variant;
            };
            default -> { }
        }
        return new Platform(os, arch, variant.isEmpty() ? Optional.empty() : Optional.of(variant));
    }
}
