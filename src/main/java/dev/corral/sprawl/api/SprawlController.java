package dev.corral.sprawl.api;

import dev.corral.base.InvalidInputException;
import dev.corral.base.NotFoundException;
import dev.corral.base.api.PageBody;
import dev.corral.sprawl.FindingFilter;
import dev.corral.sprawl.FindingKind;
import dev.corral.sprawl.FindingResolver;
import dev.corral.sprawl.FindingState;
import dev.corral.sprawl.FindingView;
import dev.corral.sprawl.LeaseNotices;
import dev.corral.sprawl.Resolution;
import dev.corral.sprawl.ScanReport;
import dev.corral.sprawl.SprawlFindings;
import dev.corral.sprawl.SprawlTrend;
import dev.corral.sprawl.VmOwners;
import dev.corral.vms.VmLease;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/sprawl}: the findings the caller may see (by kind: unmanaged, missing, expired,
 * idle, orphaned-owner, old-snapshot, overcommitted), resolving them one by one or in bulk, the scan
 * on demand, the counts, the trend, the VMs by owner and the caller's leases that end soon.
 */
@RestController
@RequestMapping("/api/v1/sprawl")
class SprawlController {

    private static final Set<String> SORTABLE = Set.of("since", "kind", "objectName", "owner", "lastSeen", "state");

    private final SprawlFindings findings;
    private final FindingResolver resolver;
    private final SprawlTrend trend;
    private final VmOwners owners;
    private final LeaseNotices notices;

    SprawlController(SprawlFindings findings, FindingResolver resolver, SprawlTrend trend, VmOwners owners,
            LeaseNotices notices) {
        this.findings = findings;
        this.resolver = resolver;
        this.trend = trend;
        this.owners = owners;
        this.notices = notices;
    }

    /**
     * How to resolve a finding: {@code action} is adopt (owner, purpose, optional leaseExpires and
     * leaseAction), ignore (optional note; "keep" too), reopen, remove, extend-lease (leaseExpires,
     * optional leaseAction), delete (an idle VM), delete-snapshot, or reassign (owner).
     */
    record ResolveBody(String action, String owner, String purpose, LocalDate leaseExpires, VmLease.Action leaseAction,
            String note) {

        Resolution resolution() {
            Resolution.Action chosen = Resolution.Action.ofCode(action).orElseThrow(() -> new InvalidInputException("action",
                    "Choose an action: adopt, ignore, reopen, remove, extend-lease, delete, delete-snapshot or reassign."));
            return new Resolution(chosen, owner, purpose, leaseExpires, leaseAction, note);
        }
    }

    /** The same resolution for several findings. */
    record BulkResolveBody(List<UUID> ids, String action, String owner, String purpose, LocalDate leaseExpires,
            VmLease.Action leaseAction, String note) {
    }

    /** Findings, newest first unless sorted otherwise; {@code state} is open (default), ignored, resolved or all. */
    @GetMapping("/findings")
    PageBody<FindingView> list(@RequestParam(required = false) String kind,
            @RequestParam(required = false, defaultValue = "open") String state,
            @RequestParam(required = false) UUID hostGroup, @RequestParam(required = false) UUID host,
            @RequestParam(required = false) UUID vm, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
            @RequestParam(defaultValue = "since,desc") String sort) {
        String[] parts = sort.split(",");
        if (!SORTABLE.contains(parts[0])) {
            throw new InvalidInputException("sort", "Sort by one of " + String.join(", ", SORTABLE) + ".");
        }
        Sort.Direction direction = parts.length > 1 && parts[1].equalsIgnoreCase("asc") ? Sort.Direction.ASC : Sort.Direction.DESC;
        PageRequest request = PageRequest.of(Math.max(0, page), Math.clamp(size, 1, 500),
                Sort.by(direction, parts[0]).and(Sort.by("id")));
        return PageBody.of(findings.list(filter(kind, state, hostGroup, host, vm, q), request));
    }

