package fitlab.serve;

import java.net.InetAddress;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses requests that a web page of another site could send through the student's browser (DNS rebinding, a form
 * posted from elsewhere): the {@code Host} header must name this server — {@code localhost}, an IP address (a
 * rebinding attack always arrives under the attacker's own host name) or a name allowed with {@code --allow-host} —
 * on the server's port, and an {@code Origin}, when sent, must be {@code http://} and that same host.
 */
final class HostGuard {
    private final int port;
    private final Set<String> names;

    /** @param names host names besides localhost and IP literals that reach this server (lower case) */
    HostGuard(int port, Set<String> names) {
        this.port = port;
        this.names = names.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** @return empty when allowed, else the reason (the 403 message) */
    java.util.Optional<String> check(String host, String origin) {
        if (host == null || host.isBlank()) {
            return java.util.Optional.of("403: no Host header");
        }
        if (!ours(host)) {
            return java.util.Optional.of("403: Host '" + clip(host) + "' is not this server; open the lab at the address fitlab serve printed");
        }
        if (origin != null) {
            String expected = "http://" + host.toLowerCase(Locale.ROOT);
            if (!origin.toLowerCase(Locale.ROOT).equals(expected)) {
                return java.util.Optional.of("403: Origin '" + clip(origin) + "' is not this server (" + expected + ")");
            }
        }
        return java.util.Optional.empty();
    }

    private boolean ours(String hostHeader) {
        String h = hostHeader.toLowerCase(Locale.ROOT).strip();
        String name;
        String portPart;
        if (h.startsWith("[")) {
            int close = h.indexOf(']');
            if (close < 0) {
                return false;
            }
            name = h.substring(1, close);
            portPart = h.substring(close + 1);
        } else {
            int colon = h.lastIndexOf(':');
            name = colon < 0 ? h : h.substring(0, colon);
            portPart = colon < 0 ? "" : h.substring(colon);
        }
        if (!portPart.equals(":" + port) && !(portPart.isEmpty() && port == 80)) {
            return false;
        }
        return name.equals("localhost") || names.contains(name) || isIpLiteral(name);
    }

    static boolean isIpLiteral(String name) {
        if (name.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            for (String part : name.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return false;
                }
            }
            return true;
        }
        if (name.matches("[0-9a-f:]+") && name.contains(":")) {
            try {
                InetAddress.getByName(name); // a literal is parsed, never looked up
                return true;
            } catch (java.net.UnknownHostException e) {
                return false;
            }
        }
        return false;
    }

    private static String clip(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
