package dev.stagesmith.server.features.links;

import dev.stagesmith.grammar.syntax.ImageRef;
import dev.stagesmith.grammar.syntax.Word;
import java.util.Locale;
import java.util.Optional;

/**
 * The web page of an image reference on the registries whose page addresses follow from the reference:
 * Docker Hub, GitHub's, Quay and Microsoft's. Other registries have no page we could name.
 */
final class ImagePages {

    /** A page and what to call it in a tooltip. */
    record Page(String url, String tooltip) {}

    private ImagePages() {}

    static Optional<Page> of(String reference) {
        ImageRef ref = ImageRef.parse(reference, 0);
        if (reference.isEmpty() || !ref.isValid()) {
            return Optional.empty();
        }
        String registry = ref.registry().map(Word::value).orElse("docker.io").toLowerCase(Locale.ROOT);
        String path = ref.path().value();
        switch (registry) {
            case "docker.io", "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com":
                return Optional.of(dockerHub(path));
            case "ghcr.io":
                // GitHub's own package pages need to know whether the owner is a user or an organisation.
                return Optional.of(new Page("https://ghcr.io/" + path,
                        "Open " + path + " on GitHub Container Registry"));
            case "quay.io":
                return Optional.of(new Page("https://quay.io/repository/" + path, "Open " + path + " on Quay"));
            case "mcr.microsoft.com":
                return Optional.of(new Page("https://mcr.microsoft.com/en-us/artifact/mar/" + path,
                        "Open " + path + " on Microsoft Artifact Registry"));
            default:
                return Optional.empty();
        }
    }

    /** Official images ({@code alpine}, {@code library/alpine}) live under {@code _/}, the others under {@code r/}. */
    private static Page dockerHub(String path) {
        String name = path.startsWith("library/") && path.indexOf('/', "library/".length()) < 0
                ? path.substring("library/".length()) : path;
        String url = name.contains("/") ? "https://hub.docker.com/r/" + name : "https://hub.docker.com/_/" + name;
        return new Page(url, "Open " + name + " on Docker Hub");
    }
}
