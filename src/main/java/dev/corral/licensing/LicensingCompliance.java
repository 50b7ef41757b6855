package dev.corral.licensing;

import dev.corral.base.Csv;
import dev.corral.access.AccessPolicy;
import dev.corral.access.Permission;
import dev.corral.engine.HostFacts;
import dev.corral.engine.VmSpec;
import dev.corral.hosts.HostRow;
import dev.corral.hosts.HostService;
import dev.corral.hosts.HostSummary;
import dev.corral.hosts.HostTree;
import dev.corral.vms.RunningGuests;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each host's Windows licence against what runs on it, for the hosts the caller may see: its
 * edition and licences, the running Windows VMs it allows, those running, the headroom, and the
 * enforcement mode that applies; with the fleet's totals. VMs the caller may not see are counted
 * but not named.
 */
@Service
@Transactional(readOnly = true)
public class LicensingCompliance {

    private final HostService hosts;
    private final HostTree tree;
    private final EditionTable table;
    private final HostLicences licences;
    private final EnforcementPolicy modes;
    private final RunningGuests guests;
    private final AccessPolicy policy;

    LicensingCompliance(HostService hosts, HostTree tree, EditionTable table, HostLicences licences, EnforcementPolicy modes,
            RunningGuests guests, AccessPolicy policy) {
        this.hosts = hosts;
        this.tree = tree;
        this.table = table;
        this.licences = licences;
        this.modes = modes;
        this.guests = guests;
        this.policy = policy;
    }

    /** Where a host stands. */
    public enum Status {
        WITHIN("Within rights"), AT_LIMIT("At the limit"), OVER("Over its rights"), UNLIMITED("Unlimited"),
        UNKNOWN_EDITION("Unknown edition"), NO_EDITION("No edition recorded");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** Whether the host's rights are counted at all. */
        public boolean checked() {
            return this != UNKNOWN_EDITION && this != NO_EDITION;
        }
    }

    /**
     * One host's licence against its running Windows VMs.
     *
     * @param edition        as the host records it (null: none)
     * @param licenceCount   as recorded (null: none)
     * @param rights         the running Windows VMs allowed; null when unlimited or the edition is unknown
     * @param windowsRunning every Windows VM using a right, seen by the caller or not
     * @param runningVms     the names of those the caller may see
     * @param headroom       rights still free; negative when exceeded, null when unlimited or unknown
     * @param warnings       sentences about the licence that need no host facts (licences assumed, clustering)
     */
    public record HostCompliance(UUID hostId, String hostName, UUID hostGroupId, String hostGroup, String edition,
            boolean editionKnown, Integer licenceCount, Integer rights, int windowsRunning, List<String> runningVms,
            Integer headroom, Status status, String statusText, String mode, String modeSource, List<String> warnings) {
    }

    /**
     * The fleet the caller sees, added up.
     *
     * @param rights   the rights of the hosts with a limit; {@code unlimitedHosts} have none
     * @param headroom free rights on the hosts with a limit (hosts over their rights add none)
     */
    public record Totals(int hosts, int windowsRunning, int rights, int unlimitedHosts, int headroom, int hostsOver,
            int hostsAtLimit, int hostsUnchecked) {
    }

    public record Report(Totals totals, List<HostCompliance> hosts) {
    }

    public Report report() {
        Map<UUID, HostSummary> all = tree.hosts().stream().collect(Collectors.toMap(HostSummary::id, Function.identity()));
        List<HostSummary> visible = hosts.visibleHosts().stream().map(HostRow::id).map(all::get)
                .filter(java.util.Objects::nonNull).toList();
        List<HostCompliance> rows = compliance(visible);
        return new Report(totals(rows), rows);
    }

    /** One host the caller may see, for its page. */
    public Optional<HostCompliance> host(UUID hostId) {
        boolean visible = hosts.visibleHosts().stream().anyMatch(h -> h.id().equals(hostId));
        return visible ? tree.host(hostId).map(h -> compliance(List.of(h)).getFirst()) : Optional.empty();
    }

    /**
     * Where the host passes what its edition supports: sockets, memory, clustering; or why its
     * licence is not checked. Facts are null when the host does not answer.
     */
    public List<String> editionWarnings(HostSummary host, HostFacts facts) {
        Optional<Edition> found = table.find(host.edition());
        if (found.isEmpty()) {
            return List.of(uncheckedReason(host));
        }
        Edition edition = found.get();
        List<String> warnings = new ArrayList<>();
        if (facts != null && facts.sockets() > edition.maxSockets()) {
            warnings.add(host.name() + " has " + facts.sockets() + " processor sockets; " + edition.name() + " supports "
                    + edition.maxSockets() + ".");
        }
        if (facts != null && facts.memoryTotalMiB() > edition.maxMemoryMiB()) {
            warnings.add(host.name() + " has " + HypervisorLimits.gib(facts.memoryTotalMiB() / 1024) + " of memory; "
                    + edition.name() + " supports " + HypervisorLimits.gib(edition.maxMemoryGiB()) + ".");
        }
        warnings.addAll(licenceWarnings(host, edition, licences.of(host.id())));
        return warnings;
    }

    /** Whether the caller holds reports.view somewhere, so that the console offers the export. */
    public boolean mayExport() {
        return !policy.visibility(Permission.REPORTS_VIEW).nowhere();
    }

