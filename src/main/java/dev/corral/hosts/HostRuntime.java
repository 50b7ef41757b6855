package dev.corral.hosts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Whether a host answered the last time Corral asked, and what went wrong if not. */
@Entity
@Table(name = "host_runtime")
class HostRuntime {

    @Id
    @Column(name = "host_id")
    private UUID hostId;

    @Column(nullable = false)
    private boolean reachable;

    @Column(name = "last_contact")
    private Instant lastContact;

    @Column(length = 1000)
    private String problem;

    @Column(name = "logical_processors")
    private Integer logicalProcessors;

    @Column(name = "memory_total_mib")
    private Long memoryTotalMiB;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected HostRuntime() {
    }

    HostRuntime(UUID hostId, Instant now) {
        this.hostId = hostId;
        this.updatedAt = now;
    }

    void answered(Instant now) {
        reachable = true;
        lastContact = now;
        problem = null;
        updatedAt = now;
    }

    void failed(String why, Instant now) {
        reachable = false;
        problem = why == null || why.length() <= 1000 ? why : why.substring(0, 999) + "…";
        updatedAt = now;
    }

    UUID hostId() {
        return hostId;
    }

    HostHealth.Status status() {
        return new HostHealth.Status(reachable, lastContact, problem);
    }

    void capacity(int processors, long memoryMiB) {
        logicalProcessors = processors;
        memoryTotalMiB = memoryMiB;
    }

    boolean knowsCapacity() {
        return logicalProcessors != null && memoryTotalMiB != null;
    }

    Integer logicalProcessors() {
        return logicalProcessors;
    }

    Long memoryTotalMiB() {
        return memoryTotalMiB;
    }

}
