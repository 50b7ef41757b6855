package dev.corral.hosts.api;

import dev.corral.hosts.HostAdministration;
import dev.corral.hosts.HostChange;
import dev.corral.hosts.HostDetails;
import dev.corral.hosts.HostRow;
import dev.corral.hosts.HostService;
import dev.corral.hosts.HostSummary;
import dev.corral.hosts.NewHost;
import dev.corral.jobs.JobView;
import java.net.URI;
import java.util.List;
import java.util.Map;
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

/**
 * {@code /api/v1/hosts}: the hosts the caller may see with their health; one host with its live
 * facts, capabilities, requirement checks and allocation; register, change, remove.
 */
@RestController
@RequestMapping("/api/v1/hosts")
class HostController {

    private final HostService hosts;
    private final HostAdministration administration;

    HostController(HostService hosts, HostAdministration administration) {
        this.hosts = hosts;
        this.administration = administration;
    }

    @GetMapping
    List<HostRow> list() {
        return hosts.visibleHosts();
    }

    @GetMapping("/{id}")
    HostDetails one(@PathVariable UUID id) {
        return administration.details(id);
    }

    @PostMapping
    ResponseEntity<HostDetails> register(@RequestBody NewHost request) {
        HostSummary registered = administration.register(request);
        return ResponseEntity.created(URI.create("/api/v1/hosts/" + registered.id()))
                .body(administration.details(registered.id()));
    }

    /** A merge patch of {@code hostGroupId}, {@code edition}, {@code licenceCount} and {@code cluster}. */
    @PatchMapping("/{id}")
    HostDetails change(@PathVariable UUID id, @RequestBody JsonNode body) {
        JsonFields.requireObject(body);
        HostChange now = administration.current(id);
        UUID group = JsonFields.id(body, "hostGroupId", now.hostGroupId());
        administration.change(id, new HostChange(group == null ? now.hostGroupId() : group,
                JsonFields.text(body, "edition", now.edition()), JsonFields.integer(body, "licenceCount", now.licenceCount()),
                JsonFields.text(body, "cluster", now.cluster())));
        return administration.details(id);
    }

    /** Enters maintenance mode; answers with the migration jobs that evacuate the host. */
    @PostMapping("/{id}/maintenance")
    ResponseEntity<Map<String, Object>> enterMaintenance(@PathVariable UUID id) {
        List<JobView> jobs = administration.enterMaintenance(id);
        return ResponseEntity.accepted().body(Map.of("host", administration.details(id), "jobs", jobs));
    }

    @DeleteMapping("/{id}/maintenance")
    HostDetails exitMaintenance(@PathVariable UUID id) {
        administration.exitMaintenance(id);
        return administration.details(id);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        administration.remove(id);
        return ResponseEntity.noContent().build();
    }
}
