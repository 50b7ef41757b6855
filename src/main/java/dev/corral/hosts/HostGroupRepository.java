package dev.corral.hosts;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface HostGroupRepository extends JpaRepository<HostGroup, UUID> {
}
