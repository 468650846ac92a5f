package dev.stagesmith.server.features.hover;

import dev.stagesmith.grammar.ParsedDockerfile;
import dev.stagesmith.grammar.stages.StageGraph;
import dev.stagesmith.server.features.Positions;
import dev.stagesmith.server.features.symbols.Symbol;
import dev.stagesmith.server.features.symbols.SymbolAt;
import dev.stagesmith.server.workspace.DocumentSnapshot;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;

/**
 * {@code textDocument/hover}: instruction and flag docs, a stage's base chain and neighbours, a variable's
 * value and origin, an image reference's parts. Markdown unless the client shows only plain text.
 */
public final class HoverService {

    private HoverService() {}

    /** The hover at {@code position}, or null when there is nothing to say. */
    public static Hover hover(DocumentSnapshot snapshot, Position position, ClientCapabilities client) {
        ParsedDockerfile file = snapshot.parsed();
        Optional<Symbol> symbol = SymbolAt.find(snapshot, Positions.offset(file, position));
        if (symbol.isEmpty()) {
            return null;
        }
        HoverText text = new HoverText(markdown(client));
        describe(snapshot.graph(), symbol.get(), text);
        return text.isEmpty() ? null : new Hover(text.content(), Positions.range(file, symbol.get().hitRange()));
    }

    private static void describe(StageGraph graph, Symbol symbol, HoverText out) {
        if (symbol instanceof Symbol.Keyword k) {
            InstructionHover.keyword(k.instruction(), out);
        } else if (symbol instanceof Symbol.FlagName f) {
            InstructionHover.flag(f.instruction(), f.flag(), out);
        } else if (symbol instanceof Symbol.StageDeclaration d) {
            StageHover.declaration(graph, d.stage(), out);
        } else if (symbol instanceof Symbol.StageReference r) {
            StageHover.reference(graph, r.use(), r.target(), out);
        } else if (symbol instanceof Symbol.ImageReference i) {
            ImageHover.image(graph, i, out);
        } else if (symbol instanceof Symbol.VariableReference v) {
            VariableHover.reference(graph, v, out);
        } else if (symbol instanceof Symbol.VariableDeclaration v) {
            VariableHover.declaration(graph, v, out);
        }
    }

    /** Markdown unless the client lists formats and Markdown is not among them. */
    static boolean markdown(ClientCapabilities client) {
        List<String> formats = client == null || client.getTextDocument() == null
                || client.getTextDocument().getHover() == null ? null
                : client.getTextDocument().getHover().getContentFormat();
        return formats == null || formats.isEmpty() || formats.contains(MarkupKind.MARKDOWN);
    }
}
