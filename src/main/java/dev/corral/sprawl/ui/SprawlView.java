package dev.corral.sprawl.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import dev.corral.hosts.HostGroupAdministration;
import dev.corral.sprawl.FindingKind;
import dev.corral.sprawl.FindingResolver;
import dev.corral.sprawl.InventoryExport;
import dev.corral.sprawl.LeaseNotices;
import dev.corral.sprawl.ScanReport;
import dev.corral.sprawl.SprawlFindings;
import dev.corral.sprawl.SprawlTrend;
import dev.corral.sprawl.VmOwners;
import dev.corral.ui.PeopleTime;
import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Sprawl: what the scan found on the hosts and VMs the user may see, counted by kind and host group,
 * with the trend over the last days, the findings themselves (filtered, resolved one by one or in
 * bulk), the VMs by owner, the user's own leases that end soon, and exports of the findings and of
 * the inventory as CSV.
 */
@StyleSheet("context://styles/sprawl.css")
@Route("sprawl")
@PageTitle("Sprawl · Corral")
@PermitAll
class SprawlView extends VerticalLayout {

    private final SprawlFindings findings;
    private final SprawlTrend trend;
    private final VmOwners owners;
    private final LeaseNotices notices;
    private final Clock clock;
    private final Paragraph lastScan = new Paragraph();
    private final Div leases = new Div();
    private final Div stats = new Div();
    private final Div empty = new Div();
    private final Grid<GroupRow> groups = new Grid<>(GroupRow.class, false);
    private final Div chart = new Div();
    private final Grid<VmOwners.Owner> ownerGrid = new Grid<>(VmOwners.Owner.class, false);
    private final FindingsPanel panel;

    SprawlView(SprawlFindings findings, FindingResolver resolver, SprawlTrend trend, VmOwners owners, LeaseNotices notices,
            InventoryExport inventory, HostGroupAdministration hostGroups, Clock clock) {
        this.findings = findings;
        this.trend = trend;
        this.owners = owners;
        this.notices = notices;
        this.clock = clock;
        addClassNames("corral-view", "corral-sprawl");
        panel = new FindingsPanel(findings, resolver, hostGroups.visibleGroups(), clock, this::refresh);
        Button scan = new Button("Scan now", VaadinIcon.REFRESH.create(), click -> scan());
        scan.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        if (!findings.mayScan()) {
            scan.setEnabled(false);
            scan.setTooltipText("Running the scan needs vm.ownership somewhere; it also runs on its own every few minutes.");
        }
        HorizontalLayout heading = new HorizontalLayout(new H2("Sprawl"), scan);
        if (inventory.mayExport()) {
            heading.add(download("Export findings", "corral-sprawl-findings.csv", () -> findings.csv(panel.filter())),
                    download("Export inventory", "corral-inventory.csv", inventory::csv));
        }
        heading.addClassName("corral-sprawl-heading");
        heading.setAlignItems(FlexComponent.Alignment.CENTER);
        heading.setWidthFull();
        Paragraph intro = new Paragraph("VMs multiply and are forgotten. The scan compares the inventory with what the "
                + "hosts run and reports VMs nobody registered, VMs gone from their host, leases that ended, idle VMs, "
                + "owners who left, old snapshots and over-committed hosts. Resolve a finding with its action, or ignore "
                + "it: an ignored finding stays ignored.");
        intro.addClassName("corral-sprawl-intro");
        lastScan.addClassName("corral-sprawl-last-scan");
        leases.addClassName("corral-sprawl-leases");
        stats.addClassName("corral-stat-row");
        empty.addClassName("corral-sprawl-empty");
        configureGroups();
        chart.addClassName("corral-sprawl-chart-box");
        configureOwners();
        Div overview = new Div(section("By host group", groups), section("Trend", chart));
        overview.addClassName("corral-sprawl-overview");
        add(heading, intro, lastScan, leases, stats, empty, new H3("Findings"), panel, overview,
                new H3("VMs by owner"), ownerGrid);
        refresh();
    }

    private static Div section(String title, com.vaadin.flow.component.Component content) {
        Div section = new Div(new H3(title), content);
        section.addClassName("corral-sprawl-section");
        return section;
    }

