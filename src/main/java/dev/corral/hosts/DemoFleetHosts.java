package dev.corral.hosts;

import dev.corral.engine.sim.SimulatorEngine;
import dev.corral.engine.sim.SimulatorProperties.HostDefinition;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On the first start of an empty inventory, registers the simulator's demo hosts in their host
 * groups, so a fresh checkout shows a fleet. Does nothing once any host group exists.
 */
@Component
public class DemoFleetHosts {

    private static final Logger log = LoggerFactory.getLogger(DemoFleetHosts.class);

    private final HostGroupRepository groups;
    private final HostRepository hosts;
    private final SimulatorEngine simulator;

    DemoFleetHosts(HostGroupRepository groups, HostRepository hosts, SimulatorEngine simulator) {
        this.groups = groups;
        this.hosts = hosts;
        this.simulator = simulator;
    }

    /** Registers the demo hosts if the inventory is empty; answers whether it did. */
    @Transactional
    public boolean registerIfEmpty() {
        if (groups.count() > 0) {
            return false;
        }
        Map<String, UUID> groupIds = new HashMap<>();
        for (HostDefinition definition : simulator.definitions()) {
            String groupName = definition.hostGroup() == null ? "Unassigned" : definition.hostGroup();
            UUID groupId = groupIds.computeIfAbsent(groupName, name -> {
                HostGroup group = new HostGroup(UUID.nameUUIDFromBytes(("group/" + name).getBytes()), name, null);
                return groups.save(group).id();
            });
            UUID hostId = UUID.nameUUIDFromBytes(("host/" + definition.name()).getBytes());
            hosts.save(new Host(hostId, definition.name(), SimulatorEngine.SCHEME + "://" + definition.name(), groupId,
                    definition.edition(), definition.cluster()));
        }
        log.info("Registered the demo fleet: {} hosts in {} host groups", simulator.definitions().size(), groupIds.size());
        return true;
    }
}
