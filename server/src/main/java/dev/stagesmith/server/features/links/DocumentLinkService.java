package dev.stagesmith.server.features.links;

import dev.stagesmith.grammar.ParsedDockerfile;
import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.grammar.stages.Dependency;
import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.grammar.stages.StageGraph;
import dev.stagesmith.server.features.BaseImages;
import dev.stagesmith.server.features.Positions;
import dev.stagesmith.server.workspace.DocumentSnapshot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.lsp4j.DocumentLink;

/**
 * {@code textDocument/documentLink}: image references (FROM, {@code COPY --from}, {@code RUN --mount from=})
 * link to their page on the registry's website. Stage names and {@code scratch} are not images; a reference
 * is linked only when the global ARGs (and the settings' build args) resolve it. Links are data: nothing is
 * fetched.
 */
public final class DocumentLinkService {

    private DocumentLinkService() {}

    public static List<DocumentLink> links(DocumentSnapshot snapshot) {
        ParsedDockerfile file = snapshot.parsed();
        StageGraph graph = snapshot.graph();
        List<DocumentLink> out = new ArrayList<>();
        Set<Integer> linked = new HashSet<>();
        for (Stage s : graph.stages()) {
            Optional<String> image = BaseImages.resolved(graph, s);
            if (image.isPresent()) {
                add(file, s.from().base().orElseThrow().range(), image.get(), linked, out);
            }
        }
        for (Dependency d : graph.dependencies()) {
            // FROM is done above, with its expansion; --from and from= are never expanded.
            if (d.kind() != Dependency.Kind.FROM && d.target() instanceof Dependency.ImageTarget t
                    && d.range().length() == d.text().length()) {
                add(file, d.range(), t.reference(), linked, out);
            }
        }
        return out;
    }

    private static void add(ParsedDockerfile file, TextRange range, String reference, Set<Integer> linked,
            List<DocumentLink> out) {
        Optional<ImagePages.Page> page = ImagePages.of(reference);
        if (page.isPresent() && linked.add(range.start())) {
            DocumentLink link = new DocumentLink(Positions.range(file, range), page.get().url());
            link.setTooltip(page.get().tooltip());
            out.add(link);
        }
    }
}
