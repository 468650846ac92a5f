package dev.stagesmith.server.checks.variables;

import java.util.Optional;

/**
 * BuildKit's did-you-mean for variable names ({@code util/suggest}): the first candidate at the smallest
 * Levenshtein distance below 3, case-sensitive as on Linux, and nothing when the name itself is a
 * candidate. Kept separate from {@code ClosestMatch} so that BuildKit's messages come out word for word.
 */
final class BuildKitSuggestion {

    private static final int LIMIT = 3;

    private BuildKitSuggestion() {}

    static Optional<String> of(String name, Iterable<String> candidates) {
        String best = null;
        int bestDistance = LIMIT;
        for (String c : candidates) {
            if (c.equals(name)) {
                return Optional.empty();
            }
            int d = distance(name, c);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Whether {@code b} is one typo away from {@code a}: one character inserted, deleted, changed, or two
     * neighbours swapped ({@code PAHT} for {@code PATH}).
     */
    static boolean oneTypoApart(String a, String b) {
        if (a.equals(b) || Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        int i = 0;
        while (i < Math.min(a.length(), b.length()) && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (a.length() != b.length()) {
            String longer = a.length() > b.length() ? a : b;
            String shorter = longer == a ? b : a;
            return longer.substring(i + 1).equals(shorter.substring(i));
        }
        if (a.substring(i + 1).equals(b.substring(i + 1))) {
            return true;
        }
        return i + 1 < a.length() && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                && a.substring(i + 2).equals(b.substring(i + 2));
    }

    /** Plain Levenshtein distance over code points (insert, delete, substitute; no transpositions). */
    static int distance(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        int[] prev = new int[y.length + 1];
        int[] cur = new int[y.length + 1];
        for (int j = 0; j <= y.length; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= x.length; i++) {
            cur[0] = i;
            for (int j = 1; j <= y.length; j++) {
                int cost = x[i - 1] == y[j - 1] ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[y.length];
    }
}
