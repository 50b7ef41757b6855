package dev.corral.vms;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;

/**
 * A VM registered in the inventory: its identity (the hypervisor's domain UUID), host, owner and
 * sizing. Runtime state is not kept here; the engine is the truth about what runs.
 */
@Entity
@Table(name = "vm")
class Vm {

    @Id
    private UUID id;

    @Column(name = "host_id", nullable = false)
    private UUID hostId;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(length = 256)
    private String owner;

    @Column(nullable = false)
    private int vcpus;

    @Column(name = "memory_mib", nullable = false)
    private long memoryMiB;

    @Column(name = "storage_gib", nullable = false)
    private long storageGiB;

    @Column(name = "guest_family", nullable = false, length = 20)
    private String guestFamily;

    @Column(nullable = false, length = 10)
    @Enumerated(EnumType.STRING)
    private dev.corral.engine.VmSpec.Architecture architecture = dev.corral.engine.VmSpec.Architecture.X64;

    @Column(name = "guest_name", length = 100)
    private String guestName;

    @Column(length = 500)
    private String purpose;

    @Column(name = "created_by", length = 256)
    private String createdBy;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "lease_expires")
    private LocalDate leaseExpires;

    @Column(name = "lease_action", length = 20)
    @Enumerated(EnumType.STRING)
    private VmLease.Action leaseAction;

    // Eager, in batches: a page of the grid costs one more query, and a VM read outside a transaction has its tags.
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "vm_tag", joinColumns = @JoinColumn(name = "vm_id"))
    @MapKeyColumn(name = "tag_key", length = 40)
    @Column(name = "tag_value", length = 100, nullable = false)
    @BatchSize(size = 100)
    private Map<String, String> tags = new TreeMap<>();

    @Version
    private long version;

    protected Vm() {
    }

    Vm(UUID id, UUID hostId, String name, String owner, int vcpus, long memoryMiB, long storageGiB, String guestFamily) {
        this.id = id;
        this.hostId = hostId;
        this.name = name;
        this.owner = owner;
        this.vcpus = vcpus;
        this.memoryMiB = memoryMiB;
        this.storageGiB = storageGiB;
        this.guestFamily = guestFamily;
    }

    /** Where the VM came from and why it exists; set once, when the VM is created or adopted. */
    Vm describe(dev.corral.engine.VmSpec.Architecture newArchitecture, String newGuestName, String newPurpose,
            String creator, Instant created, VmLease lease, Map<String, String> newTags) {
        architecture = newArchitecture;
        guestName = newGuestName;
        purpose = newPurpose;
        createdBy = creator;
        createdAt = created;
        lease(lease);
        tags = new TreeMap<>(newTags);
        return this;
    }

    void lease(VmLease lease) {
        leaseExpires = lease == null ? null : lease.expires();
        leaseAction = lease == null ? null : lease.action();
    }

    VmLease lease() {
        return leaseExpires == null ? null : new VmLease(leaseExpires, leaseAction);
    }

    void purpose(String newPurpose) {
        purpose = newPurpose;
    }

    String purpose() {
        return purpose;
    }

    Map<String, String> tags() {
        return java.util.Collections.unmodifiableMap(new TreeMap<>(tags));
    }

    void retag(Map<String, String> newTags) {
        tags.clear();
        tags.putAll(newTags);
    }

    VmProvenance provenance() {
        return new VmProvenance(architecture, guestName, purpose, createdBy, createdAt, lease(), tags());
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

    String owner() {
        return owner;
    }

    int vcpus() {
        return vcpus;
    }

    long memoryMiB() {
        return memoryMiB;
    }

    dev.corral.engine.VmSpec.GuestOs.Family guestFamily() {
        return dev.corral.engine.VmSpec.GuestOs.Family.valueOf(guestFamily);
    }

    dev.corral.engine.VmSpec.Architecture architecture() {
        return architecture;
    }

    long version() {
        return version;
    }

    /** A configuration change; the version moves on when it is written. */
    void configure(int newVcpus, long newMemoryMiB, String newOwner) {
        vcpus = newVcpus;
        memoryMiB = newMemoryMiB;
        owner = newOwner;
    }

    /** After a quick migration: the VM now lives on another host of its cluster. */
    void moveTo(UUID newHostId) {
        hostId = java.util.Objects.requireNonNull(newHostId);
    }

    VmRow row(String hostName, dev.corral.engine.VmState state) {
        return new VmRow(id, name, hostId, hostName, owner, vcpus, memoryMiB, storageGiB, guestFamily, state, version,
                tags(), leaseExpires);
    }
}
