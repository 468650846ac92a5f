package dev.stagesmith.server.features.hover;

import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.grammar.stages.StageGraph;
import dev.stagesmith.grammar.syntax.ImageRef;
import dev.stagesmith.grammar.syntax.Word;
import dev.stagesmith.server.features.symbols.Symbol;
import java.util.Locale;
import java.util.Optional;

/** An image reference split into registry, repository, tag and digest, with Docker Hub's defaults filled in. */
final class ImageHover {

    private ImageHover() {}

    static void image(StageGraph graph, Symbol.ImageReference symbol, HoverText out) {
        String reference = symbol.reference();
        if (reference.equals("scratch") && symbol.place().isFrom()) {
            out.bold("scratch").text(": an empty filesystem; nothing is pulled.");
            return;
        }
        out.bold("Image").text(" ").code(reference);
        if (!symbol.written().equals(reference)) {
            out.text(" (written ").code(symbol.written()).text(")");
        }
        out.paragraph();
        notes(graph, symbol, out);
        if (reference.isEmpty()) {
            return;
        }
        ImageRef ref = ImageRef.parse(reference, 0);
        Optional<String> registry = ref.registry().map(Word::value);
        String repository = ref.path().value();
        boolean hub = registry.isEmpty() || registry.get().equals("docker.io")
                || registry.get().equals("index.docker.io");
        out.item().text("Registry: ").code(registry.orElse("docker.io"));
        if (registry.isEmpty()) {
            out.text(" (Docker Hub, the default)");
        }
        out.item().text("Repository: ").code(hub && !repository.contains("/") ? "library/" + repository : repository);
        out.item().text("Tag: ");
        if (ref.tag().isPresent()) {
            out.code(ref.tag().get().value());
        } else if (ref.digest().isPresent()) {
            out.text("none (pinned by digest)");
        } else {
            out.code("latest").text(" (no tag given)");
        }
        ref.digest().ifPresent(d -> out.item().text("Digest: ").code(d.value()));
        if (ref.tag().isPresent() && ref.digest().isPresent()) {
            out.item().text("With both, the digest decides what is pulled; the tag is ignored.");
        }
        out.paragraph();
        if (symbol.unresolved().isEmpty() && !ref.isValid()) {
            out.text("This is not a valid image reference; BuildKit will fail to pull it.");
        }
    }

    private static void notes(StageGraph graph, Symbol.ImageReference symbol, HoverText out) {
        if (!symbol.unresolved().isEmpty()) {
            out.text("ARGs without a value leave this incomplete: ");
            for (int i = 0; i < symbol.unresolved().size(); i++) {
                out.text(i == 0 ? "" : ", ").code(symbol.unresolved().get(i));
            }
            out.text(".").paragraph();
        }
        if (!symbol.place().isFrom()) {
            out.text("No stage is named ").code(symbol.written()).text(", so BuildKit uses it as an image.")
                    .paragraph();
            return;
        }
        Stage stage = symbol.place().stage().orElseThrow();
        String lower = symbol.reference().toLowerCase(Locale.ROOT);
        for (int i = stage.index() - 1; i >= 0; i--) {
            Stage s = graph.stage(i);
            if (s.name().filter(lower::equals).isPresent()) {
                out.text("Not stage ").code(s.name().get()).text(" (line " + StageHover.line(graph.file(), s)
                        + "): FROM matches stage names case-sensitively, so BuildKit pulls this as an image. Write ")
                        .code(s.name().get()).text(" to build on the stage.").paragraph();
                return;
            }
        }
    }
}
