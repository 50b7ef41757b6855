package dev.corral.vms;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.UUID;

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
        return new VmRow(id, name, hostId, hostName, owner, vcpus, memoryMiB, storageGiB, guestFamily, state, version);
    }
}
