package dev.corral.sprawl.ui;

import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.corral.ui.PlannedView;
import jakarta.annotation.security.PermitAll;

@Route("sprawl")
@PageTitle("Sprawl · Corral")
@PermitAll
class SprawlView extends PlannedView {

    SprawlView() {
        super("Sprawl",
                "Owners, leases, idle and orphaned VMs, VMs found on hosts but missing from the inventory, trends and exports.",
                "sprawl tracking");
    }
}
