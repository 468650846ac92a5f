package dev.stagesmith.server.features.semantictokens;

import dev.stagesmith.grammar.LineIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Decodes LSP token data against its text: as absolute tokens (for invariants) and as compact text, one
 * source line per line: {@code 3: keyword[RUN] variable[$X]}, modifiers after dots.
 */
final class TokenRendering {

    /** One decoded token. */
    record Token(int line, int column, int length, int type, int modifiers) {}

    private TokenRendering() {}

    static List<Token> decode(int[] data) {
        List<Token> out = new ArrayList<>();
        int line = 0;
        int column = 0;
        for (int i = 0; i + 4 < data.length; i += 5) {
            column = data[i] == 0 ? column + data[i + 1] : data[i + 1];
            line += data[i];
            out.add(new Token(line, column, data[i + 2], data[i + 3], data[i + 4]));
        }
        return out;
    }

    static String render(String text, int[] data) {
        LineIndex lines = LineIndex.of(text);
        TreeMap<Integer, StringBuilder> byLine = new TreeMap<>();
        for (Token t : decode(data)) {
            int start = lines.lineStart(t.line()) + t.column();
            StringBuilder b = byLine.computeIfAbsent(t.line(), l -> new StringBuilder(l + ":"));
            b.append(' ').append(Legend.Type.values()[t.type()].lspName());
            for (String m : Legend.modifierNames(t.modifiers())) {
                b.append('.').append(m);
            }
            b.append('[').append(text, start, Math.min(text.length(), start + t.length())).append(']');
        }
        StringBuilder out = new StringBuilder();
        byLine.values().forEach(b -> out.append(b).append('\n'));
        return out.toString();
    }
}
