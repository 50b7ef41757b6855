package dev.corral.hosts;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface HostGroupRepository extends JpaRepository<HostGroup, UUID> {

    List<HostGroup> findByParentId(UUID parentId);
}
