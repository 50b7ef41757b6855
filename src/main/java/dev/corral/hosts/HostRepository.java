package dev.corral.hosts;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface HostRepository extends JpaRepository<Host, UUID> {

    Optional<Host> findByNameIgnoreCase(String name);

    List<Host> findByMaintenanceTrue();

    List<Host> findByHostGroupId(UUID hostGroupId);

    Optional<Host> findByIdentity(String identity);

    List<Host> findByIdentityIsNull();

    List<Host> findByClusterIgnoreCase(String cluster);
}
