package dev.corral.hosts.api;

import dev.corral.hosts.HostGroupAdministration;
import dev.corral.hosts.HostGroupSummary;
import dev.corral.hosts.NewHostGroup;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/host-groups}: the host-group tree the caller may see; create, rename or move, delete. */
@RestController
@RequestMapping("/api/v1/host-groups")
class HostGroupController {

    private final HostGroupAdministration groups;

    HostGroupController(HostGroupAdministration groups) {
        this.groups = groups;
    }

    @GetMapping
    List<HostGroupSummary> list() {
        return groups.visibleGroups();
    }

    @PostMapping
    ResponseEntity<HostGroupSummary> create(@RequestBody NewHostGroup request) {
        HostGroupSummary created = groups.create(request);
        return ResponseEntity.created(URI.create("/api/v1/host-groups/" + created.id())).body(created);
    }

    /** {@code name} renames the group; {@code parentId} moves it (null: to the top). */
    @PatchMapping("/{id}")
    HostGroupSummary change(@PathVariable UUID id, @RequestBody JsonNode body) {
        JsonFields.requireObject(body);
        HostGroupSummary result = null;
        if (body.has("name")) {
            result = groups.rename(id, JsonFields.text(body, "name", null));
        }
        if (body.has("parentId")) {
            result = groups.move(id, JsonFields.id(body, "parentId", null));
        }
        if (result == null) {
            throw new dev.corral.base.InvalidInputException("body", "Give a new name, a new parentId, or both.");
        }
        return result;
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        groups.delete(id);
        return ResponseEntity.noContent().build();
    }
}
