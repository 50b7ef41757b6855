package dev.corral.hosts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.UUID;

/** A registered hypervisor host: its engine URI, its place in the tree, its Windows edition. */
@Entity
@Table(name = "host")
class Host {

    @Id
    private UUID id;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(nullable = false, length = 1000)
    private String uri;

    @Column(name = "host_group_id", nullable = false)
    private UUID hostGroupId;

    @Column(length = 100)
    private String edition;

    @Column(name = "cluster_name", length = 100)
    private String cluster;

    @Column(name = "licence_count")
    private Integer licenceCount;

    @Column(nullable = false)
    private boolean maintenance;

    /** Which machine this is, from its facts; null until Corral has read them (hosts registered before V16). */
    @Column(name = "hypervisor_identity", length = 300)
    private String identity;

    @Version
    private long version;

    protected Host() {
    }

    Host(UUID id, String name, String uri, UUID hostGroupId, String edition, String cluster) {
        this.id = id;
        this.name = name;
        this.uri = uri;
        this.hostGroupId = hostGroupId;
        this.edition = edition;
        this.cluster = cluster;
    }

    Host(UUID id, String name, String uri, UUID hostGroupId, HostSettings settings, String identity) {
        this(id, name, uri, hostGroupId, settings.edition(), settings.cluster());
        this.licenceCount = settings.licenceCount();
        this.identity = identity;
    }

    String identity() {
        return identity;
    }

    void identify(String identity) {
        this.identity = java.util.Objects.requireNonNull(identity);
    }

    /** Replaces what an administrator may change after registration. */
    void change(HostSettings settings, UUID newHostGroupId) {
        this.edition = settings.edition();
        this.licenceCount = settings.licenceCount();
        this.cluster = settings.cluster();
        this.hostGroupId = java.util.Objects.requireNonNull(newHostGroupId);
    }

    HostSettings settings() {
        return new HostSettings(edition, licenceCount, cluster);
    }

    HostSummary summary() {
        return new HostSummary(id, name, uri, hostGroupId, edition, cluster);
    }

    boolean inMaintenance() {
        return maintenance;
    }

    void maintenance(boolean on) {
        this.maintenance = on;
    }

    UUID id() {
        return id;
    }

    UUID hostGroupId() {
        return hostGroupId;
    }
}
