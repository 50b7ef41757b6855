package dev.corral.network;

import dev.corral.base.RuleViolationException;
import java.util.List;

/**
 * A virtual-switch change a rule refuses (422 in the API): the host cannot do it, VM adapters
 * still depend on the switch or its VLANs, or it would take the host's management adapter without
 * a confirmation. It names the VMs concerned that the caller may see, and counts the others.
 */
public class NetworkRuleViolation extends RuleViolationException {

    /** Why, as the problem type the API answers with. */
    public enum Reason {
        UNSUPPORTED("unsupported"),
        SWITCH_IN_USE("switch-in-use"),
        VLANS_IN_USE("vlans-in-use"),
        MANAGEMENT_ADAPTER("management-adapter");

        private final String type;

        Reason(String type) {
            this.type = type;
        }

        public String type() {
            return type;
        }
    }

    private final Reason reason;
    private final String field;
    private final List<String> vms;
    private final int otherVms;

    NetworkRuleViolation(Reason reason, String field, String message, List<String> vms, int otherVms) {
        super(message);
        this.reason = reason;
        this.field = field;
        this.vms = List.copyOf(vms);
        this.otherVms = otherVms;
    }

    NetworkRuleViolation(Reason reason, String field, String message) {
        this(reason, field, message, List.of(), 0);
    }

    public Reason reason() {
        return reason;
    }

    /** The request field the refusal concerns, or null when it concerns the whole request. */
    public String field() {
        return field;
    }

    /** The VMs concerned that the caller may see, by name. */
    public List<String> vms() {
        return vms;
    }

    /** How many more adapters are concerned, of VMs the caller may not see. */
    public int otherVms() {
        return otherVms;
    }

    /** Whether asking again with {@code confirmManagementAdapter: true} would go ahead. */
    public boolean needsConfirmation() {
        return reason == Reason.MANAGEMENT_ADAPTER;
    }
}
