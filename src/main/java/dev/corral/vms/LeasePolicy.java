package dev.corral.vms;

import java.util.Optional;
import java.util.UUID;

/**
 * The lease rules sprawl tracking sets: how far ahead a VM's lease may be renewed, by where the VM
 * runs, and how early owners are told of its end. Implemented by sprawl tracking; declared here so
 * that VMs never depend on it.
 */
public interface LeasePolicy {

    /** The longest lease on a VM of this host, if one is set. */
    Optional<Limit> on(UUID hostId);

    /** How many days before a lease ends its owner is told. */
    default int noticeDays() {
        return 7;
    }

    /**
     * @param maxDays how many days after the day of renewal a lease may end
     * @param where   the host group that sets it, for the message ("host group Branch")
     */
    record Limit(int maxDays, String where) {
    }
}
