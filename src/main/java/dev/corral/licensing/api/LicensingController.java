package dev.corral.licensing.api;

import dev.corral.base.api.PageBody;
import dev.corral.licensing.Edition;
import dev.corral.licensing.EditionTable;
import dev.corral.licensing.EnforcementMode;
import dev.corral.licensing.EnforcementPolicy;
import dev.corral.licensing.LicensingCompliance;
import dev.corral.licensing.LicensingViolations;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/licensing}: the editions table, each visible host's compliance (also as CSV), the
 * violations history, and the enforcement mode, global and per host group.
 */
@RestController
@RequestMapping("/api/v1/licensing")
class LicensingController {

    private final EditionTable editions;
    private final LicensingCompliance compliance;
    private final LicensingViolations violations;
    private final EnforcementPolicy enforcement;

    LicensingController(EditionTable editions, LicensingCompliance compliance, LicensingViolations violations,
            EnforcementPolicy enforcement) {
        this.editions = editions;
        this.compliance = compliance;
        this.violations = violations;
        this.enforcement = enforcement;
    }

    /**
     * One edition of the table with its hypervisor generation's per-VM limits.
     *
     * @param windowsVmsPerLicence null when unlimited
     */
    record EditionBody(String name, String generation, Integer windowsVmsPerLicence, boolean unlimited, boolean stackable,
            int maxSockets, long maxMemoryGiB, boolean failoverClustering, int maxVcpusPerVm, long maxMemoryPerVmGiB) {

        static EditionBody of(Edition e) {
            return new EditionBody(e.name(), e.generation().name(), e.windowsVmsPerLicence(), e.unlimited(), e.stackable(),
                    e.maxSockets(), e.maxMemoryGiB(), e.failoverClustering(), e.generation().maxVcpusPerVm(),
                    e.generation().maxMemoryPerVmGiB());
        }
    }

    /** A mode to set: enforce, audit or off; for a host group also inherit. */
    record ModeBody(String mode) {
    }

    @GetMapping("/editions")
    List<EditionBody> editions() {
        return editions.editions().stream().map(EditionBody::of).toList();
    }

    @GetMapping("/compliance")
    LicensingCompliance.Report compliance() {
        return compliance.report();
    }

    /** The same as CSV, as the Licensing view exports it. */
    @GetMapping(value = "/compliance.csv", produces = "text/csv")
    ResponseEntity<byte[]> complianceCsv() {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("corral-licensing.csv").build().toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(compliance.csv().getBytes(StandardCharsets.UTF_8));
    }

    /** Operations that exceeded a host's rights, newest first: refused under enforce, recorded under audit. */
    @GetMapping("/violations")
    PageBody<LicensingViolations.Entry> violations(@RequestParam(required = false) UUID host,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return PageBody.of(violations.page(host, page, size));
    }

    @GetMapping("/policy")
    EnforcementPolicy.Overview policy() {
        return enforcement.overview();
    }

    /** Sets the global mode (licensing.manage globally). */
    @PutMapping("/policy/global")
    EnforcementPolicy.Effective setGlobal(@RequestBody ModeBody body) {
        return enforcement.setGlobal(EnforcementMode.parse("mode", body == null ? null : body.mode()));
    }

    /** Gives a host group its own mode (licensing.manage on the group); "inherit" removes it. */
    @PutMapping("/policy/host-groups/{id}")
    EnforcementPolicy.Effective setForGroup(@PathVariable UUID id, @RequestBody ModeBody body) {
        String mode = body == null ? null : body.mode();
        if (mode != null && mode.strip().equalsIgnoreCase("inherit")) {
            return enforcement.setForGroup(id, null);
        }
        EnforcementMode chosen;
        try {
            chosen = EnforcementMode.parse("mode", mode);
        } catch (dev.corral.base.InvalidInputException e) {
            throw new dev.corral.base.InvalidInputException("mode", "Choose enforce, audit, off or inherit.");
        }
        return enforcement.setForGroup(id, chosen);
    }

    /** Lets the host group inherit its mode again. */
    @DeleteMapping("/policy/host-groups/{id}")
    EnforcementPolicy.Effective inherit(@PathVariable UUID id) {
        return enforcement.setForGroup(id, null);
    }
}
