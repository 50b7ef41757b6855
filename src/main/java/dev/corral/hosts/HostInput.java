package dev.corral.hosts;

import dev.corral.base.InvalidInputException;

/** The checks every name and free-text setting of the host inventory passes, with their messages. */
final class HostInput {

    static final int MAX_NAME = 100;

    private HostInput() {
    }

    /** A name by the inventory's rule ({@link dev.corral.base.Names}), stripped. */
    static String name(String field, String value, String what) {
        return dev.corral.base.Names.check(field, value, what);
    }

    /** Optional free text (an edition, a cluster): blank means none. */
    static String optional(String field, String value, String what) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > MAX_NAME || !printable(stripped)) {
            throw new InvalidInputException(field, "The " + what + " has at most " + MAX_NAME + " printable characters.");
        }
        return stripped;
    }

    static HostSettings settings(HostSettings settings) {
        Integer licences = settings.licenceCount();
        if (licences != null && licences < 1) {
            throw new InvalidInputException("licenceCount", "Give the number of licences, 1 or more, or leave it empty.");
        }
        return new HostSettings(optional("edition", settings.edition(), "edition"), licences,
                optional("cluster", settings.cluster(), "cluster name"));
    }

    private static boolean printable(String text) {
        return text.codePoints().noneMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.UNASSIGNED
                || Character.getType(c) == Character.FORMAT && c != 0x200D);
    }
}
