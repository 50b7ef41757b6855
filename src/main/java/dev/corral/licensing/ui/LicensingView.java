package dev.corral.licensing.ui;

import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.corral.ui.PlannedView;
import jakarta.annotation.security.PermitAll;

@Route("licensing")
@PageTitle("Licensing · Corral")
@PermitAll
class LicensingView extends PlannedView {

    LicensingView() {
        super("Licensing",
                "Each host's Windows Server edition, the running Windows guests it permits, and compliance as it changes.",
                "the licensing limits per edition");
    }
}
