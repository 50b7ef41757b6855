package dev.corral.vms.api;

import dev.corral.engine.SnapshotInfo;
import dev.corral.jobs.JobView;
import dev.corral.vms.VmSnapshots;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/vms/{id}/snapshots} and {@code /migrate}: a VM's snapshot tree and its quick migration. */
@RestController
@RequestMapping("/api/v1/vms/{id}")
class VmSnapshotController {

    private final VmSnapshots snapshots;

    VmSnapshotController(VmSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    record NewSnapshot(String name) {
    }

    record Migration(UUID targetHost) {
    }

    /** The tree as a flat list: each snapshot names its parent, and one is marked current. */
    @GetMapping("/snapshots")
    List<SnapshotInfo> list(@PathVariable UUID id) {
        return snapshots.snapshots(id);
    }

    @PostMapping("/snapshots")
    ResponseEntity<JobView> take(@PathVariable UUID id, @RequestBody NewSnapshot request) {
        return accepted(snapshots.createSnapshot(id, request.name()));
    }

    @PostMapping("/snapshots/{sid}/apply")
    ResponseEntity<JobView> apply(@PathVariable UUID id, @PathVariable String sid) {
        return accepted(snapshots.applySnapshot(id, sid));
    }

    /** Renames the snapshot: {@code {"name": "…"}}. */
    @org.springframework.web.bind.annotation.PatchMapping("/snapshots/{sid}")
    ResponseEntity<JobView> rename(@PathVariable UUID id, @PathVariable String sid, @RequestBody NewSnapshot request) {
        return accepted(snapshots.renameSnapshot(id, sid, request.name()));
    }

    @DeleteMapping("/snapshots/{sid}")
    ResponseEntity<JobView> delete(@PathVariable UUID id, @PathVariable String sid,
            @RequestParam(defaultValue = "false") boolean subtree) {
        return accepted(snapshots.deleteSnapshot(id, sid, subtree));
    }

    @PostMapping("/migrate")
    ResponseEntity<JobView> migrate(@PathVariable UUID id, @RequestBody Migration request) {
        return accepted(snapshots.migrate(id, request.targetHost()));
    }

    private static ResponseEntity<JobView> accepted(JobView job) {
        return ResponseEntity.accepted().location(URI.create("/api/v1/jobs/" + job.id())).body(job);
    }
}
