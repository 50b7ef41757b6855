package dev.corral.licensing;

import java.util.Collection;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface ViolationRepository extends JpaRepository<Violation, Long> {

    Page<Violation> findByHostIdIn(Collection<UUID> hostIds, Pageable pageable);
}
