package dev.corral.hosts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.UUID;

/** A node of the host-group tree (e.g. HQ / Rack 3); hosts hang below it. */
@Entity
@Table(name = "host_group")
class HostGroup {

    @Id
    private UUID id;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(name = "parent_id")
    private UUID parentId;

    @Version
    private long version;

    protected HostGroup() {
    }

    HostGroup(UUID id, String name, UUID parentId) {
        this.id = id;
        this.name = name;
        this.parentId = parentId;
    }

    void rename(String newName) {
        this.name = newName;
    }

    void moveUnder(UUID newParentId) {
        this.parentId = newParentId;
    }

    UUID id() {
        return id;
    }

    String name() {
        return name;
    }

    UUID parentId() {
        return parentId;
    }
}
