package dev.corral.network.api;

import dev.corral.network.HostAdapters;
import dev.corral.network.HostNetworks;
import java.util.UUID;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A host's physical adapters ({@code GET /api/v1/hosts/{id}/adapters}, read from the host now) and
 * its management adapter ({@code PUT} with {@code {"adapter": "eth0"}}, {@code DELETE} to record none).
 */
@RestController
@RequestMapping("/api/v1/hosts/{id}")
class HostAdapterController extends NetworkProblems {

    private final HostNetworks networks;

    HostAdapterController(HostNetworks networks) {
        this.networks = networks;
    }

    /** The management adapter to record. */
    record ManagementAdapter(String adapter) {
    }

    @GetMapping("/adapters")
    HostAdapters adapters(@PathVariable UUID id) {
        return networks.one(id);
    }

    @PutMapping("/management-adapter")
    HostAdapters setManagementAdapter(@PathVariable UUID id, @RequestBody ManagementAdapter body) {
        if (body.adapter() == null || body.adapter().isBlank()) {
            throw new dev.corral.base.InvalidInputException("adapter", "Give the adapter's name, e.g. eth0; DELETE records none.");
        }
        return networks.setManagementAdapter(id, body.adapter());
    }

    @DeleteMapping("/management-adapter")
    HostAdapters clearManagementAdapter(@PathVariable UUID id) {
        return networks.setManagementAdapter(id, null);
    }
}
