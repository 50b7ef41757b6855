package dev.corral.jobs.api;

import dev.corral.base.api.PageBody;
import dev.corral.jobs.JobService;
import dev.corral.jobs.JobState;
import dev.corral.jobs.JobView;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/jobs}: long operations with their state, progress and message. */
@RestController
@RequestMapping("/api/v1/jobs")
class JobController {

    private final JobService jobs;

    JobController(JobService jobs) {
        this.jobs = jobs;
    }

    @GetMapping
    PageBody<JobView> list(@RequestParam(required = false) UUID vm, @RequestParam(required = false) JobState state,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        PageRequest request = PageRequest.of(Math.max(0, page), Math.clamp(size, 1, 500), Sort.by(Sort.Direction.DESC, "createdAt"));
        Page<JobView> found = jobs.list(vm, state, request);
        return PageBody.of(found);
    }

    @GetMapping("/{id}")
    ResponseEntity<JobView> one(@PathVariable UUID id) {
        return jobs.job(id).map(ResponseEntity::ok)
                .orElseThrow(() -> new dev.corral.base.NotFoundException("There is no job " + id + ", or it is not yours to see."));
    }
}
