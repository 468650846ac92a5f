package dev.stagesmith.engine.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Parses {@code WWW-Authenticate} headers (RFC 7235): several challenges, auth-params in any order, quoted
 * values with commas and escaped quotes. Registries differ in order and quoting, so a fixed regex breaks.
 */
final class WwwAuthenticate {

    /** One challenge: the scheme in lower case and its parameters (names in lower case). */
    record Challenge(String scheme, Map<String, String> params) {
        Optional<String> param(String name) {
            return Optional.ofNullable(params.get(name)).filter(v -> !v.isEmpty());
        }
    }

    private final String text;
    private int pos;

    private WwwAuthenticate(String text) {
        this.text = text;
    }

    /** Every challenge in the header; junk is skipped rather than failing, as a browser would. */
    static List<Challenge> parse(String header) {
        return header == null ? List.of() : new WwwAuthenticate(header).challenges();
    }

    static Optional<Challenge> find(List<String> headers, String scheme) {
        for (String h : headers) {
            for (Challenge c : parse(h)) {
                if (c.scheme().equals(scheme)) {
                    return Optional.of(c);
                }
            }
        }
        return Optional.empty();
    }

    private List<Challenge> challenges() {
        List<Challenge> out = new ArrayList<>();
        String scheme = null;
        Map<String, String> params = new LinkedHashMap<>();
        while (true) {
            skip(" \t,");
            if (pos >= text.length()) {
                break;
            }
            String token = token();
            if (token.isEmpty()) {
                pos++; // a stray character; step over it
                continue;
            }
            int afterToken = pos;
            skip(" \t");
            if (peek() == '=' && scheme != null && !isToken68End()) {
                pos++;
                skip(" \t");
                params.put(token.toLowerCase(Locale.ROOT), peek() == '"' ? quoted() : token());
            } else if (scheme != null && params.isEmpty() && peek() == '=') {
                // token68 (e.g. "Negotiate abc=="): keep it whole under an empty name
                while (peek() == '=') {
                    pos++;
                }
                params.put("", text.substring(afterToken - token.length(), pos));
            } else {
                if (scheme != null) {
                    out.add(new Challenge(scheme, Map.copyOf(params)));
                }
                scheme = token.toLowerCase(Locale.ROOT);
                params = new LinkedHashMap<>();
            }
        }
        if (scheme != null) {
            out.add(new Challenge(scheme, Map.copyOf(params)));
        }
        return out;
    }

    /** After a token: '=' followed by more '=' or by the end / a comma means token68 padding, not a parameter. */
    private boolean isToken68End() {
        int i = pos;
        while (i < text.length() && text.charAt(i) == '=') {
            i++;
        }
        if (i - pos > 1) {
            return true;
        }
        int j = i;
        while (j < text.length() && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
            j++;
        }
        return j >= text.length() || text.charAt(j) == ',';
    }

    private String token() {
        int start = pos;
        while (pos < text.length() && isTokenChar(text.charAt(pos))) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private String quoted() {
        StringBuilder sb = new StringBuilder();
        pos++; // opening quote
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '\\' && pos < text.length()) {
                sb.append(text.charAt(pos++));
            } else if (c == '"') {
                break;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean isTokenChar(char c) {
        return c > ' ' && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0
                || c == '/' || c == ':'; // unquoted realms like https://host/token are common in the wild
    }

    private void skip(String chars) {
        while (pos < text.length() && chars.indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }
}
