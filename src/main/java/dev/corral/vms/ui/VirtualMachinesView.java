package dev.corral.vms.ui;

import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.corral.ui.PlannedView;
import jakarta.annotation.security.PermitAll;

@Route("vms")
@PageTitle("Virtual machines · Corral")
@PermitAll
class VirtualMachinesView extends PlannedView {

    VirtualMachinesView() {
        super("Virtual machines",
                "Every VM you may see, paged from the database: power state, owner, host, lease; start, shut down, save, snapshot and migrate, as jobs.",
                "the inventory and VM operations");
    }
}
