package dev.corral.licensing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One operation that exceeded a host's licence: refused under enforce, or allowed and recorded under audit. */
@Entity
@Table(name = "licensing_violation")
class Violation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "host_id", nullable = false)
    private UUID hostId;

    @Column(name = "host_name", nullable = false, length = 100)
    private String hostName;

    @Column(name = "vm_id")
    private UUID vmId;

    @Column(name = "vm_name", length = 100)
    private String vmName;

    @Column(length = 100)
    private String edition;

    @Column(nullable = false, length = 20)
    private String operation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private EnforcementMode mode;

    @Column(nullable = false)
    private boolean refused;

    @Column(nullable = false, length = 256)
    private String principal;

    @Column(nullable = false, length = 2000)
    private String details;

    protected Violation() {
    }

    Violation(Instant occurredAt, UUID hostId, String hostName, UUID vmId, String vmName, String edition,
            String operation, EnforcementMode mode, boolean refused, String principal, String details) {
        this.occurredAt = occurredAt;
        this.hostId = hostId;
        this.hostName = hostName;
        this.vmId = vmId;
        this.vmName = vmName;
        this.edition = edition;
        this.operation = operation;
        this.mode = mode;
        this.refused = refused;
        this.principal = principal;
        this.details = details.length() > 2000 ? details.substring(0, 1999) + "…" : details;
    }

    LicensingViolations.Entry entry() {
        return new LicensingViolations.Entry(id, occurredAt, hostId, hostName, vmId, vmName, edition, operation, mode.code(),
                refused, principal, details);
    }
}
