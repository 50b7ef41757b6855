package dev.corral.licensing;

import dev.corral.access.AccessPolicy;
import dev.corral.access.Permission;
import dev.corral.base.RuleViolationException;
import dev.corral.engine.VmSpec;
import dev.corral.engine.VmState;
import dev.corral.hosts.HostSummary;
import dev.corral.hosts.HostTree;
import dev.corral.vms.PowerOnGuard;
import dev.corral.vms.RunningGuests;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Windows licensing at the moment a VM would begin running on a host (start, resume, restore from
 * saved state, applying a snapshot taken while running, quick migration while running): the host's edition allows so many running Windows
 * VMs, and its enforcement mode says whether one more is refused (enforce), allowed and recorded
 * as a violation (audit), or not checked (off). A host whose edition the table does not know is
 * not checked. Quick migration also needs failover clustering on both hosts' editions.
 */
@Component
class LicensingGuard implements PowerOnGuard {

    /** The states in which a Windows VM uses a right: it runs (or is about to, or still does). */
    static final Set<VmState> USING_RIGHTS = EnumSet.of(VmState.STARTING, VmState.RUNNING, VmState.PAUSED, VmState.SAVING,
            VmState.STOPPING);

    private static final Runnable NOTHING_HELD = () -> { };

    private final EditionTable table;
    private final HostTree tree;
    private final HostLicences licences;
    private final EnforcementPolicy modes;
    private final RunningGuests guests;
    private final LicensingViolations violations;
    private final AccessPolicy policy;
    private final RightsLedger ledger;

    LicensingGuard(EditionTable table, HostTree tree, HostLicences licences, EnforcementPolicy modes, RunningGuests guests,
            LicensingViolations violations, AccessPolicy policy, RightsLedger ledger) {
        this.table = table;
        this.tree = tree;
        this.licences = licences;
        this.modes = modes;
        this.guests = guests;
        this.violations = violations;
        this.policy = policy;
        this.ledger = ledger;
    }

    @Override
    public Runnable admit(PowerOn request) {
        HostSummary host = request.hostId() == null ? null : tree.host(request.hostId()).orElse(null);
        Optional<Edition> edition = host == null ? Optional.empty() : table.find(host.edition());
        EnforcementMode mode = host == null ? EnforcementMode.OFF : modes.modeFor(host.hostGroupId()).mode();
        if (request.cause() == Cause.MIGRATE_IN) {
            requireClustering(request, host, edition, mode);
        }
        if (edition.isEmpty() || mode == EnforcementMode.OFF || request.guestFamily() != VmSpec.GuestOs.Family.WINDOWS) {
            return NOTHING_HELD;
        }
        Rights rights = edition.get().rightsWith(licences.of(host.id()));
        if (rights.unlimited()) {
            return NOTHING_HELD;
        }
        RightsLedger.Admission admission = ledger.admit(host.id(), request.vmId(), rights,
                () -> guests.on(List.of(host.id()), VmSpec.GuestOs.Family.WINDOWS, USING_RIGHTS).stream()
                        .map(RunningGuests.Guest::id).toList(),
                mode == EnforcementMode.ENFORCE);
        if (admission.exceeds()) {
            exceeded(request, host, edition.get(), rights, admission, mode);
        }
        return admission.release();
    }

    /** Records the violation; refuses the operation unless it was admitted (audit mode). */
    private void exceeded(PowerOn request, HostSummary host, Edition edition, Rights rights,
            RightsLedger.Admission admission, EnforcementMode mode) {
        Sight sight = new Sight(policy.visibility(Permission.INVENTORY_VIEW));
        Map<UUID, RunningGuests.Guest> registered = guests.registered(admission.users()).stream()
                .collect(Collectors.toMap(RunningGuests.Guest::id, Function.identity()));
        List<String> seen = admission.users().stream().map(registered::get)
                .filter(g -> g != null && sight.vm(g.id(), host, g.owner())).map(RunningGuests.Guest::name).toList();
        int unseen = admission.users().size() - seen.size();
        String message = RightsMessage.refusal(host.name(), edition, rights, seen, unseen, request.vmName(), request.cause());
        boolean refused = !admission.admitted();
        String summary = RightsMessage.summary(host.name(), edition, rights, admission.users().size(), request.cause(),
                refused);
        violations.record(new LicensingViolations.Occurrence(host.id(), host.name(), request.vmId(), request.vmName(),
                edition.name(), operation(request.cause()), refused ? auditAction(request.cause()) : "licensing.violation",
                mode, refused, summary, refused ? "Refused by Windows licensing: " + message
                        : "Allowed in audit mode beyond the host's Windows licence: " + message));
        if (refused) {
            throw new RuleViolationException(message);
        }
    }

    /**
     * Quick migration moves a VM between the nodes of a failover cluster, which an edition
     * without failover clustering (Windows Server 2008 Standard) cannot be part of.
     */
    private void requireClustering(PowerOn request, HostSummary target, Optional<Edition> targetEdition,
            EnforcementMode targetMode) {
        HostSummary source = guests.hostOf(request.vmId()).flatMap(tree::host).orElse(null);
        check(request, target, targetEdition, targetMode, "to");
        if (source != null) {
            check(request, source, table.find(source.edition()), modes.modeFor(source.hostGroupId()).mode(), "from");
        }
    }

    private void check(PowerOn request, HostSummary host, Optional<Edition> edition, EnforcementMode mode, String direction) {
        if (host == null || edition.isEmpty() || edition.get().failoverClustering() || mode == EnforcementMode.OFF) {
            return;
        }
        String message = host.name() + " runs " + edition.get().name() + ", which has no failover clustering; quick migration of "
                + request.vmName() + " " + direction + " it needs an edition with failover clustering"
                + clusteringEditions(edition.get()) + ".";
        boolean refused = mode == EnforcementMode.ENFORCE;
        violations.record(new LicensingViolations.Occurrence(host.id(), host.name(), request.vmId(), request.vmName(),
                edition.get().name(), "migrate", refused ? "vm.migrate" : "licensing.violation", mode, refused,
                "Quick migration " + direction + " " + host.name() + (refused ? " refused: " : " allowed in audit mode: ")
                        + edition.get().name() + " has no failover clustering.",
                (refused ? "Refused by Windows licensing: " : "Allowed in audit mode beyond the host's Windows licence: ")
                        + message));
        if (refused) {
            throw new RuleViolationException(message);
        }
    }

    /** " (Windows Server 2008 Enterprise or Windows Server 2008 Datacenter)", from the table. */
    private String clusteringEditions(Edition without) {
        List<String> names = table.editions().stream()
                .filter(e -> e.failoverClustering() && e.generation().equals(without.generation())).map(Edition::name).toList();
        if (names.isEmpty()) {
            return "";
        }
        return " (" + (names.size() == 1 ? names.getFirst()
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.getLast()) + ")";
    }

    static String operation(Cause cause) {
        return switch (cause) {
            case START -> "start";
            case RESUME -> "resume";
            case RESTORE -> "restore";
            case SNAPSHOT_APPLY -> "snapshot-apply";
            case MIGRATE_IN -> "migrate";
        };
    }

    /** The audit action a refusal is recorded under: the operation refused, as the VMs feature names it. */
    private static String auditAction(Cause cause) {
        return switch (cause) {
            case START, RESTORE -> "vm.start";
            case RESUME -> "vm.resume";
            case SNAPSHOT_APPLY -> "vm.snapshot.apply";
            case MIGRATE_IN -> "vm.migrate";
        };
    }
}
