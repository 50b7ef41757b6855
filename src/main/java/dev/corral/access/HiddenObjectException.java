package dev.corral.access;

import dev.corral.base.NotFoundException;
import java.util.Locale;

/**
 * A refusal about an object the caller may not see: answered as not found (404), in the same
 * words as an object that does not exist, so that it confirms nothing. The audit trail still
 * records the refusal in full.
 */
public class HiddenObjectException extends NotFoundException {

    HiddenObjectException(Scope object) {
        super("There is no such " + kind(object.kind()) + ", or your roles do not let you see it.");
    }

    private static String kind(Scope.Kind kind) {
        return switch (kind) {
            case HOST_GROUP -> "host group";
            case VM -> "VM";
            default -> kind.name().toLowerCase(Locale.ROOT);
        };
    }
}
