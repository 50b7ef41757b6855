package dev.corral.hosts.ui;

import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.corral.ui.PlannedView;
import jakarta.annotation.security.PermitAll;

@Route("hosts")
@PageTitle("Hosts · Corral")
@PermitAll
class HostsView extends PlannedView {

    HostsView() {
        super("Hosts",
                "Every host in its host group, with hardware facts, capabilities, health and capacity; register hosts reached through libvirt or the simulator.",
                "the hypervisor engine and the inventory");
    }
}
