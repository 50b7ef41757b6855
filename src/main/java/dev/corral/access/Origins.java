package dev.corral.access;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;

/** Web origins ({@code scheme://host[:port]}) as the cross-site checks of the API and the console compare them. */
public final class Origins {

    private Origins() {
    }

    /** Whether {@code origin} is the one the browser was talking to: the scheme, Host and port of this very request. */
    public static boolean isOwn(HttpServletRequest request, String origin) {
        return normalised(origin).equals(origin(request.getScheme(), request.getServerName(), request.getServerPort()));
    }

    /** {@code scheme://host[:port]}, lower case, the scheme's default port left out; "null" stays "null". */
    public static String normalised(String origin) {
        try {
            URI uri = URI.create(origin.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return origin.strip().toLowerCase(Locale.ROOT);
            }
            return origin(uri.getScheme(), uri.getHost(), uri.getPort());
        } catch (IllegalArgumentException e) {
            return origin.strip().toLowerCase(Locale.ROOT);
        }
    }

    /** An origin as a log line or a message may show it: short, no control characters. */
    public static String printable(String text) {
        String shown = text.length() > 200 ? text.substring(0, 200) + "…" : text;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }

    private static String origin(String scheme, String host, int port) {
        String s = scheme.toLowerCase(Locale.ROOT);
        boolean defaultPort = port < 0 || ("http".equals(s) && port == 80) || ("https".equals(s) && port == 443);
        String h = host.toLowerCase(Locale.ROOT);
        if (h.contains(":") && !h.startsWith("[")) {
            h = "[" + h + "]";
        }
        return s + "://" + h + (defaultPort ? "" : ":" + port);
    }
}
