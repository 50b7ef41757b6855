package dev.corral.network.api;

import dev.corral.base.api.PageBody;
import dev.corral.network.NewSwitch;
import dev.corral.network.SwitchChange;
import dev.corral.network.SwitchDetails;
import dev.corral.network.SwitchFilter;
import dev.corral.network.SwitchRow;
import dev.corral.network.VirtualSwitches;
import java.net.URI;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/switches}: the virtual switches of the hosts the caller may see (as Corral last
 * read them), one switch as its host reports it now with its connected adapters, create, change
 * (VLANs, an external switch's adapter) and delete. A switch's id is derived from its host and name.
 */
@RestController
@RequestMapping("/api/v1/switches")
class SwitchController extends NetworkProblems {

    private final VirtualSwitches switches;

    SwitchController(VirtualSwitches switches) {
        this.switches = switches;
    }

    @GetMapping
    PageBody<SwitchRow> list(@RequestParam(required = false) UUID host, @RequestParam(required = false) UUID hostGroup,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return PageBody.of(switches.list(new SwitchFilter(host, hostGroup, q), PageRequest.of(Math.max(0, page), size(size))));
    }

    @GetMapping("/{id}")
    SwitchDetails one(@PathVariable UUID id) {
        return switches.one(id);
    }

    /** Creates a switch: hostId, name, kind, physicalAdapter (external), allowedVlans ("10, 20-30"), confirmManagementAdapter. */
    @PostMapping
    ResponseEntity<SwitchRow> create(@RequestBody NewSwitch request) {
        SwitchRow created = switches.create(request);
        return ResponseEntity.created(URI.create("/api/v1/switches/" + created.id())).body(created);
    }

    /** Changes allowedVlans ("" for any VLAN) and an external switch's physicalAdapter; absent fields stay. */
    @PatchMapping("/{id}")
    SwitchRow change(@PathVariable UUID id, @RequestBody SwitchChange change) {
        return switches.change(id, change);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        switches.delete(id);
        return ResponseEntity.noContent().build();
    }

    /** Reads the switches of the visible hosts (or of one) from the hosts now. */
    @PostMapping("/refresh")
    ResponseEntity<Void> refresh(@RequestParam(required = false) UUID host) {
        switches.refresh(host);
        return ResponseEntity.noContent().build();
    }
}
