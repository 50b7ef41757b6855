package dev.corral.vms;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface VmRepository extends JpaRepository<Vm, UUID>, org.springframework.data.jpa.repository.JpaSpecificationExecutor<Vm> {

    java.util.List<Vm> findByHostId(UUID hostId);

    boolean existsByHostIdAndNameIgnoreCase(UUID hostId, String name);

    interface OwnerUsage {
        long getVms();

        Long getVcpus();

        Long getMemoryMiB();

        Long getStorageGiB();
    }

    @Query("select count(v) as vms, sum(v.vcpus) as vcpus, sum(v.memoryMiB) as memoryMiB, sum(v.storageGiB) as storageGiB "
            + "from Vm v where lower(v.owner) = lower(:owner)")
    OwnerUsage usageOf(String owner);
}
