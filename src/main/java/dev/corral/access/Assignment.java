package dev.corral.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** A role given to a directory user or group at a scope of the inventory, with a quota for self-service. */
@Entity
@Table(name = "access_assignment")
class Assignment {

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(name = "principal_type", nullable = false, length = 10)
    private PrincipalType principalType;

    @Column(name = "principal_name", nullable = false, length = 256)
    private String principalName;

    /** The name lower-cased: directories compare names without case. */
    @Column(name = "principal_key", nullable = false, length = 256)
    private String principalKey;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "role_id")
    private Role role;

    @Enumerated(EnumType.STRING)
    @Column(name = "scope_kind", nullable = false, length = 20)
    private Scope.Kind scopeKind;

    @Column(name = "scope_id")
    private UUID scopeId;

    @Column(name = "quota_vms")
    private Integer quotaVms;

    @Column(name = "quota_vcpus")
    private Integer quotaVcpus;

    @Column(name = "quota_memory_mib")
    private Long quotaMemoryMiB;

    @Column(name = "quota_storage_gib")
    private Long quotaStorageGiB;

    @Column(name = "created_by", nullable = false, length = 256)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Assignment() {
    }

    Assignment(UUID id, PrincipalType type, String principalName, Role role, Scope scope, Quota quota,
            String createdBy, Instant createdAt) {
        this.id = id;
        this.principalType = type;
        this.principalName = principalName;
        this.principalKey = key(principalName);
        this.role = role;
        this.scopeKind = scope.kind();
        this.scopeId = scope.id();
        this.quotaVms = quota.vms();
        this.quotaVcpus = quota.vcpus();
        this.quotaMemoryMiB = quota.memoryMiB();
        this.quotaStorageGiB = quota.storageGiB();
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    static String key(String principalName) {
        return principalName.strip().toLowerCase(Locale.ROOT);
    }

    Grant grant() {
        return new Grant(id, principalType, principalName, role.view(), new Scope(scopeKind, scopeId),
                new Quota(quotaVms, quotaVcpus, quotaMemoryMiB, quotaStorageGiB), createdBy, createdAt);
    }
}
