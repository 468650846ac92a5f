package dev.stagesmith.server.checks.style;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One EXPOSE port as BuildKit's {@code parsePort} splits it: {@code [ip:][hostPort:]port[/proto]}.
 *
 * @param raw the port as written (after expansion)
 * @param ip the host IP, or empty
 * @param hostPort the host port (range), or empty
 * @param containerPort the container port (range)
 * @param proto the protocol as written, or empty when not given
 * @param valid whether BuildKit accepts the whole spec; after an invalid one it stops and checks no further port
 */
record PortSpec(String raw, String ip, String hostPort, String containerPort, String proto, boolean valid) {

    private static final Pattern IPV4 = Pattern.compile("(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}"
            + "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");
    private static final Pattern IPV6ISH = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    /** The spec, or empty where BuildKit fails before its checks look at it (no port, unknown protocol). */
    static Optional<PortSpec> parse(String raw) {
        String[] parts = raw.split(":", -1);
        int n = parts.length;
        String ip = n >= 3 ? String.join(":", Arrays.copyOfRange(parts, 0, n - 2)) : "";
        String hostPort = n >= 2 ? parts[n - 2] : "";
        String last = parts[n - 1];
        int slash = last.indexOf('/');
        String port = slash < 0 ? last : last.substring(0, slash);
        String proto = slash < 0 ? "" : last.substring(slash + 1);
        if (port.isEmpty()) {
            return Optional.empty();
        }
        switch (proto.toLowerCase(Locale.ROOT)) {
            case "", "tcp", "udp", "sctp" -> { }
            default -> {
                return Optional.empty();
            }
        }
        return Optional.of(new PortSpec(raw, ip, hostPort, port, proto, isValid(ip, hostPort, port)));
    }

    /** Whether BuildKit's remaining validation (IP, port numbers and ranges) passes. */
    private static boolean isValid(String ip, String hostPort, String port) {
        String address = ip.startsWith("[") && ip.endsWith("]") ? ip.substring(1, ip.length() - 1) : ip;
        if (!ip.isEmpty() && !IPV4.matcher(address).matches() && !IPV6ISH.matcher(address).matches()) {
            return false;
        }
        int[] container = range(port);
        if (container == null) {
            return false;
        }
        if (!hostPort.isEmpty()) {
            int[] host = range(hostPort);
            return host != null && (container[1] - container[0] == host[1] - host[0] || container[0] == container[1]);
        }
        return true;
    }

    /** {@code parsePortRange}: {@code n} or {@code n-m}, each 0 to 65535, {@code m >= n}; null when invalid. */
    private static int[] range(String ports) {
        int dash = ports.indexOf('-');
        String start = dash < 0 ? ports : ports.substring(0, dash);
        String end = dash < 0 ? start : ports.substring(dash + 1);
        int s = number(start);
        int e = start.equals(end) ? s : number(end);
        return s < 0 || e < s ? null : new int[] {s, e};
    }

    private static int number(String s) {
        if (!s.matches("[+-]?[0-9]{1,9}")) {
            return -1;
        }
        int v = Integer.parseInt(s.startsWith("+") ? s.substring(1) : s);
        return v <= 65535 ? v : -1;
    }
}
