package dev.stagesmith.server.features.semantictokens;

import dev.stagesmith.grammar.ParsedDockerfile;
import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.server.features.Positions;
import dev.stagesmith.server.workspace.DocumentSnapshot;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensDelta;
import org.eclipse.lsp4j.SemanticTokensEdit;

/**
 * {@code textDocument/semanticTokens/full}, {@code /full/delta} and {@code /range}: one pass over the tree
 * (see {@link Highlighter}), linear in the size of the file. Keeps the last full result per document, which
 * is the only state: a delta is the edit from it to the new tokens.
 */
public final class SemanticTokensService {

    /** The answer to a delta request: the edit when the previous result is known, else full tokens. */
    public record DeltaOrFull(Optional<SemanticTokensDelta> delta, Optional<SemanticTokens> full) {}

    private final TokenResults results = new TokenResults(64);

    /** All tokens, remembered under a new result id. */
    public SemanticTokens full(DocumentSnapshot snapshot) {
        TokenResults.Result r = results.remember(snapshot.uri(), encode(snapshot, null));
        return new SemanticTokens(r.id(), asList(r.data()));
    }

    /** The tokens that touch {@code range} (whole tokens, so some may start before it). */
    public static SemanticTokens range(DocumentSnapshot snapshot, Range range) {
        return new SemanticTokens(asList(encode(snapshot, range)));
    }

    /** The edit from the result {@code previousResultId} to the current tokens, or full tokens. */
    public DeltaOrFull delta(DocumentSnapshot snapshot, String previousResultId) {
        Optional<TokenResults.Result> previous = results.find(snapshot.uri(), previousResultId);
        if (previous.isEmpty()) {
            return new DeltaOrFull(Optional.empty(), Optional.of(full(snapshot)));
        }
        TokenResults.Result next = results.remember(snapshot.uri(), encode(snapshot, null));
        return new DeltaOrFull(Optional.of(new SemanticTokensDelta(edits(previous.get().data(), next.data()),
                next.id())), Optional.empty());
    }

    /** The LSP encoding of the tokens touching {@code range} (all of them when null). */
    static int[] encode(DocumentSnapshot snapshot, Range range) {
        ParsedDockerfile file = snapshot.parsed();
        TextRange window = range == null ? TextRange.of(0, file.text().length()) : Positions.textRange(file, range);
        return Highlighter.highlight(snapshot.graph(), window).encode(file.text(), file.lines(), window);
    }

    /** One edit replacing what lies between the common prefix and the common suffix; none when equal. */
    static List<SemanticTokensEdit> edits(int[] before, int[] after) {
        int prefix = 0;
        int limit = Math.min(before.length, after.length);
        while (prefix < limit && before[prefix] == after[prefix]) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < limit - prefix
                && before[before.length - 1 - suffix] == after[after.length - 1 - suffix]) {
            suffix++;
        }
        if (prefix == before.length && prefix == after.length) {
            return List.of();
        }
        // Whole tokens only (five integers each): clients splice the array, some assume token boundaries.
        prefix -= prefix % 5;
        suffix -= suffix % 5;
        int[] inserted = Arrays.copyOfRange(after, prefix, after.length - suffix);
        return List.of(new SemanticTokensEdit(prefix, before.length - prefix - suffix, asList(inserted)));
    }

    /** A list view of {@code data}; boxing happens as the JSON writer reads it. */
    private static List<Integer> asList(int[] data) {
        return new AbstractList<>() {
            @Override
            public Integer get(int index) {
                return data[index];
            }

            @Override
            public int size() {
                return data.length;
            }
        };
    }
}
