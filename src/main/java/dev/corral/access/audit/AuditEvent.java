package dev.corral.access.audit;

import dev.corral.access.Channel;

/**
 * One thing to record: who did (or tried) what, to which object, from where, and how it ended.
 *
 * @param principal     the directory user name, or "system"
 * @param sourceAddress the client's address, or null for the system
 * @param action        a dotted verb, e.g. "vm.start", "assignment.create", "sign-in"
 * @param objectType    e.g. "vm", "host", "assignment"; null when the action has no object
 * @param details       a sentence: the reason for a refusal, what changed
 */
public record AuditEvent(String principal, String sourceAddress, Channel channel, String action, String objectType,
        String objectId, String objectName, Outcome outcome, String details) {

    public enum Outcome { SUCCESS, REFUSED, FAILED }
}
