package dev.stagesmith.server.features.completion;

import dev.stagesmith.grammar.ParsedDockerfile;
import dev.stagesmith.server.features.Positions;
import dev.stagesmith.server.workspace.DocumentSnapshot;
import java.util.List;
import java.util.function.BiConsumer;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextEdit;

/**
 * {@code textDocument/completion}: what BuildKit accepts at the cursor, from the document's cached parse
 * and stage model. Parser directives at the top, instruction keywords at the start of a line and after
 * ONBUILD, and inside an instruction its flags, their values, stage names, mount options and the
 * variables in scope.
 */
public final class CompletionService {

    /**
     * Flag values and mount fields ({@code =}, {@code ,}), variables ({@code $}, {@code {}), flags
     * ({@code -}) and the next word ({@code FROM }, {@code # }).
     */
    public static final List<String> TRIGGER_CHARACTERS = List.of("=", "$", "-", "{", " ", ",");

    private CompletionService() {}

    /**
     * The suggestions at {@code position}. lsp4j's text-edit setter takes a JSON-RPC type that only the
     * protocol layer may use, so the caller passes {@code edits} to set one on an item.
     */
    public static CompletionList complete(DocumentSnapshot snapshot, Position position, ClientCapabilities client,
            BiConsumer<CompletionItem, TextEdit> edits) {
        if (!snapshot.settings().completion()) {
            return new CompletionList(false, List.of());
        }
        ParsedDockerfile file = snapshot.parsed();
        Cursor cursor = Cursor.at(file, snapshot.graph(), Positions.offset(file, position));
        Items items = new Items(file, Items.Client.of(client), edits);
        suggest(cursor, items);
        return new CompletionList(false, items.list());
    }

    private static void suggest(Cursor c, Items items) {
        if (c.instruction() != null) {
            InstructionCompletions.complete(c, c.instruction(), items);
        } else if (c.linePrefix().stripLeading().startsWith("#")) {
            DirectiveCompletions.complete(c, items);
        } else if (c.wordStartsLine() && c.wordEndsLine() && KeywordCompletions.isKeywordPrefix(c.word())) {
            KeywordCompletions.complete(c, c.typedRange(), KeywordCompletions.at(c), true, items);
        }
    }
}
