package dev.corral.hosts;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface HostRuntimeRepository extends JpaRepository<HostRuntime, UUID> {
}
