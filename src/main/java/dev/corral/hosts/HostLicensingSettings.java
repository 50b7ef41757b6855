package dev.corral.hosts;

import dev.corral.access.AccessPolicy;
import dev.corral.access.Permission;
import dev.corral.access.Scope;
import dev.corral.base.InvalidInputException;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A host's Windows Server edition and licence count: what licensing enforcement counts a host's
 * Windows rights by, so setting them is licensing (licensing.manage), not host management. The
 * edition is one of the editions table, spelled as the table spells it.
 */
@Component
class HostLicensingSettings {

    private final AccessPolicy policy;
    private final ObjectProvider<EditionCatalog> editions;

    HostLicensingSettings(AccessPolicy policy, ObjectProvider<EditionCatalog> editions) {
        this.policy = policy;
        this.editions = editions;
    }

    /** The editions a host may record, for the forms; empty where no editions table is loaded. */
    List<String> editionNames() {
        EditionCatalog catalog = editions.getIfAvailable();
        return catalog == null ? List.of() : catalog.editionNames();
    }

    /** The settings checked, with the edition spelled as the editions table spells it; an edition it lacks is refused. */
    HostSettings checked(HostSettings given) {
        HostSettings settings = HostInput.settings(given);
        EditionCatalog catalog = editions.getIfAvailable();
        if (settings.edition() == null || catalog == null) {
            return settings;
        }
        String known = catalog.canonicalName(settings.edition()).orElseThrow(() -> new InvalidInputException(
                "edition", "The editions table (config/licensing/editions.yml) has no edition \"" + settings.edition()
                        + "\"; choose one of: " + String.join(", ", catalog.editionNames()) + "."));
        return new HostSettings(known, settings.licenceCount(), settings.cluster());
    }

    /** A host registered with an edition or a licence count needs licensing.manage in its host group. */
    void requireForRegistration(HostSettings settings, UUID groupId) {
        if (settings.edition() != null || settings.licenceCount() != null) {
            policy.require(Permission.LICENSING_MANAGE, Scope.hostGroup(groupId));
        }
    }

    /** Changing the edition (other than its spelling) or the licence count needs licensing.manage at the host. */
    void requireForChange(HostSettings before, HostSettings after, UUID hostId) {
        boolean sameEdition = before.edition() == null ? after.edition() == null
                : before.edition().equalsIgnoreCase(after.edition());
        if (!sameEdition || !Objects.equals(before.licenceCount(), after.licenceCount())) {
            policy.require(Permission.LICENSING_MANAGE, Scope.host(hostId));
        }
    }

    boolean mayLicense(UUID hostId) {
        return policy.allows(Permission.LICENSING_MANAGE, Scope.host(hostId));
    }

    boolean mayLicenseInGroup(UUID groupId) {
        return policy.allows(Permission.LICENSING_MANAGE, Scope.hostGroup(groupId));
    }
}
