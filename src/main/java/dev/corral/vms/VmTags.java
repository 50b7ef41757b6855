package dev.corral.vms;

import dev.corral.base.InvalidInputException;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** The rules for a VM's tags and purpose. */
public final class VmTags {

    public static final int MAX_TAGS = 30;
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,39}");

    private VmTags() {
    }

    /** Checked tags, keys as given, values stripped; null is no tags. */
    public static Map<String, String> check(Map<String, String> tags) {
        Map<String, String> checked = new TreeMap<>();
        if (tags == null) {
            return checked;
        }
        if (tags.size() > MAX_TAGS) {
            throw new InvalidInputException("tags", "A VM has at most " + MAX_TAGS + " tags.");
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            String key = tag.getKey() == null ? "" : tag.getKey().strip();
            if (!KEY.matcher(key).matches()) {
                throw new InvalidInputException("tags", "The tag key \"" + abbreviate(key) + "\" is not valid: 1 to 40 "
                        + "letters, digits and . _ : / -, starting with a letter or digit.");
            }
            if (!seen.add(key.toLowerCase(java.util.Locale.ROOT))) {
                throw new InvalidInputException("tags", "The tag key " + key + " is given twice.");
            }
            String value = tag.getValue() == null ? "" : tag.getValue().strip();
            if (value.length() > 100 || value.chars().anyMatch(Character::isISOControl)) {
                throw new InvalidInputException("tags", "The value of tag " + key + " has at most 100 printable characters.");
            }
            checked.put(key, value);
        }
        return checked;
    }

    /** Tags written as "key=value" pairs separated by commas, the way the forms take them. */
    public static Map<String, String> parse(String text) {
        Map<String, String> tags = new java.util.LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return tags;
        }
        for (String pair : text.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = (eq < 0 ? pair : pair.substring(0, eq)).strip();
            if (tags.containsKey(key)) {
                throw new InvalidInputException("tags", "The tag key " + key + " is given twice.");
            }
            tags.put(key, eq < 0 ? "" : pair.substring(eq + 1).strip());
        }
        return check(tags);
    }

    /** The tags as the forms show them. */
    public static String format(Map<String, String> tags) {
        return String.join(", ", tags.entrySet().stream()
                .map(t -> t.getValue().isEmpty() ? t.getKey() : t.getKey() + "=" + t.getValue()).toList());
    }

    public static String purpose(String purpose) {
        if (purpose == null || purpose.isBlank()) {
            return null;
        }
        String stripped = purpose.strip();
        if (stripped.length() > 500 || stripped.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            throw new InvalidInputException("purpose", "A purpose has at most 500 printable characters.");
        }
        return stripped;
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
