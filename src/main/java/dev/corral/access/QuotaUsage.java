package dev.corral.access;

/** What a self-service user's VMs already take; implemented by the inventory. */
public interface QuotaUsage {

    Usage usageOf(String owner);

    record Usage(int vms, int vcpus, long memoryMiB, long storageGiB) {
        public static final Usage NONE = new Usage(0, 0, 0, 0);

        public Usage minus(Usage other) {
            return new Usage(vms - other.vms, vcpus - other.vcpus, memoryMiB - other.memoryMiB, storageGiB - other.storageGiB);
        }

        public Usage plus(Usage other) {
            return new Usage(vms + other.vms, vcpus + other.vcpus, memoryMiB + other.memoryMiB, storageGiB + other.storageGiB);
        }
    }
}
