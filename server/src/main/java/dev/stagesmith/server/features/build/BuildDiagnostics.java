package dev.stagesmith.server.features.build;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * The diagnostic of each document's last failed build, published with the checker's. It stays until the
 * next successful build of the document or an edit that touches its lines; edits above it move it along.
 */
public final class BuildDiagnostics {

    /** The {@code source} of a failed build's diagnostic. */
    public static final String SOURCE = "stagesmith-build";

    private final Map<String, List<Diagnostic>> byUri = new ConcurrentHashMap<>();

    public List<Diagnostic> of(String uri) {
        return byUri.getOrDefault(uri, List.of());
    }

    void set(String uri, Diagnostic d) {
        byUri.put(uri, List.of(d));
    }

    /** True when there was something to clear. */
    boolean clear(String uri) {
        return byUri.remove(uri) != null;
    }

    /** The whole text was replaced: nothing of the old build's lines is left to point at. */
    public void replaced(String uri) {
        byUri.remove(uri);
    }

    /**
     * Lines {@code startLine..endLine} were replaced by {@code newText}: a diagnostic on those lines goes,
     * one below moves by the number of lines added or removed.
     */
    public void edited(String uri, int startLine, int endLine, String newText) {
        byUri.computeIfPresent(uri, (u, list) -> {
            int delta = (int) newText.chars().filter(c -> c == '\n').count() - (endLine - startLine);
            List<Diagnostic> kept = new ArrayList<>();
            for (Diagnostic d : list) {
                Range r = d.getRange();
                if (r.getEnd().getLine() < startLine) {
                    kept.add(d);
                } else if (r.getStart().getLine() > endLine) {
                    Diagnostic moved = new Diagnostic(new Range(
                            new Position(r.getStart().getLine() + delta, r.getStart().getCharacter()),
                            new Position(r.getEnd().getLine() + delta, r.getEnd().getCharacter())),
                            d.getMessage(), d.getSeverity(), d.getSource());
                    moved.setCode(d.getCode());
                    kept.add(moved);
                }
            }
            return kept.isEmpty() ? null : List.copyOf(kept);
        });
    }
}