    private void scan() {
        try {
            ScanReport report = findings.scan();
            Notification.show("Scan done in " + report.millis() + " ms: " + report.found() + " findings, " + report.opened()
                    + " new, " + report.resolved() + " resolved.", 5000, Notification.Position.BOTTOM_END)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (dev.corral.access.NotPermittedException e) {
            Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refresh();
    }

    private void refresh() {
        SprawlFindings.Summary summary = findings.summary();
        showLastScan();
        showLeases();
        stats.removeAll();
        for (FindingKind kind : FindingKind.values()) {
            long count = summary.open().getOrDefault(kind, 0L);
            Div stat = stat(String.format(Locale.ROOT, "%,d", count), kind.label() + (count == 1 ? "" : "s"));
            stat.addClassName(count > 0 ? "corral-sprawl-stat-some" : "corral-sprawl-stat-none");
            stat.addClickListener(click -> panel.showKind(kind));
            stat.getElement().setAttribute("title", "Show the " + kind.label().toLowerCase(Locale.ROOT) + " findings");
            stats.add(stat);
        }
        boolean none = summary.openTotal() == 0;
        empty.removeAll();
        empty.add(new Paragraph(findings.lastScan().isEmpty() && none
                ? "No findings yet. The scan runs a minute after Corral starts and then every few minutes; "
                        + (findings.mayScan() ? "choose Scan now to run it at once." : "come back shortly.")
                : none ? "Nothing to report: the hosts and VMs you may see are all accounted for."
                        + (summary.ignored() > 0 ? " (" + summary.ignored() + " ignored.)" : "") : ""));
        empty.setVisible(none);
        groups.setItems(GroupRow.of(summary));
        chart.removeAll();
        chart.add(new Html("<div class=\"corral-sprawl-chart-frame\">" + TrendChart.svg(trend.days(),
                trend.seesAnyHostGroup() ? null : "The trend covers the host groups you may see whole; you see none.")
                + "</div>"));
        var byOwner = owners.owners();
        ownerGrid.setItems(byOwner);
        ownerGrid.setAllRowsVisible(byOwner.size() <= 12);
        if (byOwner.size() > 12) {
            ownerGrid.setHeight("20rem");
        }
        panel.refresh();
    }

    private void showLastScan() {
        lastScan.removeAll();
        findings.lastScan().ifPresentOrElse(report -> {
            Span when = new Span(PeopleTime.relative(report.startedAt(), clock.instant()));
            when.setTitle(PeopleTime.exact(report.startedAt()));
            lastScan.add(new Span("Last scan "), when, new Span(": " + report.hostsAnswered() + " of " + report.hosts()
                    + " hosts answered, " + String.format(Locale.ROOT, "%,d", report.vms()) + " VMs in the inventory, "
                    + report.millis() + " ms."));
            report.unanswered().forEach(u -> {
                Span silent = new Span(" " + u.hostName() + " did not answer (" + u.problem() + "): its VMs are not "
                        + "reported missing, and its findings are kept until it answers.");
                silent.addClassName("corral-sprawl-unanswered");
                lastScan.add(silent);
            });
            report.notes().forEach(note -> lastScan.add(new Span(" " + note)));
        }, () -> lastScan.add(new Span("No scan has run on this Corral node since it started.")));
    }

    private void showLeases() {
        leases.removeAll();
        var mine = notices.forCaller();
        leases.setVisible(!mine.isEmpty());
        if (mine.isEmpty()) {
            return;
        }
        leases.add(VaadinIcon.CLOCK.create());
        Div text = new Div(new Span("Your VMs whose lease ends within " + notices.noticeDays() + " days or has ended: "));
        for (int i = 0; i < mine.size(); i++) {
            LeaseNotices.Expiring lease = mine.get(i);
            text.add(new Anchor("vms/" + lease.vmId(), lease.name()), new Span(" " + lease.when() + " (" + lease.expires()
                    + ")" + (i < mine.size() - 1 ? ", " : ". ")));
        }
        text.add(new Span("Renew them from their pages, or extend an expired lease from its finding."));
        leases.add(text);
    }

    private void configureGroups() {
        groups.addClassName("corral-sprawl-groups");
        groups.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        groups.setSelectionMode(Grid.SelectionMode.NONE);
        groups.setAllRowsVisible(true);
        groups.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        groups.addColumn(GroupRow::hostGroup).setHeader("Host group").setWidth("8rem").setFlexGrow(1);
        groups.addColumn(GroupRow::breakdown).setHeader("Open findings").setFlexGrow(3);
        groups.addColumn(row -> String.valueOf(row.total())).setHeader("All").setWidth("4rem").setFlexGrow(0);
        groups.setEmptyStateText("No open findings on the host groups you may see.");
    }

    private void configureOwners() {
        ownerGrid.addClassName("corral-sprawl-owners");
        ownerGrid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        ownerGrid.setSelectionMode(Grid.SelectionMode.NONE);
        ownerGrid.addColumn(VmOwners.Owner::owner).setHeader("Owner").setSortable(true).setFlexGrow(2);
        ownerGrid.addColumn(VmOwners.Owner::vms).setHeader("VMs").setSortable(true).setFlexGrow(0).setWidth("6rem");
        ownerGrid.addColumn(VmOwners.Owner::running).setHeader("Running").setSortable(true).setFlexGrow(0).setWidth("6rem");
        ownerGrid.addColumn(VmOwners.Owner::vcpus).setHeader("vCPUs").setSortable(true).setFlexGrow(0).setWidth("6rem");
        ownerGrid.addColumn(o -> String.format(Locale.ROOT, "%.1f GiB", o.memoryMiB() / 1024.0)).setHeader("Memory")
                .setComparator(VmOwners.Owner::memoryMiB).setFlexGrow(0).setWidth("8rem");
        ownerGrid.addColumn(VmOwners.Owner::leased).setHeader("With a lease").setFlexGrow(0).setWidth("8rem");
        ownerGrid.addColumn(VmOwners.Owner::leasesEnded).setHeader("Lease ended").setFlexGrow(0).setWidth("8rem");
        ownerGrid.setEmptyStateText("No VMs you may see.");
    }

    static Div stat(String value, String label) {
        Span number = new Span(value);
        number.addClassName("corral-stat-value");
        Span text = new Span(label);
        text.addClassName("corral-stat-label");
        Div stat = new Div(number, text);
        stat.addClassNames("corral-stat", "corral-sprawl-stat");
        return stat;
    }

    private static Anchor download(String label, String file, Supplier<String> csv) {
        DownloadHandler handler = DownloadHandler.fromInputStream(event -> {
            byte[] bytes = csv.get().getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(bytes), file, "text/csv;charset=UTF-8", bytes.length);
        });
        Anchor anchor = new Anchor(handler, AttachmentType.DOWNLOAD, "");
        anchor.add(VaadinIcon.DOWNLOAD_ALT.create(), new Span(label));
        anchor.addClassName("corral-sprawl-export");
        return anchor;
    }
}
