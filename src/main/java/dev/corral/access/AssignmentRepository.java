package dev.corral.access;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface AssignmentRepository extends JpaRepository<Assignment, UUID> {

    List<Assignment> findByPrincipalKeyIn(Collection<String> principalKeys);

    Page<Assignment> findAllByOrderByCreatedAtDesc(Pageable page);

    boolean existsByRole_Id(UUID roleId);
}
