package dev.stagesmith.engine.build;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Small path and port rules shared by the steps, as BuildKit applies them. */
final class PathRules {

    private PathRules() {}

    /** A path made absolute against a directory and cleaned, the way WORKDIR and COPY destinations are. */
    static String join(String dir, String path) {
        String joined = path.startsWith("/") ? path : (dir.endsWith("/") ? dir : dir + "/") + path;
        List<String> parts = new ArrayList<>();
        for (String p : joined.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
                continue;
            }
            parts.add(p);
        }
        return "/" + String.join("/", parts);
    }

    /**
     * EXPOSE's forms: {@code 80}, {@code 80/tcp}, {@code 8000-8002/udp}; ranges expand to every port and the
     * protocol is lower-cased (tcp by default).
     */
    static List<String> ports(String spec) {
        String proto = "tcp";
        String ports = spec;
        int slash = spec.indexOf('/');
        if (slash >= 0) {
            proto = spec.substring(slash + 1).toLowerCase(Locale.ROOT);
            ports = spec.substring(0, slash);
        }
        if (!proto.equals("tcp") && !proto.equals("udp") && !proto.equals("sctp")) {
            throw new IllegalArgumentException("invalid proto: " + proto + " in EXPOSE " + spec);
        }
        int dash = ports.indexOf('-');
        try {
            int from = Integer.parseInt(dash < 0 ? ports : ports.substring(0, dash));
            int to = dash < 0 ? from : Integer.parseInt(ports.substring(dash + 1));
            if (from < 0 || to > 65535 || to < from) {
                throw new NumberFormatException();
            }
            List<String> out = new ArrayList<>();
            for (int p = from; p <= to; p++) {
                out.add(p + "/" + proto);
            }
            return out;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid port '" + spec + "' in EXPOSE: want PORT, PORT/PROTO or "
                    + "FROM-TO/PROTO with ports 0-65535");
        }
    }
}
