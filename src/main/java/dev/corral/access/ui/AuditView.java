package dev.corral.access.ui;

import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.corral.ui.PlannedView;
import jakarta.annotation.security.PermitAll;

@Route("audit")
@PageTitle("Audit · Corral")
@PermitAll
class AuditView extends PlannedView {

    AuditView() {
        super("Audit",
                "Every change and every refused attempt, from the console and the API, in a hash-chained trail you can verify.",
                "delegated administration and the audit trail");
    }
}
