package dev.corral.access;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface AssignmentRepository extends JpaRepository<Assignment, UUID> {

    List<Assignment> findByPrincipalKeyIn(Collection<String> principalKeys);

    void deleteByScopeKindAndScopeId(Scope.Kind scopeKind, UUID scopeId);

    boolean existsByRole_Id(UUID roleId);
}
