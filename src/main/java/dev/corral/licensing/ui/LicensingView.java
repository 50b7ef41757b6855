package dev.corral.licensing.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import dev.corral.licensing.EnforcementPolicy;
import dev.corral.licensing.LicensingCompliance;
import dev.corral.licensing.LicensingViolations;
import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * Windows licensing across the hosts the user may see: each host's edition, licences, rights,
 * Windows VMs running, headroom and status, with the fleet's totals and an export as CSV; the
 * enforcement mode, global and per host group; and the history of violations.
 */
@StyleSheet("context://styles/licensing.css")
@Route("licensing")
@PageTitle("Licensing · Corral")
@PermitAll
class LicensingView extends VerticalLayout {

    private final LicensingCompliance compliance;
    private final Div totals = new Div();
    private final ComplianceGrid grid = new ComplianceGrid();
    private final Div empty = new Div();
    private final ViolationsGrid violationsGrid;
    private final Div noViolations = new Div();
    private final LicensingViolations violations;

    LicensingView(LicensingCompliance compliance, EnforcementPolicy policy, LicensingViolations violations, Clock clock) {
        this.compliance = compliance;
        this.violations = violations;
        addClassNames("corral-view", "corral-licensing");
        Paragraph intro = new Paragraph("Each host's Windows Server edition allows so many Windows VMs running at once; "
                + "off and saved VMs and other guests use none. Depending on the enforcement mode, an operation that would "
                + "exceed a host's rights is refused, or allowed and recorded as a violation.");
        intro.addClassName("corral-licensing-intro");
        totals.addClassName("corral-stat-row");
        empty.addClassName("corral-licensing-empty");
        empty.add(new Paragraph("Your roles let you see no hosts, so there is no licence to show. Hosts appear here as "
                + "soon as a role gives you inventory.view on them."));
        noViolations.addClassName("corral-licensing-empty");
        noViolations.add(new Paragraph("No violations: no operation has exceeded the rights of a host you may see."));
        violationsGrid = new ViolationsGrid(violations, clock);
        violationsGrid.setHeight("20rem");
        HorizontalLayout hostsHeading = new HorizontalLayout(new H3("Hosts"));
        if (compliance.mayExport()) {
            hostsHeading.add(exportLink());
        }
        hostsHeading.addClassName("corral-licensing-toolbar");
        hostsHeading.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new H2("Licensing"), intro, totals, hostsHeading, grid, empty, new H3("Enforcement"),
                new EnforcementPanel(policy, this::refresh), new H3("Violations"), noViolations, violationsGrid);
        refresh();
    }

    private void refresh() {
        LicensingCompliance.Report report = compliance.report();
        grid.show(report.hosts());
        grid.setVisible(!report.hosts().isEmpty());
        empty.setVisible(report.hosts().isEmpty());
        showTotals(report.totals());
        boolean none = violations.page(null, 0, 1).isEmpty();
        noViolations.setVisible(none);
        violationsGrid.setVisible(!none);
        violationsGrid.getDataProvider().refreshAll();
    }

    private void showTotals(LicensingCompliance.Totals t) {
        totals.removeAll();
        totals.add(LicensingDashboardSection.stat(String.valueOf(t.windowsRunning()), "Windows VMs running"),
                LicensingDashboardSection.stat(String.valueOf(t.rights()), "rights" + (t.unlimitedHosts() > 0
                        ? ", and " + t.unlimitedHosts() + " host" + (t.unlimitedHosts() == 1 ? "" : "s") + " unlimited" : "")),
                LicensingDashboardSection.stat(String.valueOf(t.headroom()), "rights free"),
                LicensingDashboardSection.stat(String.valueOf(t.hostsOver()), "hosts over their rights"),
                LicensingDashboardSection.stat(String.valueOf(t.hostsUnchecked()), "hosts not checked"));
    }

    /** The compliance as the user sees it now, as CSV. */
    private Anchor exportLink() {
        DownloadHandler csv = DownloadHandler.fromInputStream(event -> {
            byte[] bytes = compliance.csv().getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(bytes), "corral-licensing.csv", "text/csv;charset=UTF-8",
                    bytes.length);
        });
        Anchor export = new Anchor(csv, AttachmentType.DOWNLOAD, "");
        export.add(VaadinIcon.DOWNLOAD_ALT.create(), new Span("Export as CSV"));
        export.addClassName("corral-licensing-export");
        return export;
    }
}
