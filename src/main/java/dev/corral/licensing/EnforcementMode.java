package dev.corral.licensing;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.corral.base.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;

/**
 * What happens when an operation would make a host run more Windows VMs than its edition allows:
 * refused before anything happens, allowed and recorded as a violation, or not checked at all.
 */
public enum EnforcementMode {
    ENFORCE("Enforce", "refused before anything happens"),
    AUDIT("Audit", "allowed, and recorded as a violation"),
    OFF("Off", "not checked");

    private final String label;
    private final String meaning;

    EnforcementMode(String label, String meaning) {
        this.label = label;
        this.meaning = meaning;
    }

    /** As the API and the configuration name it: enforce, audit, off. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return label;
    }

    /** What an operation exceeding the rights meets in this mode, for people. */
    public String meaning() {
        return meaning;
    }

    /** The mode a caller named, or a field error naming the choices. */
    public static EnforcementMode parse(String field, String text) {
        return Arrays.stream(values()).filter(m -> text != null && m.code().equalsIgnoreCase(text.strip())).findFirst()
                .orElseThrow(() -> new InvalidInputException(field, "Choose enforce, audit or off."));
    }
}
