package dev.corral.access;

import dev.corral.cluster.ClusterNode;
import dev.corral.cluster.NodeBound;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Room held in the database for VMs being created under a quota, until each is registered or its
 * creation failed: parallel requests, on any node, count what the others hold.
 */
@Component
class QuotaHolds implements NodeBound {

    private final JdbcTemplate jdbc;
    private final ClusterNode node;

    QuotaHolds(JdbcTemplate jdbc, ClusterNode node) {
        this.jdbc = jdbc;
        this.node = node;
    }

    /** What is held for the owner (lower case) now. */
    QuotaUsage.Usage heldFor(String ownerKey) {
        return jdbc.queryForObject("SELECT COALESCE(SUM(vms), 0), COALESCE(SUM(vcpus), 0), COALESCE(SUM(memory_mib), 0), "
                + "COALESCE(SUM(storage_gib), 0) FROM quota_hold WHERE owner_key = ?",
                (rs, row) -> new QuotaUsage.Usage(rs.getInt(1), rs.getInt(2), rs.getLong(3), rs.getLong(4)), ownerKey);
    }

    UUID hold(String ownerKey, QuotaUsage.Usage room) {
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO quota_hold (id, owner_key, vms, vcpus, memory_mib, storage_gib, node_name, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", id, ownerKey, room.vms(), room.vcpus(), room.memoryMiB(), room.storageGiB(),
                node.name(), Instant.now().atOffset(ZoneOffset.UTC));
        return id;
    }

    void free(UUID id) {
        jdbc.update("DELETE FROM quota_hold WHERE id = ?", id);
    }

    @Override
    public Set<String> holders() {
        return new LinkedHashSet<>(jdbc.queryForList("SELECT DISTINCT node_name FROM quota_hold", String.class));
    }

    @Override
    public void release(String nodeName, boolean restarted) {
        jdbc.update("DELETE FROM quota_hold WHERE node_name = ?", nodeName);
    }
}
