package dev.corral.engine.sim;

import dev.corral.engine.Capability;
import dev.corral.engine.EngineException;
import dev.corral.engine.HostCapabilities;
import dev.corral.engine.HostConnection;
import dev.corral.engine.HostFacts;
import dev.corral.engine.IntegrationService;
import dev.corral.engine.LifecycleEvent;
import dev.corral.engine.SnapshotInfo;
import dev.corral.engine.VirtualSwitch;
import dev.corral.engine.VmInfo;
import dev.corral.engine.VmSpec;
import dev.corral.engine.VmState;
import java.net.URI;
import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * One simulated Hyper-V-style host. It behaves like a hypervisor: capacity is checked, names
 * are unique, operations take time and pass through intermediate states, one operation per VM
 * at a time. State changes happen under the host's lock; waiting happens outside it, so the
 * host can be listed while a VM starts. When several Corral processes share the state folder, the
 * lock spans them, and each operation first catches up with what the others wrote.
 */
final class SimulatedHost implements HostConnection {

    private static final long UNKNOWN = Long.MIN_VALUE;

    private final URI uri;
    private final SimulatorProperties.HostDefinition definition;
    private final SimulatorFaults faults;
    private final SimulatorStore store;
    private final Clock clock;
    private final long delayMillis;
    private final Executor eventDelivery;
    private final List<Consumer<LifecycleEvent>> listeners = new CopyOnWriteArrayList<>();
    private final SimHostLock lock;
    private final Section unlock;
    private final Map<UUID, SimVm> vms = new LinkedHashMap<>();
    private final Map<String, VirtualSwitch> switches = new LinkedHashMap<>();
    private final SimHostRules rules;
    private final SimConsoles consoles = new SimConsoles();
    // The generation of the state file this process last read or wrote.
    private long generation;

    /** @param boot the host's state as stored, read under the lock */
    SimulatedHost(URI uri, SimulatorProperties.HostDefinition definition, Supplier<SimVm.HostState> boot,
            SimHostLock lock, SimulatorFaults faults, SimulatorStore store, Clock clock, long delayMillis,
            Executor eventDelivery) {
        this.uri = uri;
        this.definition = definition;
        this.lock = lock;
        this.unlock = lock::release;
        this.faults = faults;
        this.store = store;
        this.clock = clock;
        this.delayMillis = delayMillis;
        this.eventDelivery = eventDelivery;
        this.rules = new SimHostRules(definition, vms, switches, this::capabilities);
        lock.acquire();
        try {
            adopt(boot.get());
            // A host that "crashed" mid-operation finishes it when it comes back. Only at boot: on a
            // later reload, an intermediate state is another process's operation under way.
            boolean settledAny = vms.values().stream().anyMatch(vm -> settled(vm.state()) != vm.state());
            vms.replaceAll((id, vm) -> vm.withState(settled(vm.state())));
            if (settledAny && lock.isShared()) {
                persist(); // so that the other processes see the host as this one does
            }
        } finally {
            lock.release();
        }
    }

    /** Held while an operation reads or changes the host's state; closing it releases the lock. */
    private interface Section extends AutoCloseable {
        @Override
        void close();
    }

    private Section enter() {
        if (lock.acquire()) {
            try {
                catchUp();
            } catch (RuntimeException | Error e) {
                lock.release();
                throw e;
            }
        }
        return unlock;
    }

    /** Reads the state file again if another process wrote it since this one last read or wrote it. */
    private void catchUp() {
        long stored = store.generation(name());
        if (stored != SimulatorStore.NO_FILE && stored != generation) {
            store.load(name()).ifPresent(this::adopt);
        }
    }

    private void adopt(SimVm.HostState state) {
        vms.clear();
        switches.clear();
        state.switches().forEach(s -> switches.put(s.name().toLowerCase(), s));
        state.vms().forEach(vm -> vms.put(vm.id(), vm));
        generation = state.generation();
    }

    private static VmState settled(VmState state) {
        return switch (state) {
            case STARTING -> VmState.RUNNING;
            case SAVING -> VmState.SAVED;
            case STOPPING, UNKNOWN -> VmState.OFF;
            default -> state;
        };
    }

    String name() {
        return definition.name();
    }

    @Override
    public URI uri() {
        return uri;
    }

