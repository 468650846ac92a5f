package dev.stagesmith.server.features.outline;

import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.server.features.Positions;
import dev.stagesmith.server.workspace.DocumentSnapshot;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.SymbolKind;

/**
 * {@code workspace/symbol}: the stages of every open Dockerfile whose name matches the query, fuzzily (the
 * query's characters in order, ignoring case). Exact matches come first, then prefixes, then substrings.
 */
public final class WorkspaceSymbolService {

    private static final System.Logger LOG = System.getLogger(WorkspaceSymbolService.class.getName());
    private static final int LIMIT = 1000;

    private WorkspaceSymbolService() {}

    /** One matching stage and how well it matches (lower is better). */
    private record Match(int rank, String uri, int start, SymbolInformation symbol) {}

    public static List<SymbolInformation> symbols(Collection<DocumentSnapshot> documents, String query) {
        String q = query == null ? "" : query.trim().toLowerCase(Locale.ROOT);
        List<Match> matches = new ArrayList<>();
        for (DocumentSnapshot d : documents) {
            try {
                stages(d, q, matches);
            } catch (RuntimeException e) {
                // One document the model cannot handle must not hide the stages of the others.
                LOG.log(Level.WARNING, "workspace/symbol skipped " + d.uri(), e);
            }
        }
        matches.sort(Comparator.comparingInt(Match::rank).thenComparing(m -> m.symbol().getName())
                .thenComparing(Match::uri).thenComparingInt(Match::start));
        return matches.stream().limit(LIMIT).map(Match::symbol).toList();
    }

    private static void stages(DocumentSnapshot d, String query, List<Match> out) {
        for (Stage s : d.graph().stages()) {
            String name = DocumentSymbolService.stageName(s);
            int rank = rank(name.toLowerCase(Locale.ROOT), query);
            if (rank < 0) {
                continue;
            }
            Location where = new Location(d.uri(), Positions.range(d.parsed(), s.from().range()));
            out.add(new Match(rank, d.uri(), s.range().start(),
                    new SymbolInformation(name, SymbolKind.Class, where, fileName(d.uri()))));
        }
    }

    /** 0 exact, 1 prefix, 2 substring, 3 the query's characters in order, -1 no match. */
    static int rank(String name, String query) {
        if (name.equals(query)) {
            return 0;
        } else if (name.startsWith(query)) {
            return 1;
        } else if (name.contains(query)) {
            return 2;
        }
        int at = 0;
        for (int i = 0; i < name.length() && at < query.length(); i++) {
            if (name.charAt(i) == query.charAt(at)) {
                at++;
            }
        }
        return at == query.length() ? 3 : -1;
    }

    /** The last segment of the URI's path, as the stage's container. */
    private static String fileName(String uri) {
        String path = uri;
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        int slash = path.lastIndexOf('/');
        return slash >= 0 && slash + 1 < path.length() ? path.substring(slash + 1) : path;
    }
}
