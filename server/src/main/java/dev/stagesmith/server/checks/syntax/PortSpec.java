package dev.stagesmith.server.checks.syntax;

import java.util.Locale;
import java.util.Optional;

/**
 * docker/go-connections' {@code nat.ParsePortSpec}, which BuildKit runs on every EXPOSE word: an optional
 * {@code ip:hostPort:} prefix, a container port or range, and an optional {@code /tcp}, {@code /udp} or
 * {@code /sctp}. Only the rejections are reproduced, with go-connections' messages.
 */
final class PortSpec {

    /** Why the spec is refused, and the part of the word at fault ({@code [from, to)} indices). */
    record Problem(String message, int from, int to) {}

    private PortSpec() {}

    static Optional<Problem> check(String raw) {
        String[] parts = raw.split(":", -1);
        int n = parts.length;
        String containerPort = parts[n - 1];
        int containerFrom = raw.length() - containerPort.length();
        String hostPort = n >= 2 ? parts[n - 2] : "";
        String ip = n >= 3 ? String.join(":", java.util.Arrays.copyOf(parts, n - 2)) : "";

        String proto;
        String port;
        String[] pp = containerPort.split("/", -1);
        if (containerPort.isEmpty() || pp[0].isEmpty()) {
            proto = "";
            port = "";
        } else if (pp.length == 1) {
            proto = "tcp";
            port = containerPort;
        } else if (pp[1].isEmpty()) {
            proto = "tcp";
            port = pp[0];
        } else {
            proto = pp[1];
            port = pp[0];
        }
        if (!ip.isEmpty() && !validIp(ip)) {
            return Optional.of(new Problem("invalid IP address: " + ip, 0, ip.length()));
        }
        if (port.isEmpty()) {
            return Optional.of(new Problem("no port specified: " + raw + "<empty>", containerFrom, raw.length()));
        }
        long[] container = range(port);
        if (container == null) {
            return Optional.of(new Problem("invalid containerPort: " + port, containerFrom, containerFrom + port.length()));
        }
        if (!hostPort.isEmpty()) {
            int hostFrom = containerFrom - 1 - hostPort.length();
            long[] host = range(hostPort);
            if (host == null) {
                return Optional.of(new Problem("invalid hostPort: " + hostPort, hostFrom, hostFrom + hostPort.length()));
            }
            if (container[1] - container[0] != host[1] - host[0] && container[1] != container[0]) {
                return Optional.of(new Problem("invalid ranges specified for container and host Ports: " + port
                        + " and " + hostPort, hostFrom, raw.length()));
            }
        }
        String lower = proto.toLowerCase(Locale.ROOT);
        if (!lower.equals("tcp") && !lower.equals("udp") && !lower.equals("sctp")) {
            int protoFrom = containerFrom + port.length() + 1;
            return Optional.of(new Problem("invalid proto: " + proto + " (use tcp, udp or sctp)", protoFrom,
                    protoFrom + proto.length()));
        }
        return Optional.empty();
    }

    /** {@code nat.ParsePortRange}: a port or {@code start-end}, each a 16-bit unsigned number; null when invalid. */
    private static long[] range(String ports) {
        if (!ports.contains("-")) {
            long p = uint16(ports);
            return p < 0 ? null : new long[] {p, p};
        }
        String[] parts = ports.split("-", -1);
        long start = uint16(parts[0]);
        long end = uint16(parts[1]);
        if (start < 0 || end < 0 || end < start) {
            return null;
        }
        return new long[] {start, end};
    }

    /** Go's {@code strconv.ParseUint(s, 10, 16)}, or -1. */
    private static long uint16(String s) {
        if (s.isEmpty() || s.length() > 5 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        long v = Long.parseLong(s);
        return v > 65535 ? -1 : v;
    }

    /** Go's {@code net.ParseIP} after go-connections strips IPv6 brackets. */
    private static boolean validIp(String ip) {
        String s = ip;
        if (s.startsWith("[")) {
            if (!s.endsWith("]")) {
                return false;
            }
            s = s.substring(1, s.length() - 1);
        }
        if (s.matches("[0-9.]+")) {
            String[] octets = s.split("\\.", -1);
            if (octets.length != 4) {
                return false;
            }
            for (String o : octets) {
                if (o.isEmpty() || o.length() > 3 || (o.length() > 1 && o.startsWith("0")) || Integer.parseInt(o) > 255) {
                    return false;
                }
            }
            return true;
        }
        return s.contains(":") && s.matches("[0-9A-Fa-f:.]+") && validIpv6(s);
    }

    private static boolean validIpv6(String s) {
        try {
            java.net.InetAddress a = java.net.InetAddress.getByName("[" + s + "]");
            return a instanceof java.net.Inet6Address || a instanceof java.net.Inet4Address;
        } catch (java.io.IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
