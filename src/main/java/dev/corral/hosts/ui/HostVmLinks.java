package dev.corral.hosts.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.Component;
import dev.corral.hosts.HostAllocation;
import dev.corral.hosts.HostDetails;

/**
 * Links to the VMs registered on the host. They point at {@code /vms/{id}} by URL because the VM
 * views belong to the VMs feature, which depends on hosts and not the other way round.
 */
final class HostVmLinks {

    private HostVmLinks() {
    }

    static Component of(HostDetails details) {
        if (details.vms().isEmpty()) {
            return new Paragraph("No VMs you may see are registered on this host. VMs found on it but not registered "
                    + "are reported as sprawl.");
        }
        UnorderedList list = new UnorderedList();
        list.addClassName("corral-host-vms");
        for (HostAllocation.HostedVm vm : details.vms()) {
            list.add(new ListItem(new Anchor("vms/" + vm.id(), vm.name())));
        }
        return list;
    }
}
