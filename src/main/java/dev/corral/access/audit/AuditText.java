package dev.corral.access.audit;

/** Text as the audit trail stores it: never refused, shortened to fit its column. */
final class AuditText {

    static final String ELLIPSIS = "…";

    private AuditText() {
    }

    /**
     * The text, at most {@code max} characters long, ending in an ellipsis when it was cut.
     * NUL characters become U+FFFD because PostgreSQL cannot store them in text.
     */
    static String fit(String text, int max) {
        if (text == null) {
            return null;
        }
        String storable = text.replace('\u0000', '\uFFFD');
        if (storable.length() <= max) {
            return storable;
        }
        int end = max - ELLIPSIS.length();
        if (Character.isHighSurrogate(storable.charAt(end - 1))) {
            end--; // never split a character outside the Basic Multilingual Plane
        }
        return storable.substring(0, end) + ELLIPSIS;
    }
}
