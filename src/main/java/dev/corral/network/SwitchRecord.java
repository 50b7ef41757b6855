package dev.corral.network;

import dev.corral.engine.VirtualSwitch;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;

/** One virtual switch of a host as Corral last read it, with the VLANs it carries as ranges. */
@Entity
@Table(name = "virtual_switch")
class SwitchRecord {

    @Id
    private UUID id;

    @Column(name = "host_id", nullable = false)
    private UUID hostId;

    @Column(nullable = false, length = 100)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private VirtualSwitch.Kind kind;

    @Column(name = "physical_adapter", length = 100)
    private String physicalAdapter;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "virtual_switch_vlan", joinColumns = @JoinColumn(name = "switch_id"))
    @BatchSize(size = 200)
    private Set<VlanRange> vlans = new HashSet<>();

    protected SwitchRecord() {
    }

    SwitchRecord(UUID hostId, VirtualSwitch read) {
        this.id = idOf(hostId, read.name());
        this.hostId = hostId;
        update(read);
    }

    /** A switch's id: the same for its host and name (regardless of case) every time it is read. */
    static UUID idOf(UUID hostId, String name) {
        return UUID.nameUUIDFromBytes(("switch/" + hostId + "/" + name.toLowerCase(Locale.ROOT))
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Takes what the host reports now; answers whether anything changed. */
    boolean update(VirtualSwitch read) {
        Set<VlanRange> ranges = new HashSet<>(VlanRange.of(read.allowedVlans()));
        boolean changed = !read.name().equals(name) || read.kind() != kind
                || !java.util.Objects.equals(read.physicalAdapter(), physicalAdapter) || !ranges.equals(vlans);
        name = read.name();
        kind = read.kind();
        physicalAdapter = read.physicalAdapter();
        if (!ranges.equals(vlans)) {
            vlans.clear();
            vlans.addAll(ranges);
        }
        return changed;
    }

    UUID id() {
        return id;
    }

    UUID hostId() {
        return hostId;
    }

    String name() {
        return name;
    }

    VirtualSwitch.Kind kind() {
        return kind;
    }

    String physicalAdapter() {
        return physicalAdapter;
    }

    List<VlanRange> vlans() {
        return vlans.stream().sorted(java.util.Comparator.comparingInt(VlanRange::first)).toList();
    }

    /** The switch as the engine port describes it. */
    VirtualSwitch toSwitch() {
        return new VirtualSwitch(name, kind, physicalAdapter, VlanRange.tags(vlans));
    }
}
