package dev.stagesmith.server.graph;

/**
 * A small SVG writer: elements with escaped text and attributes, numbers printed the same on every
 * machine (tenths, no locale, no exponent), and a monospace estimate of text width for sizing boxes.
 */
final class Svg {

    /** The advance of one character of a monospace font, as a fraction of the font size. */
    static final double CHAR_WIDTH = 0.6;

    private final StringBuilder out = new StringBuilder(8192);
    private int depth;

    void open(String name, String... attributes) {
        indent();
        start(name, attributes);
        out.append(">\n");
        depth++;
    }

    void close(String name) {
        depth--;
        indent();
        out.append("</").append(name).append(">\n");
    }

    void empty(String name, String... attributes) {
        indent();
        start(name, attributes);
        out.append("/>\n");
    }

    void element(String name, String text, String... attributes) {
        indent();
        start(name, attributes);
        out.append('>').append(escape(text)).append("</").append(name).append(">\n");
    }

    /** Markup written as is (the style sheet). */
    void raw(String markup) {
        out.append(markup);
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private void start(String name, String... attributes) {
        out.append('<').append(name);
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            out.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1])).append('"');
        }
    }

    private void indent() {
        out.append("  ".repeat(depth));
    }

    /** Text or attribute value for XML: the five special characters, and no control characters XML forbids. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                case '\n' -> b.append("&#10;");
                default -> b.append(c < 0x20 && c != '\t' || c == 0xFFFE || c == 0xFFFF ? '\uFFFD' : c);
            }
        }
        return b.toString();
    }

    /** {@code 12}, {@code 12.5}, {@code -3.2}: tenths at most, the same bytes everywhere. */
    static String num(double v) {
        long tenths = Math.round(v * 10);
        String sign = tenths < 0 ? "-" : "";
        long abs = Math.abs(tenths);
        return abs % 10 == 0 ? sign + abs / 10 : sign + abs / 10 + "." + abs % 10;
    }

    /** The width of {@code text} in a monospace font of {@code size} pixels. */
    static double textWidth(String text, double size) {
        return text.codePointCount(0, text.length()) * size * CHAR_WIDTH;
    }

    /** {@code text} cut to {@code max} characters, the last of them an ellipsis, when it is longer. */
    static String ellipsize(String text, int max) {
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "\u2026";
    }
}
