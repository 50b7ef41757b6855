package dev.corral.network.ui;

import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.corral.ui.PlannedView;
import jakarta.annotation.security.PermitAll;

@Route("networks")
@PageTitle("Networks · Corral")
@PermitAll
class NetworksView extends PlannedView {

    NetworksView() {
        super("Networks",
                "Virtual switches per host (external, internal, private), their allowed 802.1Q VLANs, and the adapters of each VM.",
                "virtual switches and VLANs");
    }
}
