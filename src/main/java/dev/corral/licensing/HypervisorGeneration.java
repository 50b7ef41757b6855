package dev.corral.licensing;

/**
 * A hypervisor generation (the Hyper-V of one Windows Server release) and what it gives one VM at
 * most, from the editions table.
 */
public record HypervisorGeneration(String name, String title, int maxVcpusPerVm, long maxMemoryPerVmGiB) {

    public long maxMemoryPerVmMiB() {
        return maxMemoryPerVmGiB * 1024;
    }
}
