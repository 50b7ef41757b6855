package dev.corral.access;

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
import jakarta.persistence.Version;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/** A named set of permissions; built-in roles come from configuration, custom ones from administrators. */
@Entity
@Table(name = "access_role")
class Role {

    @Id
    private UUID id;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(length = 500)
    private String description;

    @Column(name = "built_in", nullable = false)
    private boolean builtIn;

    @Column(name = "denies_all", nullable = false)
    private boolean deniesAll;

    @Column(name = "owned_vms_only", nullable = false)
    private boolean ownedVmsOnly;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "access_role_permission", joinColumns = @JoinColumn(name = "role_id"))
    @Column(name = "permission", nullable = false, length = 40)
    @Enumerated(EnumType.STRING)
    private Set<Permission> permissions = EnumSet.noneOf(Permission.class);

    @Version
    private long version;

    protected Role() {
    }

    Role(UUID id, String name, String description, boolean builtIn, boolean deniesAll, boolean ownedVmsOnly,
            Set<Permission> permissions) {
        this.id = id;
        this.ownedVmsOnly = ownedVmsOnly;
        this.name = name;
        this.description = description;
        this.builtIn = builtIn;
        this.deniesAll = deniesAll;
        this.permissions = permissions.isEmpty() ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(permissions);
    }

    void redefine(String newDescription, boolean newDeniesAll, boolean newOwnedVmsOnly, Set<Permission> newPermissions) {
        this.description = newDescription;
        this.deniesAll = newDeniesAll;
        this.ownedVmsOnly = newOwnedVmsOnly;
        this.permissions.clear();
        this.permissions.addAll(newPermissions);
    }

    String name() {
        return name;
    }

    boolean builtIn() {
        return builtIn;
    }

    RoleView view() {
        return new RoleView(id, name, description, builtIn, deniesAll, ownedVmsOnly, Set.copyOf(permissions));
    }
}