    @Override
    public HostFacts facts() {
        try (Section section = enter()) {
            reachable();
            List<HostFacts.PhysicalAdapter> adapters = definition.adapters().stream()
                    .map(a -> new HostFacts.PhysicalAdapter(a.name(), a.mac(), a.medium(), a.speedMbps())).toList();
            // Host names are unique in the simulator, whatever their case in a URI.
            return new HostFacts("sim:" + definition.name().toLowerCase(java.util.Locale.ROOT), definition.name(), "Corral simulator", definition.cpuModel(), definition.sockets(),
                    definition.coresPerSocket(), definition.threadsPerCore(), definition.logicalProcessors(),
                    definition.memoryMiB(), rules.freeMemoryMiB(), definition.hardwareVirtualization(),
                    definition.dataExecutionPrevention(), adapters);
        }
    }

    @Override
    public HostCapabilities capabilities() {
        reachable();
        Map<Capability, String> unsupported = new java.util.EnumMap<>(Capability.class);
        unsupported.putAll(definition.unsupported());
        unsupported.putAll(faults.withheld());
        return new HostCapabilities(unsupported);
    }

    // ---- VMs

    @Override
    public List<VmInfo> listVms() {
        try (Section section = enter()) {
            reachable();
            return vms.values().stream().map(SimVm::info).toList();
        }
    }

    @Override
    public VmInfo vm(UUID id) {
        try (Section section = enter()) {
            reachable();
            return get(id).info();
        }
    }

    @Override
    public VmInfo define(VmSpec spec) {
        SimVm vm;
        try (Section section = enter()) {
            reachable();
            capabilities().require(Capability.DEFINE_VMS);
            rules.checkSpec(null, spec);
            faults.maybeFail(name());
            vm = new SimVm(UUID.randomUUID(), withMacs(spec), VmState.OFF, List.of(), null);
            vms.put(vm.id(), vm);
            persist();
        }
        emit(vm, LifecycleEvent.Kind.DEFINED);
        return vm(vm.id());
    }

    @Override
    public VmInfo update(UUID id, VmSpec spec) {
        SimVm updated;
        try (Section section = enter()) {
            reachable();
            SimVm vm = get(id);
            rules.requireSettled(vm);
            boolean resized = vm.spec().vcpus() != spec.vcpus() || vm.spec().memoryMiB() != spec.memoryMiB()
                    || vm.spec().architecture() != spec.architecture();
            if (resized && vm.state() != VmState.OFF) {
                throw new EngineException.InvalidState("VM " + vm.spec().name() + " is " + SimHostRules.label(vm.state())
                        + "; turn it off before changing its processors, memory or architecture.");
            }
            rules.checkSpec(id, spec);
            faults.maybeFail(name());
            updated = vm.withSpec(withMacs(spec));
            vms.put(id, updated);
            persist();
        }
        emit(updated, LifecycleEvent.Kind.DEFINED);
        return vm(id);
    }

    /**
     * Gives every adapter without a static MAC one from Hyper-V's dynamic range (00:15:5d), unique
     * on this host, as a hypervisor does when it defines the VM.
     */
    private VmSpec withMacs(VmSpec spec) {
        if (spec.networkAdapters().stream().allMatch(a -> a.mac() != null)) {
            return spec;
        }
        java.util.Set<String> taken = new java.util.HashSet<>();
        vms.values().forEach(v -> v.spec().networkAdapters().forEach(a -> taken.add(a.mac())));
        spec.networkAdapters().forEach(a -> taken.add(a.mac()));
        List<VmSpec.NetworkAdapter> adapters = new java.util.ArrayList<>();
        for (VmSpec.NetworkAdapter a : spec.networkAdapters()) {
            String mac = a.mac();
            while (mac == null) {
                int n = java.util.concurrent.ThreadLocalRandom.current().nextInt(1 << 24);
                String candidate = String.format("00:15:5d:%02x:%02x:%02x", n >> 16 & 0xff, n >> 8 & 0xff, n & 0xff);
                mac = taken.add(candidate) ? candidate : null;
            }
            adapters.add(new VmSpec.NetworkAdapter(a.type(), a.switchName(), a.vlan(), mac));
        }
        return new VmSpec(spec.name(), spec.vcpus(), spec.memoryMiB(), spec.architecture(), spec.guestOs(), spec.disks(),
                adapters, spec.integrationServices());
    }

    @Override
    public void delete(UUID id) {
        SimVm vm;
        try (Section section = enter()) {
            reachable();
            vm = get(id);
            rules.requireState(vm, "deleted", EnumSet.of(VmState.OFF, VmState.SAVED));
            faults.maybeFail(name());
            vms.remove(id);
            persist();
        }
        emit(vm, LifecycleEvent.Kind.UNDEFINED);
    }

