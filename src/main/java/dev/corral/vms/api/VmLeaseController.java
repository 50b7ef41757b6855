package dev.corral.vms.api;

import dev.corral.base.InvalidInputException;
import dev.corral.vms.VmLease;
import dev.corral.vms.VmLeases;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/vms/{id}/lease}: renewing a VM's lease, by its owner or whoever holds vm.ownership on it. */
@RestController
@RequestMapping("/api/v1/vms/{id}/lease")
class VmLeaseController {

    private final VmLeases leases;

    VmLeaseController(VmLeases leases) {
        this.leases = leases;
    }

    /**
     * A renewal: the lease's new last day, and optionally what happens then (NOTIFY, SHUT_DOWN or
     * SAVE; else the lease's action stays).
     */
    record Renewal(LocalDate expires, VmLease.Action action) {
    }

    /** Whether the caller may renew the lease, and the latest day a renewal today may give. */
    record Terms(boolean mayRenew, LocalDate latestEnd) {
    }

    @GetMapping
    Terms terms(@PathVariable UUID id) {
        return new Terms(leases.mayRenew(id), leases.latestEnd(id));
    }

    /** Renews the lease; 422 beyond the longest lease of the VM's host group, 403 for someone who may not. */
    @PostMapping
    VmLease renew(@PathVariable UUID id, @RequestBody Renewal renewal) {
        if (renewal == null) {
            throw new InvalidInputException("expires", "Give the day the lease ends.");
        }
        return leases.renew(id, renewal.expires(), renewal.action());
    }
}
