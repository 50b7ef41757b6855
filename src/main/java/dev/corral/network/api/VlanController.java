package dev.corral.network.api;

import dev.corral.base.api.PageBody;
import dev.corral.network.VlanMap;
import dev.corral.network.VlanMapFilter;
import dev.corral.network.VlanRow;
import dev.corral.network.VlanUse;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/vlans}: the VLAN map, paged by VLAN (which switches carry each VLAN, which VMs on
 * which hosts use it, how many uses are mismatched), narrowed by {@code vlan} ("10, 20, 100-110"),
 * {@code host} and {@code mismatches}; and the mismatched adapters themselves. Built from what
 * Corral last read of the switches and what the inventory records of the adapters: no host is asked.
 */
@RestController
@RequestMapping("/api/v1/vlans")
class VlanController extends NetworkProblems {

    private final VlanMap map;

    VlanController(VlanMap map) {
        this.map = map;
    }

    @GetMapping
    PageBody<VlanRow> map(@RequestParam(required = false) String vlan, @RequestParam(required = false) UUID host,
            @RequestParam(defaultValue = "false") boolean mismatches, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return PageBody.of(map.rows(new VlanMapFilter(vlan, host, mismatches), PageRequest.of(Math.max(0, page), size(size))));
    }

    /** The mismatched adapters, narrowed like the map by {@code vlan} and {@code host}. */
    @GetMapping("/mismatches")
    PageBody<VlanUse> mismatches(@RequestParam(required = false) String vlan, @RequestParam(required = false) UUID host,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return PageBody.of(map.mismatches(new VlanMapFilter(vlan, host, false), PageRequest.of(Math.max(0, page), size(size))));
    }
}
