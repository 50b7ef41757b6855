package dev.corral.base;

import java.util.regex.Pattern;

/**
 * The rule for the names administrators give things in the inventory and the access model (host
 * groups, roles): letters and digits of any script, spaces and . _ ( ) - , starting with a letter
 * or digit, at most 100 characters. No markup, query or path characters, so that a name means
 * the same in the console, the API, the audit trail, a CSV export and a directory search.
 */
public final class Names {

    public static final int MAX_LENGTH = 100;
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._()\\-]*");

    private Names() {
    }

    /** The name without surrounding spaces; refused at {@code field} where it breaks the rule. */
    public static String check(String field, String name, String what) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException(field, "Give the " + what + " a name.");
        }
        String stripped = name.strip();
        if (stripped.length() > MAX_LENGTH) {
            throw new InvalidInputException(field, "A " + what + " name has at most " + MAX_LENGTH + " characters.");
        }
        if (!NAME.matcher(stripped).matches()) {
            throw new InvalidInputException(field, "A " + what + " name starts with a letter or digit and holds only "
                    + "letters, digits, spaces and . _ ( ) -; \"" + abbreviate(stripped) + "\" does not.");
        }
        return stripped;
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
