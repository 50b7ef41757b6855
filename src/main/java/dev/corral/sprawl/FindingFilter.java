package dev.corral.sprawl;

import java.util.UUID;

/**
 * What the findings list narrows to; null parts do not filter.
 *
 * @param state       null: every state
 * @param hostGroupId the group with every group below it
 * @param text        part of the object's name, its host's or its owner's
 */
public record FindingFilter(FindingKind kind, FindingState state, UUID hostGroupId, UUID hostId, UUID vmId, String text) {

    public static final FindingFilter OPEN = new FindingFilter(null, FindingState.OPEN, null, null, null, null);

    public FindingFilter withKind(FindingKind newKind) {
        return new FindingFilter(newKind, state, hostGroupId, hostId, vmId, text);
    }
}
