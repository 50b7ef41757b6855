package dev.corral.vms;

import java.util.Collection;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface VmRuntimeRepository extends JpaRepository<VmRuntime, UUID> {

    @Modifying
    @Query("update VmRuntime r set r.state = dev.corral.engine.VmState.UNKNOWN, r.updatedAt = :now where r.vmId in :ids")
    int markUnknown(Collection<UUID> ids, java.time.Instant now);
}
