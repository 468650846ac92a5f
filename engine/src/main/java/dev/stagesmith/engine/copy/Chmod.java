package dev.stagesmith.engine.copy;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code --chmod} value: octal ({@code 0}–{@code 07777}) or chmod(1) symbolic clauses such as
 * {@code u=rwX,go=rX}, {@code +x}, {@code g=u}. A clause without who letters applies to all (BuildKit's mode
 * parser applies no umask). {@code X} sets execute for directories, or when the mode being built already has
 * an execute bit, as GNU chmod does.
 */
public final class Chmod {

    private static final int U = 04700;
    private static final int G = 02070;
    private static final int O = 01007;

    private final int octal;
    private final List<Clause> clauses;
    private final String text;

    /** One "who op perms" step; {@code copyFrom} is 'u', 'g', 'o' for {@code g=u}, else 0. */
    private record Clause(int who, char op, int perms, boolean execIfAny, char copyFrom) {}

    private Chmod(int octal, List<Clause> clauses, String text) {
        this.octal = octal;
        this.clauses = clauses;
        this.text = text;
    }

    /** @throws IllegalArgumentException with BuildKit's wording when the value is neither form */
    public static Chmod parse(String text) {
        if (!text.isEmpty() && Character.isDigit(text.charAt(0))) {
            return new Chmod(parseOctal(text), List.of(), text);
        }
        List<Clause> clauses = new ArrayList<>();
        for (String clause : text.split(",", -1)) {
            parseClause(clause, text, clauses);
        }
        return new Chmod(-1, List.copyOf(clauses), text);
    }

    private static int parseOctal(String text) {
        int value = 0;
        for (char c : text.toCharArray()) {
            if (c < '0' || c > '7' || (value = value * 8 + (c - '0')) > 07777) {
                throw new IllegalArgumentException("invalid chmod parameter: '" + text
                        + "'. it should be octal string and between 0 and 07777");
            }
        }
        return value;
    }

    private static void parseClause(String clause, String text, List<Clause> out) {
        int i = 0;
        int who = 0;
        for (; i < clause.length() && "ugoa".indexOf(clause.charAt(i)) >= 0; i++) {
            who |= switch (clause.charAt(i)) {
                case 'u' -> U;
                case 'g' -> G;
                case 'o' -> O;
                default -> U | G | O;
            };
        }
        if (who == 0) {
            who = U | G | O;
        }
        if (i == clause.length()) {
            throw invalid(text, "missing operator in \"" + clause + "\"");
        }
        while (i < clause.length()) {
            char op = clause.charAt(i++);
            if ("+-=".indexOf(op) < 0) {
                throw invalid(text, "unexpected character '" + op + "' in \"" + clause + "\"");
            }
            if (i < clause.length() && "ugo".indexOf(clause.charAt(i)) >= 0) {
                out.add(new Clause(who, op, 0, false, clause.charAt(i++)));
                continue;
            }
            int perms = 0;
            boolean execIfAny = false;
            for (; i < clause.length() && "rwxXst".indexOf(clause.charAt(i)) >= 0; i++) {
                switch (clause.charAt(i)) {
                    case 'r' -> perms |= 0444;
                    case 'w' -> perms |= 0222;
                    case 'x' -> perms |= 0111;
                    case 'X' -> execIfAny = true;
                    case 's' -> perms |= 06000;
                    default -> perms |= 01000;
                }
            }
            out.add(new Clause(who, op, perms, execIfAny, (char) 0));
        }
    }

    private static IllegalArgumentException invalid(String text, String why) {
        return new IllegalArgumentException("invalid chmod parameter: '" + text + "': " + why);
    }

    /** The permission bits (with setuid, setgid, sticky) an entry gets. */
    public int apply(int mode, boolean isDirectory) {
        if (octal >= 0) {
            return octal;
        }
        int m = mode & 07777;
        for (Clause c : clauses) {
            int bits = c.perms();
            if (c.execIfAny() && (isDirectory || (m & 0111) != 0)) {
                bits |= 0111;
            }
            if (c.copyFrom() != 0) {
                int three = switch (c.copyFrom()) {
                    case 'u' -> (m >> 6) & 7;
                    case 'g' -> (m >> 3) & 7;
                    default -> m & 7;
                };
                bits = three * 0111;
            }
            bits &= c.who();
            m = switch (c.op()) {
                case '+' -> m | bits;
                case '-' -> m & ~bits;
                default -> (m & ~c.who()) | bits;
            };
        }
        return m;
    }

    @Override
    public String toString() {
        return text;
    }
}
