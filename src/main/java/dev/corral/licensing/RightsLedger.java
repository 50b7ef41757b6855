package dev.corral.licensing;

import dev.corral.cluster.ClusterLocks;
import dev.corral.cluster.ClusterNode;
import dev.corral.cluster.NodeBound;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Who uses each host's Windows rights: the VMs recorded as running there, plus those admitted
 * whose operation has not ended yet (a start takes a while before the host reports the VM
 * running). Admissions to one host are decided one at a time across every node (a lock in the
 * database), and held in the database, so two operations racing for the last right, through
 * one node or two, cannot both be admitted.
 */
@org.springframework.stereotype.Component
class RightsLedger implements NodeBound {

    private final JdbcTemplate jdbc;
    private final ClusterLocks locks;
    private final ClusterNode node;

    RightsLedger(JdbcTemplate jdbc, ClusterLocks locks, ClusterNode node) {
        this.jdbc = jdbc;
        this.locks = locks;
        this.node = node;
    }

    /**
     * How an admission went.
     *
     * @param users    the VMs using the host's rights before this one, in order: recorded, then held
     * @param exceeds  whether admitting the VM takes the host past its rights
     * @param admitted whether it was admitted (always, unless it exceeds and excess is refused)
     * @param release  frees the admission; does nothing when it was refused
     */
    record Admission(List<UUID> users, boolean exceeds, boolean admitted, Runnable release) {
    }

    /**
     * Decides under the host's lock whether the VM may begin running there. {@code recorded} is
     * read under the lock too, so what it reports and what is held are seen together.
     *
     * @param refuseExcess refuse (enforce) rather than admit and report (audit)
     */
    Admission admit(UUID hostId, UUID vmId, Rights rights, Supplier<? extends Collection<UUID>> recorded,
            boolean refuseExcess) {
        return locks.inLock("rights/" + hostId, () -> {
            Set<UUID> users = new LinkedHashSet<>(recorded.get());
            users.addAll(heldOn(hostId));
            List<UUID> before = new ArrayList<>(users);
            boolean already = users.contains(vmId);
            boolean exceeds = !already && !rights.permit(users.size() + 1);
            if (exceeds && refuseExcess) {
                return new Admission(before, true, false, () -> { });
            }
            UUID hold = UUID.randomUUID();
            jdbc.update("INSERT INTO rights_hold (id, host_id, vm_id, node_name, created_at) VALUES (?, ?, ?, ?, ?)", hold,
                    hostId, vmId, node.name(), Instant.now().atOffset(ZoneOffset.UTC));
            return new Admission(before, exceeds, true, () -> jdbc.update("DELETE FROM rights_hold WHERE id = ?", hold));
        });
    }

    /** The VMs admitted to the host whose operations have not ended. */
    Set<UUID> heldOn(UUID hostId) {
        return new LinkedHashSet<>(jdbc.queryForList("SELECT vm_id FROM rights_hold WHERE host_id = ? ORDER BY created_at",
                UUID.class, hostId));
    }

    @Override
    public Set<String> holders() {
        return new LinkedHashSet<>(jdbc.queryForList("SELECT DISTINCT node_name FROM rights_hold", String.class));
    }

    @Override
    public void release(String nodeName, boolean restarted) {
        jdbc.update("DELETE FROM rights_hold WHERE node_name = ?", nodeName);
    }
}
