package dev.corral.engine;

import java.util.List;

/**
 * What a host is: its processors, memory and network adapters, and whether it meets Hyper-V's
 * requirements (64-bit, hardware virtualization, DEP/NX).
 *
 * @param identity      which machine this is, as the hypervisor says, however its URI is spelled: libvirt's
 *                      host UUID ({@code uuid:…}), a test-driver node file ({@code test:…}), a simulated
 *                      host's name ({@code sim:…}); two registrations with one identity are one host twice
 * @param memoryFreeMiB free memory as the hypervisor reports it, or computed from the running VMs
 *                      where it cannot
 */
public record HostFacts(
        String identity,
        String hostname,
        String hypervisor,
        String cpuModel,
        int sockets,
        int coresPerSocket,
        int threadsPerCore,
        int logicalProcessors,
        long memoryTotalMiB,
        long memoryFreeMiB,
        boolean hardwareVirtualization,
        boolean dataExecutionPrevention,
        List<PhysicalAdapter> adapters) {

    public HostFacts {
        if (identity == null || identity.isBlank()) {
            throw new IllegalArgumentException("A host's facts name its identity");
        }
        adapters = List.copyOf(adapters);
    }

    /** A physical network adapter of the host. Only Ethernet adapters can back an external switch. */
    public record PhysicalAdapter(String name, String mac, Medium medium, long speedMbps) {
        public enum Medium { ETHERNET, WIRELESS, OTHER }
    }
}