    @Override
    public VmInfo start(UUID id) {
        return transition(id, "started", EnumSet.of(VmState.OFF, VmState.SAVED), VmState.STARTING, VmState.RUNNING,
                vm -> rules.requireMemory(vm.spec()));
    }

    @Override
    public VmInfo shutdown(UUID id) {
        capabilities().require(Capability.GRACEFUL_SHUTDOWN);
        return transition(id, "shut down", EnumSet.of(VmState.RUNNING), VmState.STOPPING, VmState.OFF, vm -> {
            if (!vm.spec().integrationServices().contains(IntegrationService.SHUTDOWN)) {
                throw new EngineException.InvalidState("VM " + vm.spec().name() + " has the shutdown integration "
                        + "service off, so its guest cannot be asked to shut down; turn it off instead.");
            }
        });
    }

    @Override
    public VmInfo turnOff(UUID id) {
        return transition(id, "turned off", EnumSet.of(VmState.RUNNING, VmState.PAUSED), VmState.OFF, VmState.OFF, vm -> { });
    }

    @Override
    public VmInfo reset(UUID id) {
        capabilities().require(Capability.RESET);
        return transition(id, "reset", EnumSet.of(VmState.RUNNING), VmState.RUNNING, VmState.RUNNING, vm -> { });
    }

    @Override
    public VmInfo pause(UUID id) {
        capabilities().require(Capability.PAUSE);
        return transition(id, "paused", EnumSet.of(VmState.RUNNING), VmState.PAUSED, VmState.PAUSED, vm -> { });
    }

    @Override
    public VmInfo resume(UUID id) {
        capabilities().require(Capability.PAUSE);
        return transition(id, "resumed", EnumSet.of(VmState.PAUSED), VmState.RUNNING, VmState.RUNNING, vm -> { });
    }

    @Override
    public VmInfo save(UUID id) {
        capabilities().require(Capability.SAVE_STATE);
        return transition(id, "saved", EnumSet.of(VmState.RUNNING, VmState.PAUSED), VmState.SAVING, VmState.SAVED, vm -> { });
    }

    /**
     * Moves a VM from one of {@code from} through {@code during} to {@code after}. If the host
     * fails half-way, the VM is left as it was and the failure is thrown.
     */
    private VmInfo transition(UUID id, String verb, Set<VmState> from, VmState during, VmState after,
            Consumer<SimVm> check) {
        SimVm before;
        SimVm intermediate;
        try (Section section = enter()) {
            reachable();
            before = get(id);
            rules.requireState(before, verb, from);
            check.accept(before);
            intermediate = before.withState(during);
            vms.put(id, intermediate);
            if (lock.isShared()) {
                persist(); // so that other processes see the operation under way and refuse others on the VM
            }
        }
        boolean instant = during == after;
        if (!instant) {
            emit(intermediate, LifecycleEvent.Kind.STATE_CHANGED);
            sleep();
        }
        SimVm done;
        try (Section section = enter()) {
            try {
                reachable();
                faults.maybeFail(name());
            } catch (EngineException e) {
                vms.computeIfPresent(id, (k, vm) -> vm.withState(before.state()));
                if (lock.isShared()) {
                    persist();
                }
                if (!instant) {
                    eventDelivery.execute(() -> deliver(before, LifecycleEvent.Kind.STATE_CHANGED));
                }
                throw e;
            }
            SimVm current = get(id);
            if (lock.isShared() && (instant || current.state() != during)) {
                // Shared, the first step wrote an instant change already, and a process booting
                // meanwhile may have settled a slow one (see the constructor).
                done = current;
            } else {
                done = current.withState(after);
                vms.put(id, done);
                persist();
            }
        }
        emit(done, LifecycleEvent.Kind.STATE_CHANGED);
        return vm(id);
    }

    // ---- Snapshots

    @Override
    public List<SnapshotInfo> snapshots(UUID vmId) {
        try (Section section = enter()) {
            reachable();
            SimVm vm = get(vmId);
            return vm.snapshots().stream().map(s -> s.info(vm.currentSnapshotId())).toList();
        }
    }

    @Override
    public SnapshotInfo createSnapshot(UUID vmId, String snapshotName) {
        try (Section section = enter()) {
            SimVm vm = changeSnapshots(vmId, v -> SimSnapshots.create(v, snapshotName, clock.instant()));
            return SimSnapshots.find(vm, vm.currentSnapshotId()).info(vm.currentSnapshotId());
        }
    }

