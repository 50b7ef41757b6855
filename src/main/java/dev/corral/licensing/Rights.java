package dev.corral.licensing;

/**
 * The running Windows VMs a host may have at any one time.
 *
 * @param allowed         how many; null when the edition allows any number
 * @param licences        the licences counted (1 when none is recorded)
 * @param licencesAssumed whether no licence count was recorded, so one is assumed
 * @param stackable       whether the licence count changes the rights
 */
public record Rights(Integer allowed, int licences, boolean licencesAssumed, boolean stackable) {

    public boolean unlimited() {
        return allowed == null;
    }

    /** Whether this many Windows VMs running at once stay within the rights. */
    public boolean permit(int running) {
        return unlimited() || running <= allowed;
    }

    /** The rights still free with this many running; null when unlimited, negative when exceeded. */
    public Integer headroom(int running) {
        return unlimited() ? null : allowed - running;
    }

    /** "1 running Windows VM", "4 running Windows VMs", "any number of running Windows VMs". */
    public String describe() {
        return unlimited() ? "any number of running Windows VMs"
                : allowed + " running Windows VM" + (allowed == 1 ? "" : "s");
    }
}
