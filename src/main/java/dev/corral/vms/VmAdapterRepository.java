package dev.corral.vms;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface VmAdapterRepository extends JpaRepository<VmAdapter, VmAdapter.Key> {

    @Query("select a from VmAdapter a where a.key.vmId = :vmId order by a.key.index")
    List<VmAdapter> ofVm(UUID vmId);

    @Query("select a from VmAdapter a where a.key.vmId in :vmIds")
    List<VmAdapter> ofVms(java.util.Collection<UUID> vmIds);

    @Query("select a from VmAdapter a where lower(a.mac) = lower(:mac)")
    List<VmAdapter> withMac(String mac);

    @Query("select a from VmAdapter a where a.hostId = :hostId and lower(a.switchName) = lower(:switchName) "
            + "order by a.key.vmId, a.key.index")
    List<VmAdapter> onSwitch(UUID hostId, String switchName);
}
