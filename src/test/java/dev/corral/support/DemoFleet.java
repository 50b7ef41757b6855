package dev.corral.support;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The demo fleet's ids, which are derived from names so tests can name what they act on. */
public final class DemoFleet {

    private DemoFleet() {
    }

    /** A VM by "host/name", e.g. "hq-hv01/web02". */
    public static UUID vm(String hostAndName) {
        return uuid(hostAndName);
    }

    public static UUID host(String name) {
        return uuid("host/" + name);
    }

    public static UUID group(String name) {
        return uuid("group/" + name);
    }

    public static UUID role(String name) {
        return uuid("role/" + name);
    }

    private static UUID uuid(String text) {
        return UUID.nameUUIDFromBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
