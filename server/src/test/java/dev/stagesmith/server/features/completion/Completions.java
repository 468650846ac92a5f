package dev.stagesmith.server.features.completion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stagesmith.server.features.Fixture;
import dev.stagesmith.server.settings.Settings;
import java.util.Comparator;
import java.util.List;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CompletionCapabilities;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemCapabilities;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * The completion tests' one helper: runs completion at the {@code <|>} of a fixture for a client with or
 * without snippet support, and renders the answer as the client would list it (sorted by sortText).
 */
final class Completions {

    private Completions() {}

    static ClientCapabilities client(boolean snippets) {
        CompletionItemCapabilities item = new CompletionItemCapabilities(snippets);
        item.setDocumentationFormat(List.of(MarkupKind.MARKDOWN, MarkupKind.PLAINTEXT));
        ClientCapabilities caps = new ClientCapabilities();
        TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
        text.setCompletion(new CompletionCapabilities(item));
        caps.setTextDocument(text);
        return caps;
    }

    static List<CompletionItem> items(String marked, boolean snippets, Settings settings) {
        Fixture f = Fixture.of(marked, settings);
        return at(f, f.position(), client(snippets));
    }

    static List<CompletionItem> at(Fixture f, Position p, ClientCapabilities client) {
        return CompletionService.complete(f.snapshot(), p, client, (item, edit) -> item.setTextEdit(Either.forLeft(edit)))
                .getItems().stream().sorted(Comparator.comparing(CompletionItem::getSortText)).toList();
    }

    static List<CompletionItem> items(String marked) {
        return items(marked, false, Settings.defaults());
    }

    /** Asserts the labels offered at the cursor, in the order the client lists them. */
    static void check(String marked, String... labels) {
        assertEquals(List.of(labels), items(marked).stream().map(CompletionItem::getLabel).toList(), marked);
    }

    static CompletionItem item(String marked, String label) {
        return item(items(marked), label);
    }

    static CompletionItem item(List<CompletionItem> items, String label) {
        return items.stream().filter(i -> i.getLabel().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no item " + label + " in "
                        + items.stream().map(CompletionItem::getLabel).toList()));
    }

    /** Asserts the document after accepting {@code label}, with {@code <|>} where the inserted text ends. */
    static void checkEdit(String marked, String label, String expected) {
        Fixture f = Fixture.of(marked);
        CompletionItem item = item(at(f, f.position(), client(false)), label);
        assertEquals(expected, apply(f, item.getTextEdit().getLeft()), marked);
    }

    static String apply(Fixture f, TextEdit edit) {
        String text = f.text();
        var lines = f.snapshot().parsed().lines();
        int start = lines.offset(edit.getRange().getStart().getLine(), edit.getRange().getStart().getCharacter());
        int end = lines.offset(edit.getRange().getEnd().getLine(), edit.getRange().getEnd().getCharacter());
        return text.substring(0, start) + edit.getNewText() + Fixture.CURSOR + text.substring(end);
    }
}
