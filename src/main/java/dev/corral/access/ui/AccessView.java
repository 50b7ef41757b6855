package dev.corral.access.ui;

import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.corral.ui.PlannedView;
import jakarta.annotation.security.PermitAll;

@Route("access")
@PageTitle("Access · Corral")
@PermitAll
class AccessView extends PlannedView {

    AccessView() {
        super("Access",
                "Roles, their permissions, and assignments of roles to directory users and groups at a scope of the inventory; explain any decision.",
                "delegated administration");
    }
}