    @Override
    public VmInfo applySnapshot(UUID vmId, String snapshotId) {
        SimVm applied;
        try (Section section = enter()) {
            applied = changeSnapshots(vmId, vm -> {
                SimVm result = SimSnapshots.apply(vm, snapshotId);
                if (result.state().usesMemory() && !vm.state().usesMemory()) {
                    rules.requireMemory(result.spec());
                }
                return result;
            });
        }
        emit(applied, LifecycleEvent.Kind.STATE_CHANGED);
        return vm(vmId);
    }

    @Override
    public SnapshotInfo renameSnapshot(UUID vmId, String snapshotId, String newName) {
        try (Section section = enter()) {
            SimVm vm = changeSnapshots(vmId, v -> SimSnapshots.rename(v, snapshotId, newName));
            return SimSnapshots.find(vm, snapshotId).info(vm.currentSnapshotId());
        }
    }

    @Override
    public void deleteSnapshot(UUID vmId, String snapshotId, boolean subtree) {
        try (Section section = enter()) {
            changeSnapshots(vmId, vm -> SimSnapshots.delete(vm, snapshotId, subtree));
        }
    }

    private SimVm changeSnapshots(UUID vmId, UnaryOperator<SimVm> change) {
        reachable();
        capabilities().require(Capability.SNAPSHOTS);
        SimVm vm = get(vmId);
        rules.requireSettled(vm);
        SimVm changed = change.apply(vm);
        faults.maybeFail(name());
        vms.put(vmId, changed);
        persist();
        return changed;
    }

    // ---- Virtual switches

    @Override
    public List<VirtualSwitch> switches() {
        try (Section section = enter()) {
            reachable();
            return List.copyOf(switches.values());
        }
    }

    @Override
    public VirtualSwitch createSwitch(VirtualSwitch spec) {
        try (Section section = enter()) {
            reachable();
            capabilities().require(Capability.VIRTUAL_SWITCHES);
            if (switches.containsKey(spec.name().toLowerCase())) {
                throw new EngineException.InvalidSpec("Host " + name() + " already has a switch named " + spec.name() + ".");
            }
            if (spec.kind() == VirtualSwitch.Kind.EXTERNAL) {
                rules.checkAdapterFree(spec.physicalAdapter());
            }
            if (!spec.allowedVlans().isEmpty()) {
                capabilities().require(Capability.VLAN);
            }
            faults.maybeFail(name());
            switches.put(spec.name().toLowerCase(), spec);
            persist();
            return spec;
        }
    }

    @Override
    public VirtualSwitch updateSwitch(VirtualSwitch spec) {
        try (Section section = enter()) {
            reachable();
            capabilities().require(Capability.VIRTUAL_SWITCHES);
            VirtualSwitch existing = switches.get(spec.name().toLowerCase());
            if (existing == null) {
                throw new EngineException.NotFound("Host " + name() + " has no switch named " + spec.name() + ".");
            }
            if (spec.kind() != existing.kind()) {
                throw new EngineException.InvalidSpec("Switch " + existing.name() + " is " + kindName(existing.kind())
                        + "; a switch's kind does not change. Create a new switch instead.");
            }
            if (spec.kind() == VirtualSwitch.Kind.EXTERNAL && !spec.physicalAdapter().equals(existing.physicalAdapter())) {
                rules.checkAdapterFree(spec.physicalAdapter(), existing.name());
            }
            if (!spec.allowedVlans().isEmpty()) {
                capabilities().require(Capability.VLAN);
            }
            faults.maybeFail(name());
            // Like Hyper-V, the switch changes while VMs use it; their adapters stay connected.
            VirtualSwitch updated = new VirtualSwitch(existing.name(), existing.kind(), spec.physicalAdapter(),
                    spec.allowedVlans());
            switches.put(existing.name().toLowerCase(), updated);
            persist();
            return updated;
        }
    }

    private static String kindName(VirtualSwitch.Kind kind) {
        return switch (kind) {
            case EXTERNAL -> "external";
            case INTERNAL -> "internal";
            case PRIVATE -> "private";
        };
    }

    @Override
    public void deleteSwitch(String switchName) {
        try (Section section = enter()) {
            reachable();
            capabilities().require(Capability.VIRTUAL_SWITCHES);
            VirtualSwitch existing = switches.get(switchName.toLowerCase());
            if (existing == null) {
                throw new EngineException.NotFound("Host " + name() + " has no switch named " + switchName + ".");
            }
            List<String> users = vms.values().stream()
                    .filter(vm -> vm.spec().networkAdapters().stream().anyMatch(n -> n.switchName().equalsIgnoreCase(switchName)))
                    .map(vm -> vm.spec().name()).sorted().toList();
            if (!users.isEmpty()) {
                throw new EngineException.InvalidState("Switch " + switchName + " is in use by " + String.join(", ", users)
                        + "; disconnect their network adapters first.");
            }
            faults.maybeFail(name());
            switches.remove(switchName.toLowerCase());
            persist();
        }
    }

