package dev.corral.vms;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface VmRuntimeRepository extends JpaRepository<VmRuntime, UUID> {
}
