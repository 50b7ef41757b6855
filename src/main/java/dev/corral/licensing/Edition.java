package dev.corral.licensing;

/**
 * A Windows Server edition from the editions table: the running Windows virtual instances one
 * licence allows (null: unlimited), whether further licences add as many again, the sockets and
 * memory it supports, whether it includes failover clustering, and its hypervisor generation.
 */
public record Edition(String name, HypervisorGeneration generation, Integer windowsVmsPerLicence, boolean stackable,
        int maxSockets, long maxMemoryGiB, boolean failoverClustering) {

    public boolean unlimited() {
        return windowsVmsPerLicence == null;
    }

    /**
     * The rights of a host of this edition with the licences recorded for it. A stackable edition
     * counts each licence; a host without a recorded count is taken to have one licence.
     */
    public Rights rightsWith(Integer licenceCount) {
        boolean assumed = licenceCount == null || licenceCount < 1;
        int licences = assumed ? 1 : licenceCount;
        if (unlimited()) {
            return new Rights(null, licences, assumed, stackable);
        }
        long allowed = stackable ? (long) windowsVmsPerLicence * licences : windowsVmsPerLicence;
        return new Rights((int) Math.min(Integer.MAX_VALUE, allowed), licences, assumed, stackable);
    }

    public long maxMemoryMiB() {
        return maxMemoryGiB * 1024;
    }
}
