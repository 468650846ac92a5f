package dev.stagesmith.server.features.completion;

import dev.stagesmith.grammar.ParsedDockerfile;
import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.server.features.Positions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemCapabilities;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionItemTag;
import org.eclipse.lsp4j.InsertTextFormat;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.TextEdit;

/**
 * The suggestions of one request, in the order they are added (which becomes their sort order), each
 * with a text edit over the range it replaces, shaped by what the client says it supports.
 */
final class Items {

    /** What the client can show: snippets, markdown documentation, the deprecated tag or flag. */
    record Client(boolean snippets, boolean markdown, boolean deprecatedTag, boolean deprecatedFlag) {

        static Client of(ClientCapabilities caps) {
            CompletionItemCapabilities item = caps == null || caps.getTextDocument() == null
                    || caps.getTextDocument().getCompletion() == null ? null
                    : caps.getTextDocument().getCompletion().getCompletionItem();
            if (item == null) {
                return new Client(false, false, false, false);
            }
            boolean markdown = item.getDocumentationFormat() != null
                    && item.getDocumentationFormat().contains(MarkupKind.MARKDOWN);
            boolean tag = item.getTagSupport() != null && item.getTagSupport().getValueSet() != null
                    && item.getTagSupport().getValueSet().contains(CompletionItemTag.Deprecated);
            return new Client(Boolean.TRUE.equals(item.getSnippetSupport()), markdown, tag,
                    Boolean.TRUE.equals(item.getDeprecatedSupport()));
        }
    }

    private final ParsedDockerfile file;
    private final Client client;
    private final BiConsumer<CompletionItem, TextEdit> edits;
    private final List<CompletionItem> list = new ArrayList<>();

    Items(ParsedDockerfile file, Client client, BiConsumer<CompletionItem, TextEdit> edits) {
        this.file = file;
        this.client = client;
        this.edits = edits;
    }

    boolean snippets() {
        return client.snippets();
    }

    List<CompletionItem> list() {
        return list;
    }

    /** A suggestion that replaces {@code replace} with {@code newText}; clients filter it by that text. */
    CompletionItem add(String label, CompletionItemKind kind, TextRange replace, String newText) {
        CompletionItem item = new CompletionItem(label);
        item.setKind(kind);
        item.setFilterText(newText);
        item.setSortText(String.format("%04d", list.size()));
        item.setInsertTextFormat(InsertTextFormat.PlainText);
        edits.accept(item, new TextEdit(Positions.range(file, replace), newText));
        list.add(item);
        return item;
    }

    /** A snippet suggestion (the caller checked {@link #snippets()}); clients filter it by its label. */
    CompletionItem addSnippet(String label, CompletionItemKind kind, TextRange replace, String snippet) {
        CompletionItem item = add(label, kind, replace, snippet);
        item.setFilterText(label);
        item.setInsertTextFormat(InsertTextFormat.Snippet);
        return item;
    }

    /** A value suggestion with a one-line detail and documentation. */
    CompletionItem value(String value, TextRange replace, String detail, String markdown) {
        CompletionItem item = add(value, CompletionItemKind.Value, replace, value);
        item.setDetail(detail);
        if (markdown != null) {
            document(item, markdown);
        }
        return item;
    }

    /** Markdown for clients that render it; the same text without markup for the others. */
    void document(CompletionItem item, String markdown) {
        if (client.markdown()) {
            item.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, markdown));
        } else {
            item.setDocumentation(markdown.replace("**", "").replace("`", ""));
        }
    }

    void deprecate(CompletionItem item) {
        if (client.deprecatedTag()) {
            item.setTags(List.of(CompletionItemTag.Deprecated));
        } else if (client.deprecatedFlag()) {
            item.setDeprecated(true);
        }
    }
}
