package dev.corral.access;

/**
 * A self-service user's allowance; a null limit means unlimited.
 */
public record Quota(Integer vms, Integer vcpus, Long memoryMiB, Long storageGiB) {

    public static final Quota NONE = new Quota(null, null, null, null);

    public Quota {
        for (Number limit : new Number[] {vms, vcpus, memoryMiB, storageGiB}) {
            if (limit != null && limit.longValue() < 0) {
                throw new IllegalArgumentException("A quota limit cannot be negative");
            }
        }
    }

    public boolean isUnlimited() {
        return vms == null && vcpus == null && memoryMiB == null && storageGiB == null;
    }
}
