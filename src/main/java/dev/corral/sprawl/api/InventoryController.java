package dev.corral.sprawl.api;

import dev.corral.sprawl.InventoryExport;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/inventory}: the caller's visible inventory as CSV. */
@RestController
@RequestMapping("/api/v1/inventory")
class InventoryController {

    private final InventoryExport export;

    InventoryController(InventoryExport export) {
        this.export = export;
    }

    /** Every VM the caller may see: host, host group, owner, purpose, state, sizing, provenance, lease and tags. */
    @GetMapping(value = "/export.csv", produces = "text/csv")
    ResponseEntity<byte[]> export() {
        return SprawlController.Downloads.csv("corral-inventory.csv", export.csv());
    }
}
