package dev.stagesmith.server.checks.syntax;

import dev.stagesmith.grammar.GoQuoting;
import java.util.Map;

/** Go's {@code time.ParseDuration}, which BuildKit uses for the HEALTHCHECK durations, with its error messages. */
final class GoDuration {

    /** A parsed duration in nanoseconds, or the error Go reports. */
    record Result(long nanos, String error) {
        boolean ok() {
            return error == null;
        }
    }

    private static final long MAX = Long.MAX_VALUE;
    private static final Map<String, Long> UNITS = Map.of(
            "ns", 1L, "us", 1_000L, "\u00b5s", 1_000L, "\u03bcs", 1_000L, "ms", 1_000_000L,
            "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);

    private GoDuration() {}

    static Result parse(String orig) {
        String s = orig;
        boolean neg = false;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            neg = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return new Result(0, null);
        }
        if (s.isEmpty()) {
            return invalid(orig);
        }
        // d accumulates as an unsigned 64-bit value; Go allows exactly 1<<63 for negative durations.
        java.math.BigInteger d = java.math.BigInteger.ZERO;
        java.math.BigInteger limit = java.math.BigInteger.ONE.shiftLeft(63);
        int pos = 0;
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (!(c == '.' || c >= '0' && c <= '9')) {
                return invalid(orig);
            }
            int start = pos;
            java.math.BigInteger v = java.math.BigInteger.ZERO;
            while (pos < s.length() && isDigit(s.charAt(pos))) {
                v = v.multiply(java.math.BigInteger.TEN).add(java.math.BigInteger.valueOf(s.charAt(pos) - '0'));
                if (v.compareTo(limit) > 0) {
                    return invalid(orig);
                }
                pos++;
            }
            boolean pre = pos != start;
            boolean post = false;
            long f = 0;
            double scale = 1;
            if (pos < s.length() && s.charAt(pos) == '.') {
                pos++;
                int fracStart = pos;
                boolean overflow = false;
                while (pos < s.length() && isDigit(s.charAt(pos))) {
                    if (!overflow) {
                        if (f > (MAX - 9) / 10) {
                            overflow = true;
                        } else {
                            f = f * 10 + (s.charAt(pos) - '0');
                            scale *= 10;
                        }
                    }
                    pos++;
                }
                post = pos != fracStart;
            }
            if (!pre && !post) {
                return invalid(orig);
            }
            int unitStart = pos;
            while (pos < s.length() && s.charAt(pos) != '.' && !isDigit(s.charAt(pos))) {
                pos++;
            }
            if (pos == unitStart) {
                return new Result(0, "time: missing unit in duration " + GoQuoting.quote(orig));
            }
            String u = s.substring(unitStart, pos);
            Long unit = UNITS.get(u);
            if (unit == null) {
                return new Result(0, "time: unknown unit " + GoQuoting.quote(u) + " in duration " + GoQuoting.quote(orig));
            }
            java.math.BigInteger bu = java.math.BigInteger.valueOf(unit);
            if (v.compareTo(limit.divide(bu)) > 0) {
                return invalid(orig);
            }
            v = v.multiply(bu);
            if (f > 0) {
                v = v.add(java.math.BigInteger.valueOf((long) (f * ((double) unit / scale))));
                if (v.compareTo(limit) > 0) {
                    return invalid(orig);
                }
            }
            d = d.add(v);
            if (d.compareTo(limit) > 0) {
                return invalid(orig);
            }
        }
        if (neg) {
            return new Result(d.negate().longValue(), null);
        }
        if (d.compareTo(limit.subtract(java.math.BigInteger.ONE)) > 0) {
            return invalid(orig);
        }
        return new Result(d.longValue(), null);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static Result invalid(String orig) {
        return new Result(0, "time: invalid duration " + GoQuoting.quote(orig));
    }
}
