package dev.corral.sprawl;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * One condition the sprawl scan found on one object, kept across scans: since when it holds, and
 * whether it is open, ignored (remembered, not reported again) or resolved.
 */
@Entity
@Table(name = "sprawl_finding")
class Finding {

    static final int MAX_DETAILS = 1000;

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private FindingKind kind;

    @Column(name = "object_key", nullable = false, length = 200)
    private String objectKey;

    @Column(name = "object_name", nullable = false, length = 200)
    private String objectName;

    @Column(name = "vm_id")
    private UUID vmId;

    @Column(name = "host_id")
    private UUID hostId;

    @Column(length = 256)
    private String owner;

    @Column(nullable = false, length = MAX_DETAILS)
    private String details;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private FindingState state;

    @Column(nullable = false)
    private Instant since;

    @Column(name = "first_seen", nullable = false)
    private Instant firstSeen;

    @Column(name = "last_seen", nullable = false)
    private Instant lastSeen;

    @Column(name = "action_taken_at")
    private Instant actionTakenAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "closed_by", length = 256)
    private String closedBy;

    @Column(length = MAX_DETAILS)
    private String resolution;

    @Version
    private long version;

    protected Finding() {
    }

    UUID id() {
        return id;
    }

    FindingKind kind() {
        return kind;
    }

    FindingState state() {
        return state;
    }

    UUID vmId() {
        return vmId;
    }

    UUID hostId() {
        return hostId;
    }

    String owner() {
        return owner;
    }

    String objectName() {
        return objectName;
    }

    /** Ignored: the scan keeps finding it, but nobody is told again. */
    void ignore(String by, String why, Instant now) {
        close(FindingState.IGNORED, by, why, now);
    }

    /** Resolved by someone's action (or, with "corral", because the scan no longer finds it). */
    void resolve(String by, String how, Instant now) {
        close(FindingState.RESOLVED, by, how, now);
    }

    /** Reported again: an ignored finding someone wants back. */
    void reopen(Instant now) {
        state = FindingState.OPEN;
        closedAt = null;
        closedBy = null;
        resolution = null;
        lastSeen = now;
    }

    private void close(FindingState end, String by, String text, Instant now) {
        state = end;
        closedAt = now;
        closedBy = by;
        resolution = trim(text);
    }

    FindingView view(String hostName, String hostGroup) {
        return new FindingView(id, kind, state, objectName, vmId, hostId, hostName, hostGroup, owner, details, since,
                firstSeen, lastSeen, actionTakenAt, closedAt, closedBy, resolution, objectKey);
    }

    static String trim(String text) {
        return text == null || text.length() <= MAX_DETAILS ? text : text.substring(0, MAX_DETAILS - 1) + "…";
    }
}
