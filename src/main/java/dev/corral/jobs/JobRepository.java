package dev.corral.jobs;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface JobRepository extends JpaRepository<Job, UUID> {

    List<Job> findByStateIn(Collection<JobState> states);

    Optional<Job> findByActiveVmId(UUID vmId);

    @Query("select j from Job j where (:vmId is null or j.vmId = :vmId) and (:state is null or j.state = :state) "
            + "and (:requestedBy is null or lower(j.requestedBy) = lower(:requestedBy))")
    Page<Job> search(UUID vmId, JobState state, String requestedBy, Pageable page);
}
