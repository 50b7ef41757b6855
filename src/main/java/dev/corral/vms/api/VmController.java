package dev.corral.vms.api;

import dev.corral.base.InvalidInputException;
import dev.corral.base.api.PageBody;
import dev.corral.engine.VmSpec;
import dev.corral.engine.VmState;
import dev.corral.jobs.JobView;
import dev.corral.vms.NewVm;
import dev.corral.vms.VmAction;
import dev.corral.vms.VmChange;
import dev.corral.vms.VmConfiguration;
import dev.corral.vms.VmDetails;
import dev.corral.vms.VmFilter;
import dev.corral.vms.VmRow;
import dev.corral.vms.VmService;
import java.net.URI;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/vms}: the VMs the caller may see, their actions, create, configuration change and delete. */
@RestController
@RequestMapping("/api/v1/vms")
class VmController {

    private static final Set<String> SORTABLE = Set.of("name", "owner", "vcpus", "memoryMiB", "storageGiB");

    private final VmService vms;
    private final VmConfiguration configuration;

    VmController(VmService vms, VmConfiguration configuration) {
        this.vms = vms;
        this.configuration = configuration;
    }

    @GetMapping
    PageBody<VmRow> list(@RequestParam(required = false) String q, @RequestParam(required = false) UUID host,
            @RequestParam(required = false) UUID hostGroup, @RequestParam(required = false) String owner,
            @RequestParam(required = false) VmState state, @RequestParam(required = false) VmSpec.GuestOs.Family guest,
            @RequestParam(required = false) String tag,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size, @RequestParam(defaultValue = "name") String sort) {
        String[] parts = sort.split(",");
        if (!SORTABLE.contains(parts[0])) {
            throw new InvalidInputException("sort", "Sort by one of " + String.join(", ", SORTABLE) + ".");
        }
        Sort.Direction direction = parts.length > 1 && parts[1].equalsIgnoreCase("desc") ? Sort.Direction.DESC : Sort.Direction.ASC;
        PageRequest request = PageRequest.of(Math.max(0, page), Math.clamp(size, 1, 500), Sort.by(direction, parts[0]).and(Sort.by("id")));
        Page<VmRow> found = vms.list(new VmFilter(q, host, hostGroup, owner, state, guest, tag), request);
        return PageBody.of(found);
    }

    @GetMapping("/{id}")
    ResponseEntity<VmDetails> one(@PathVariable UUID id) {
        VmDetails details = vms.details(id);
        return ResponseEntity.ok().eTag(String.valueOf(details.vm().version())).body(details);
    }

    /** Changes processors, memory or owner; {@code If-Match} carries the version the change was made against. */
    @PatchMapping("/{id}")
    ResponseEntity<VmRow> configure(@PathVariable UUID id, @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @RequestBody VmChange change) {
        VmRow changed = configuration.configure(id, IfMatch.version(ifMatch), change);
        return ResponseEntity.ok().eTag(String.valueOf(changed.version())).body(changed);
    }

    @PostMapping("/{id}/actions/{action}")
    ResponseEntity<JobView> act(@PathVariable UUID id, @PathVariable String action) {
        VmAction operation = VmAction.ofCode(action).orElseThrow(() -> new InvalidInputException("action",
                "\"" + action + "\" is not an action; use start, shutdown, turn-off, reset, pause, resume or save."));
        return accepted(vms.act(id, operation));
    }

    @PostMapping
    ResponseEntity<JobView> create(@RequestBody NewVm request) {
        return accepted(vms.create(request));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<JobView> delete(@PathVariable UUID id) {
        return accepted(vms.delete(id));
    }

    private static ResponseEntity<JobView> accepted(JobView job) {
        return ResponseEntity.accepted().location(URI.create("/api/v1/jobs/" + job.id())).body(job);
    }
}
