package dev.corral.licensing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** The enforcement mode set globally or for one host group, with who set it and when. */
@Entity
@Table(name = "licensing_mode")
class ModeSetting {

    static final String GLOBAL = "global";

    @Id
    @Column(name = "scope_key", length = 60)
    private String scopeKey;

    @Column(name = "host_group_id")
    private UUID hostGroupId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private EnforcementMode mode;

    @Column(name = "changed_by", nullable = false, length = 256)
    private String changedBy;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Version
    private long version;

    protected ModeSetting() {
    }

    ModeSetting(UUID hostGroupId, EnforcementMode mode, String changedBy, Instant changedAt) {
        this.scopeKey = key(hostGroupId);
        this.hostGroupId = hostGroupId;
        this.mode = mode;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }

    static String key(UUID hostGroupId) {
        return hostGroupId == null ? GLOBAL : "host-group:" + hostGroupId;
    }

    void change(EnforcementMode newMode, String by, Instant at) {
        mode = newMode;
        changedBy = by;
        changedAt = at;
    }

    UUID hostGroupId() {
        return hostGroupId;
    }

    EnforcementMode mode() {
        return mode;
    }

    String changedBy() {
        return changedBy;
    }

    Instant changedAt() {
        return changedAt;
    }
}