    @GetMapping("/findings/{id}")
    FindingView one(@PathVariable UUID id) {
        return findings.one(id);
    }

    @PostMapping("/findings/{id}/resolve")
    FindingView resolve(@PathVariable UUID id, @RequestBody ResolveBody body) {
        if (body == null) {
            throw new InvalidInputException("action", "Say what to do with the finding.");
        }
        return resolver.resolve(id, body.resolution());
    }

    /** Resolves each finding named in turn; answers how each went (one that fails does not stop the others). */
    @PostMapping("/findings/resolve")
    List<FindingResolver.Outcome> resolveAll(@RequestBody BulkResolveBody body) {
        if (body == null || body.ids() == null || body.ids().isEmpty()) {
            throw new InvalidInputException("ids", "Name the findings to resolve.");
        }
        if (body.ids().size() > 1000) {
            throw new InvalidInputException("ids", "Resolve at most 1,000 findings at once.");
        }
        ResolveBody one = new ResolveBody(body.action(), body.owner(), body.purpose(), body.leaseExpires(),
                body.leaseAction(), body.note());
        return resolver.resolveAll(body.ids(), one.resolution());
    }

    /** The findings as CSV, with the same filters as the list. */
    @GetMapping(value = "/findings.csv", produces = "text/csv")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String kind,
            @RequestParam(required = false, defaultValue = "open") String state,
            @RequestParam(required = false) UUID hostGroup, @RequestParam(required = false) UUID host,
            @RequestParam(required = false) String q) {
        return Downloads.csv("corral-sprawl-findings.csv", findings.csv(filter(kind, state, hostGroup, host, null, q)));
    }

    /** Open findings counted by kind and by kind and host group. */
    @GetMapping("/summary")
    SprawlFindings.Summary summary() {
        return findings.summary();
    }

    /** Runs the scan now (vm.ownership somewhere) and answers what it did. */
    @PostMapping("/scan")
    ScanReport scan() {
        return findings.scan();
    }

    /** The last scan this Corral node ran. */
    @GetMapping("/scan")
    ScanReport lastScan() {
        return findings.lastScan().orElseThrow(() -> new NotFoundException("No scan has run since this Corral node started."));
    }

    /** Per day, the VMs and the open findings of each kind in the host groups the caller sees whole. */
    @GetMapping("/trend")
    List<SprawlTrend.Day> trend() {
        return trend.days();
    }

    /** The VMs the caller may see, by owner. */
    @GetMapping("/owners")
    List<VmOwners.Owner> owners() {
        return owners.owners();
    }

    /** The caller's VMs whose lease ends soon or has ended. */
    @GetMapping("/lease-notices")
    Map<String, Object> leaseNotices() {
        return Map.of("noticeDays", notices.noticeDays(), "leases", notices.forCaller());
    }

    static FindingFilter filter(String kind, String state, UUID hostGroup, UUID host, UUID vm, String q) {
        FindingKind chosenKind = kind == null || kind.isBlank() ? null : FindingKind.ofCode(kind.strip()).orElseThrow(
                () -> new InvalidInputException("kind", "\"" + kind + "\" is not a kind of finding; use unmanaged, missing, "
                        + "expired, idle, orphaned-owner, old-snapshot or overcommitted."));
        FindingState chosenState = state == null || state.isBlank() || state.equalsIgnoreCase("all") ? null
                : java.util.Arrays.stream(FindingState.values()).filter(s -> s.name().equalsIgnoreCase(state.strip()))
                        .findFirst().orElseThrow(() -> new InvalidInputException("state",
                                "\"" + state + "\" is not a state; use open, ignored, resolved or all."));
        return new FindingFilter(chosenKind, chosenState, hostGroup, host, vm, q);
    }

    /** CSV downloads. */
    static final class Downloads {
        private Downloads() {
        }

        static ResponseEntity<byte[]> csv(String filename, String body) {
            return ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                    .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .body(body.getBytes(StandardCharsets.UTF_8));
        }
    }
}
