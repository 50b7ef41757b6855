package dev.corral.jobs;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface JobRepository extends JpaRepository<Job, UUID>,
        org.springframework.data.jpa.repository.JpaSpecificationExecutor<Job> {

    List<Job> findByStateIn(Collection<JobState> states);

    /** Jobs in those states run by the node, or recorded before nodes had names. */
    @Query("select j from Job j where j.state in :states and (j.nodeName = :node or j.nodeName is null)")
    List<Job> findOnNodeOrUnnamed(Collection<JobState> states, String node);

    List<Job> findByStateInAndNodeName(Collection<JobState> states, String nodeName);

    @Query("select distinct j.nodeName from Job j where j.state in :states and j.nodeName is not null")
    List<String> nodesRunning(Collection<JobState> states);

    Optional<Job> findByActiveVmId(UUID vmId);

    /** Jobs matching the filters given (null: any), built as criteria so that every database types them alike. */
    default Page<Job> search(UUID vmId, JobState state, String requestedBy, Pageable page) {
        org.springframework.data.jpa.domain.Specification<Job> where = (root, query, cb) -> {
            List<jakarta.persistence.criteria.Predicate> all = new java.util.ArrayList<>();
            if (vmId != null) {
                all.add(cb.equal(root.get("vmId"), vmId));
            }
            if (state != null) {
                all.add(cb.equal(root.get("state"), state));
            }
            if (requestedBy != null) {
                all.add(cb.equal(cb.lower(root.get("requestedBy")), requestedBy.toLowerCase(java.util.Locale.ROOT)));
            }
            return cb.and(all.toArray(jakarta.persistence.criteria.Predicate[]::new));
        };
        return findAll(where, page);
    }
}
