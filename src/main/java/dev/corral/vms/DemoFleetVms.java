package dev.corral.vms;

import dev.corral.engine.Engines;
import dev.corral.engine.VmInfo;
import dev.corral.engine.sim.SimulatorEngine;
import dev.corral.engine.sim.SimulatorProperties.HostDefinition;
import dev.corral.engine.sim.SimulatorProperties.VmDefinition;
import dev.corral.hosts.DemoFleetHosts;
import dev.corral.hosts.HostSummary;
import dev.corral.hosts.HostTree;
import java.net.URI;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On the first start of an empty inventory, registers the demo fleet: the simulator's hosts and
 * the VMs on them that the fleet file marks as registered (the others are left for sprawl
 * detection to find). Switched off with {@code corral.demo-fleet.enabled=false}.
 */
@Component
@org.springframework.core.annotation.Order(10)
@ConditionalOnProperty(name = "corral.demo-fleet.enabled", havingValue = "true", matchIfMissing = true)
class DemoFleetVms implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoFleetVms.class);

    private final DemoFleetHosts hosts;
    private final HostTree tree;
    private final SimulatorEngine simulator;
    private final Engines engines;
    private final VmRepository vms;
    private final VmAdapters adapters;

    DemoFleetVms(DemoFleetHosts hosts, HostTree tree, SimulatorEngine simulator, Engines engines, VmRepository vms,
            VmAdapters adapters) {
        this.adapters = adapters;
        this.hosts = hosts;
        this.tree = tree;
        this.simulator = simulator;
        this.engines = engines;
        this.vms = vms;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!hosts.registerIfEmpty()) {
            return;
        }
        int registered = 0;
        for (HostDefinition definition : simulator.definitions()) {
            HostSummary host = tree.hostByName(definition.name()).orElseThrow();
            Map<String, VmDefinition> byName = definition.vms().stream()
                    .collect(Collectors.toMap(VmDefinition::name, Function.identity()));
            for (VmInfo vm : engines.connection(URI.create(host.uri())).listVms()) {
                VmDefinition wanted = byName.get(vm.name());
                if (wanted != null && wanted.registered()) {
                    long storage = vm.spec().disks().stream().mapToLong(d -> d.sizeGiB()).sum();
                    vms.save(new Vm(vm.id(), host.id(), vm.name(), wanted.owner(), vm.spec().vcpus(),
                            vm.spec().memoryMiB(), storage, vm.spec().guestOs().family().name())
                            .describe(vm.spec().architecture(), vm.spec().guestOs().name(), wanted.purpose(), null, null,
                                    null, wanted.tags()));
                    vms.flush();
                    adapters.record(vm.id(), host.id(), vm.spec().networkAdapters(), java.util.Set.of());
                    registered++;
                }
            }
        }
        log.info("Registered {} VMs of the demo fleet", registered);
    }
}
