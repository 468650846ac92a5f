package dev.stagesmith.server.features.hover;

import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;

/**
 * Builds hover text once for both markup kinds: Markdown with code spans, bold and links, or plain text
 * for clients that only show that. Prose is escaped; names and values go in code spans.
 */
final class HoverText {

    private final boolean markdown;
    private final StringBuilder out = new StringBuilder();

    HoverText(boolean markdown) {
        this.markdown = markdown;
    }

    HoverText text(String s) {
        out.append(markdown ? escape(s) : s);
        return this;
    }

    HoverText bold(String s) {
        out.append(markdown ? "**" + escape(s) + "**" : s);
        return this;
    }

    /** A name or value; an empty one is shown as {@code (empty)}. */
    HoverText code(String s) {
        if (s.isEmpty()) {
            return text("(empty)");
        }
        String flat = s.replace("\r", "").replace('\n', ' ');
        if (!markdown) {
            out.append(flat);
            return this;
        }
        String fence = "`";
        while (flat.contains(fence)) {
            fence += "`";
        }
        boolean pad = flat.startsWith("`") || flat.endsWith("`");
        out.append(fence).append(pad ? " " : "").append(flat).append(pad ? " " : "").append(fence);
        return this;
    }

    HoverText link(String label, String url) {
        out.append(markdown ? "[" + escape(label) + "](" + url + ")" : label + ": " + url);
        return this;
    }

    HoverText codeBlock(String language, String code) {
        paragraph();
        out.append(markdown ? "```" + language + "\n" + code + "\n```" : code);
        return paragraph();
    }

    /** Ends the current paragraph (nothing when at the start or already at a paragraph's start). */
    HoverText paragraph() {
        trimTrailingSpaces();
        if (out.length() > 0 && !endsWith("\n\n")) {
            out.append(endsWith("\n") ? "\n" : "\n\n");
        }
        return this;
    }

    /** Starts a list item. */
    HoverText item() {
        trimTrailingSpaces();
        if (out.length() > 0 && !endsWith("\n")) {
            out.append('\n');
        }
        out.append("- ");
        return this;
    }

    boolean isEmpty() {
        return out.toString().isBlank();
    }

    MarkupContent content() {
        return new MarkupContent(markdown ? MarkupKind.MARKDOWN : MarkupKind.PLAINTEXT, out.toString().strip());
    }

    @Override
    public String toString() {
        return out.toString().strip();
    }

    private boolean endsWith(String s) {
        return out.length() >= s.length() && out.substring(out.length() - s.length()).equals(s);
    }

    private void trimTrailingSpaces() {
        while (out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
            out.setLength(out.length() - 1);
        }
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if ("\\`*_[]<>#|".indexOf(c) >= 0) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }
}