    /** The compliance as CSV (reports.view needed), one line per host the caller may see and holds reports.view at. */
    public String csv() {
        StringBuilder csv = new StringBuilder(Csv.row(List.of("Host", "Host group", "Edition", "Licences",
                "Windows VMs allowed", "Windows VMs running", "Headroom", "Status", "Enforcement")));
        AccessPolicy.Visibility reports = policy.requireSomewhere(Permission.REPORTS_VIEW, "licensing.export");
        for (HostCompliance h : report().hosts()) {
            if (!reports.host(h.hostId(), h.hostGroupId())) {
                continue;
            }
            csv.append(Csv.row(java.util.Arrays.asList(h.hostName(), h.hostGroup(), h.edition(), h.licenceCount(),
                    h.status() == Status.UNLIMITED ? "unlimited" : h.rights(), h.windowsRunning(), h.headroom(),
                    h.statusText(), h.mode())));
        }
        return csv.toString();
    }

    private List<HostCompliance> compliance(List<HostSummary> shown) {
        List<UUID> ids = shown.stream().map(HostSummary::id).toList();
        Map<UUID, List<RunningGuests.Guest>> running = guests.on(ids, VmSpec.GuestOs.Family.WINDOWS, LicensingGuard.USING_RIGHTS)
                .stream().collect(Collectors.groupingBy(RunningGuests.Guest::hostId));
        Map<UUID, Integer> counts = licences.all();
        Map<UUID, EnforcementPolicy.Effective> effective = modes.modesFor(shown.stream().map(HostSummary::hostGroupId)
                .collect(Collectors.toSet()));
        Map<UUID, String> paths = tree.groups().stream()
                .collect(Collectors.toMap(dev.corral.hosts.HostGroupSummary::id, dev.corral.hosts.HostGroupSummary::path));
        Sight sight = new Sight(policy.visibility(Permission.INVENTORY_VIEW));
        return shown.stream().sorted(java.util.Comparator.comparing((HostSummary h) -> paths.getOrDefault(h.hostGroupId(), ""),
                        String.CASE_INSENSITIVE_ORDER).thenComparing(HostSummary::name))
                .map(h -> one(h, paths.getOrDefault(h.hostGroupId(), ""), running.getOrDefault(h.id(), List.of()),
                        counts.get(h.id()), effective.get(h.hostGroupId()), sight))
                .toList();
    }

    private HostCompliance one(HostSummary host, String path, List<RunningGuests.Guest> running, Integer licenceCount,
            EnforcementPolicy.Effective mode, Sight sight) {
        List<String> names = running.stream().filter(g -> sight.vm(g.id(), host, g.owner())).map(RunningGuests.Guest::name)
                .toList();
        Optional<Edition> edition = table.find(host.edition());
        if (edition.isEmpty()) {
            Status status = host.edition() == null ? Status.NO_EDITION : Status.UNKNOWN_EDITION;
            return new HostCompliance(host.id(), host.name(), host.hostGroupId(), path, host.edition(), false, licenceCount,
                    null, running.size(), names, null, status, status.label(), mode.mode().code(), mode.source(),
                    List.of(uncheckedReason(host)));
        }
        Rights rights = edition.get().rightsWith(licenceCount);
        Integer headroom = rights.headroom(running.size());
        Status status = rights.unlimited() ? Status.UNLIMITED : headroom < 0 ? Status.OVER : headroom == 0 ? Status.AT_LIMIT
                : Status.WITHIN;
        String text = switch (status) {
            case OVER -> "Over its rights by " + -headroom;
            case AT_LIMIT -> "At the limit: no right free";
            case WITHIN -> "Within rights: " + headroom + " free";
            default -> status.label();
        };
        return new HostCompliance(host.id(), host.name(), host.hostGroupId(), path, edition.get().name(), true, licenceCount,
                rights.allowed(), running.size(), names, headroom, status, text, mode.mode().code(), mode.source(),
                licenceWarnings(host, edition.get(), licenceCount));
    }

    private static List<String> licenceWarnings(HostSummary host, Edition edition, Integer licenceCount) {
        List<String> warnings = new ArrayList<>();
        if (edition.stackable() && !edition.unlimited() && (licenceCount == null || licenceCount < 1)) {
            warnings.add("No licence count is recorded for " + host.name() + "; its rights are counted for 1 licence ("
                    + edition.rightsWith(1).describe() + ").");
        }
        if (host.cluster() != null && !edition.failoverClustering()) {
            warnings.add(host.name() + " is in cluster " + host.cluster() + ", but " + edition.name()
                    + " has no failover clustering: quick migration and failover need an edition that has it.");
        }
        return warnings;
    }

    private static String uncheckedReason(HostSummary host) {
        return host.edition() == null
                ? "No Windows edition is recorded for " + host.name() + "; its Windows guests are not checked against a licence."
                : host.name() + " records edition \"" + host.edition() + "\", which is not in the editions table; its Windows "
                        + "guests are not checked against a licence. Choose an edition from the table in the host's settings.";
    }

    private static Totals totals(List<HostCompliance> rows) {
        int running = 0;
        int rights = 0;
        int unlimited = 0;
        int headroom = 0;
        int over = 0;
        int atLimit = 0;
        int unchecked = 0;
        for (HostCompliance h : rows) {
            running += h.windowsRunning();
            switch (h.status()) {
                case UNLIMITED -> unlimited++;
                case UNKNOWN_EDITION, NO_EDITION -> unchecked++;
                default -> {
                    rights += h.rights();
                    headroom += Math.max(0, h.headroom());
                    over += h.status() == Status.OVER ? 1 : 0;
                    atLimit += h.status() == Status.AT_LIMIT ? 1 : 0;
                }
            }
        }
        return new Totals(rows.size(), running, rights, unlimited, headroom, over, atLimit, unchecked);
    }
}
