package dev.corral.licensing.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLink;
import dev.corral.licensing.LicensingCompliance;
import dev.corral.ui.DashboardSection;
import java.util.Optional;

/** The dashboard's licensing: Windows VMs running against the rights of the hosts the user sees, and the hosts over or at their limit. */
@org.springframework.stereotype.Component
class LicensingDashboardSection implements DashboardSection {

    private final LicensingCompliance compliance;

    LicensingDashboardSection(LicensingCompliance compliance) {
        this.compliance = compliance;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Optional<Component> create() {
        LicensingCompliance.Totals totals = compliance.report().totals();
        if (totals.hosts() == 0) {
            return Optional.empty();
        }
        Div section = new Div();
        section.addClassName("corral-dashboard-section");
        section.add(new H3("Windows licensing"));
        Div stats = new Div();
        stats.addClassName("corral-stat-row");
        stats.add(stat(String.valueOf(totals.windowsRunning()), "Windows VMs running"));
        stats.add(stat(totals.headroom() + (totals.unlimitedHosts() > 0 ? " + unlimited" : ""), "rights free"));
        stats.add(stat(String.valueOf(totals.hostsOver()), "hosts over their rights"));
        stats.add(stat(String.valueOf(totals.hostsAtLimit()), "hosts at the limit"));
        section.add(stats, new RouterLink("Open the licensing", LicensingView.class));
        return Optional.of(section);
    }

    static Div stat(String value, String label) {
        Span number = new Span(value);
        number.addClassName("corral-stat-value");
        Span text = new Span(label);
        text.addClassName("corral-stat-label");
        Div stat = new Div(number, text);
        stat.addClassName("corral-stat");
        return stat;
    }
}