    // ---- Quick migration

    @Override
    public VmInfo quickMigrate(UUID vmId, HostConnection target) {
        if (!(target instanceof SimulatedHost other) || other == this) {
            throw new EngineException.Unsupported("Quick migration needs another simulated host as the target.");
        }
        capabilities().require(Capability.QUICK_MIGRATION);
        other.capabilities().require(Capability.QUICK_MIGRATION);
        VmState initial = vm(vmId).state();
        if (initial.isTransitional()) {
            throw new EngineException.InvalidState("VM " + vm(vmId).name() + " is " + SimHostRules.label(initial) + "; wait for it to finish.");
        }
        boolean wasActive = initial == VmState.RUNNING || initial == VmState.PAUSED;
        if (wasActive) {
            save(vmId);
        }
        SimVm moving;
        try (Section section = enter()) {
            moving = get(vmId);
        }
        try {
            other.receive(moving, wasActive);
        } catch (EngineException e) {
            if (wasActive) {
                start(vmId); // The target refused: the VM runs on here, where it was.
            }
            throw e;
        }
        try (Section section = enter()) {
            vms.remove(vmId);
            persist();
        }
        emit(moving, LifecycleEvent.Kind.UNDEFINED);
        return wasActive ? other.start(vmId) : other.vm(vmId);
    }

    private void receive(SimVm vm, boolean mustStart) {
        try (Section section = enter()) {
            reachable();
            rules.checkSpec(null, vm.spec());
            if (mustStart) {
                rules.requireMemory(vm.spec());
            }
            faults.maybeFail(name());
            vms.put(vm.id(), vm);
            persist();
        }
        emit(vm, LifecycleEvent.Kind.DEFINED);
    }

    // ---- Console

    /**
     * The VM's simulated screen, served by the simulator's own RFB server, in every state: an off
     * VM's says so, where a real one's would be black.
     */
    @Override
    public dev.corral.engine.ConsoleStream openConsole(UUID vmId) {
        VmInfo vm;
        try (Section section = enter()) {
            reachable();
            capabilities().require(Capability.CONSOLE);
            vm = get(vmId).info();
        }
        return consoles.open(vm);
    }

    /** What the VM's screen shows, for tests (see {@link SimulatorEngine#screen}). */
    SimScreenState screen(UUID vmId) {
        return consoles.screen(vm(vmId)).state();
    }

    // ---- Events

    @Override
    public AutoCloseable subscribe(Consumer<LifecycleEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void emit(SimVm vm, LifecycleEvent.Kind kind) {
        eventDelivery.execute(() -> deliver(vm, kind));
    }

    private void deliver(SimVm vm, LifecycleEvent.Kind kind) {
        // Screens follow here rather than as a subscriber: close() drops subscribers, and a screen
        // must go on following its VM for as long as the simulator runs.
        if (kind == LifecycleEvent.Kind.UNDEFINED) {
            consoles.removed(vm.id());
        } else {
            consoles.changed(vm.info());
        }
        LifecycleEvent event = new LifecycleEvent(uri, vm.id(), vm.spec().name(), kind,
                kind == LifecycleEvent.Kind.UNDEFINED ? null : vm.state(), clock.instant());
        for (Consumer<LifecycleEvent> listener : listeners) {
            listener.accept(event);
        }
    }

    @Override
    public void close() {
        listeners.clear();
    }

    private SimVm get(UUID id) {
        SimVm vm = vms.get(id);
        if (vm == null) {
            throw new EngineException.NotFound("Host " + name() + " has no VM " + id + ".");
        }
        return vm;
    }

    private void reachable() {
        if (faults.isUnreachable()) {
            throw new EngineException.HostUnreachable("Host " + name() + " does not answer.", null);
        }
    }

    private void persist() {
        long next = generation + 1;
        try {
            store.save(name(), new SimVm.HostState(next, List.copyOf(vms.values()), List.copyOf(switches.values())));
        } catch (RuntimeException e) {
            if (lock.isShared()) {
                generation = UNKNOWN; // the next operation rereads what the file holds
            }
            throw e;
        }
        generation = next;
    }

    private void sleep() {
        long millis = Math.round(delayMillis * faults.slowdown());
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException.Failed("The operation on host " + name() + " was interrupted.", e);
        }
    }
}
