package dev.corral.licensing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Who uses each host's Windows rights: the VMs recorded as running there, plus those admitted
 * whose operation has not ended yet (a start takes a while before the host reports the VM
 * running). Admissions to one host are decided one at a time, so two operations racing for the
 * last right cannot both be admitted. Held in memory: it covers the operations of this node.
 */
@org.springframework.stereotype.Component
class RightsLedger {

    /** Per host: each admission still held, by its own token, with the VM it admitted. */
    private final Map<UUID, Map<Object, UUID>> held = new ConcurrentHashMap<>();

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
        Map<Object, UUID> holds = held.computeIfAbsent(hostId, id -> new ConcurrentHashMap<>());
        synchronized (holds) {
            Set<UUID> users = new LinkedHashSet<>(recorded.get());
            users.addAll(holds.values());
            List<UUID> before = new ArrayList<>(users);
            boolean already = users.contains(vmId);
            boolean exceeds = !already && !rights.permit(users.size() + 1);
            if (exceeds && refuseExcess) {
                return new Admission(before, true, false, () -> { });
            }
            Object token = new Object();
            holds.put(token, vmId);
            return new Admission(before, exceeds, true, () -> release(hostId, token));
        }
    }

    /** The VMs admitted to the host whose operations have not ended. */
    Set<UUID> heldOn(UUID hostId) {
        Map<Object, UUID> holds = held.get(hostId);
        if (holds == null) {
            return Set.of();
        }
        synchronized (holds) {
            return Set.copyOf(holds.values());
        }
    }

    private void release(UUID hostId, Object token) {
        Map<Object, UUID> holds = held.get(hostId);
        if (holds != null) {
            synchronized (holds) {
                holds.remove(token);
            }
        }
    }
}
