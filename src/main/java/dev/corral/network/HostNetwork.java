package dev.corral.network;

import dev.corral.engine.HostFacts;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;

/**
 * A host's networking as Corral keeps it: the management adapter an administrator chose, and
 * the physical adapters and when its switches were last read (the switches are {@link SwitchRecord}s).
 */
@Entity
@Table(name = "host_network")
class HostNetwork {

    /** A physical adapter as last read. */
    @Embeddable
    record Adapter(@Column(name = "name", length = 100) String name, @Column(name = "mac", length = 17) String mac,
            @Enumerated(EnumType.STRING) @Column(name = "medium", length = 10) HostFacts.PhysicalAdapter.Medium medium,
            @Column(name = "speed_mbps") long speedMbps) {
    }

    @Id
    @Column(name = "host_id")
    private UUID hostId;

    @Column(name = "management_adapter", length = 100)
    private String managementAdapter;

    @Column(name = "read_at")
    private Instant readAt;

    @Column(name = "read_problem", length = 1000)
    private String readProblem;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "host_adapter", joinColumns = @JoinColumn(name = "host_id"))
    @BatchSize(size = 100)
    private List<Adapter> adapters = new ArrayList<>();

    protected HostNetwork() {
    }

    HostNetwork(UUID hostId) {
        this.hostId = hostId;
    }

    UUID hostId() {
        return hostId;
    }

    String managementAdapter() {
        return managementAdapter;
    }

    void managementAdapter(String adapter) {
        this.managementAdapter = adapter;
    }

    /** When the host last answered a read of its switches; null if it never has. */
    Instant readAt() {
        return readAt;
    }

    /** Why the last read failed; null if the host answered. */
    String readProblem() {
        return readProblem;
    }

    List<Adapter> adapters() {
        return adapters.stream().sorted(Comparator.comparing(Adapter::name)).toList();
    }

    void answered(List<HostFacts.PhysicalAdapter> read, Instant at) {
        List<Adapter> now = read.stream().map(a -> new Adapter(a.name(), a.mac(), a.medium(), a.speedMbps())).toList();
        if (!now.equals(adapters())) {
            adapters.clear();
            adapters.addAll(now);
        }
        readAt = at;
        readProblem = null;
    }

    void failed(String problem) {
        readProblem = problem == null ? "The host did not answer." : problem.substring(0, Math.min(problem.length(), 1000));
    }
}
