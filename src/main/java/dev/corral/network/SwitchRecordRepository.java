package dev.corral.network;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SwitchRecordRepository extends JpaRepository<SwitchRecord, UUID> {

    List<SwitchRecord> findByHostId(UUID hostId);

    @Query("select s from SwitchRecord s where s.hostId in :hostIds")
    List<SwitchRecord> findByHostIds(Collection<UUID> hostIds);
}
