package dev.corral.network;

import java.util.List;
import java.util.UUID;

/**
 * One switch as its host reports it now, with the VM adapters connected to it.
 *
 * @param connected      the adapters of the VMs the caller may see
 * @param otherAdapters  how many more adapters are connected, of VMs the caller may not see
 * @param mayManage      whether the caller holds network.manage on its host
 * @param unsupported    why the host cannot change switches or carry VLANs, where it cannot
 */
public record SwitchDetails(SwitchRow virtualSwitch, List<Connected> connected, int otherAdapters, boolean mayManage,
        List<String> unsupported) {

    /** A VM adapter on the switch: which VM, which of its adapters, and its VLANs in words. */
    public record Connected(UUID vmId, String vmName, int adapterIndex, String vlan, String mac) {
    }
}
