package dev.corral.network;

import java.util.UUID;

/**
 * Narrows the switch list: to a host, to a host group (with its subgroups) and to names containing
 * a text (regardless of case); nulls narrow nothing.
 */
public record SwitchFilter(UUID hostId, UUID hostGroupId, String name) {

    public static final SwitchFilter NONE = new SwitchFilter(null, null, null);
}
