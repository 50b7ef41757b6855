package dev.corral.hosts.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import dev.corral.hosts.HostAdministration;
import dev.corral.hosts.HostGroupAdministration;
import dev.corral.hosts.HostGroupSummary;
import dev.corral.hosts.HostRow;
import dev.corral.hosts.HostService;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/** The hosts the user may see, by host group, with whether each answers; registration and the host-group tree. */
@StyleSheet("context://styles/hosts.css")
@Route("hosts")
@PageTitle("Hosts · Corral")
@PermitAll
class HostsView extends VerticalLayout {

    private final HostService hosts;
    private final HostAdministration administration;
    private final Grid<HostRow> grid = new Grid<>(HostRow.class, false);
    private final HostGroupPanel groups;

    HostsView(HostService hosts, HostAdministration administration, HostGroupAdministration groupAdministration) {
        this.hosts = hosts;
        this.administration = administration;
        addClassName("corral-view");
        addClassName("corral-hosts");
        setSizeFull();
        groups = new HostGroupPanel(groupAdministration, this::refresh);
        configureGrid();
        HorizontalLayout heading = new HorizontalLayout(new H2("Hosts"), registerButton());
        heading.setAlignItems(FlexComponent.Alignment.CENTER);
        heading.setWidthFull();
        heading.addClassName("corral-hosts-heading");
        HorizontalLayout body = new HorizontalLayout(groups, grid);
        body.addClassName("corral-hosts-body");
        body.setSizeFull();
        body.setFlexGrow(1, grid);
        body.setFlexShrink(0, groups);
        add(heading, body);
        setFlexGrow(1, body);
        refresh();
    }

    private Button registerButton() {
        Button register = new Button("Register host", VaadinIcon.PLUS.create());
        register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        List<HostGroupSummary> where = administration.registrableGroups();
        if (where.isEmpty()) {
            register.setEnabled(false);
            register.setTooltipText("Your roles do not include host.manage on any host group.");
        }
        register.addClickListener(click -> new RegisterHostDialog(administration, administration.registrableGroups(),
                groups.selected(), host -> refresh()).open());
        return register;
    }

    private void configureGrid() {
        grid.addComponentColumn(h -> new RouterLink(h.name(), HostView.class, new RouteParameters("id", h.id().toString())))
                .setHeader("Host").setComparator(HostRow::name).setSortable(true).setFlexGrow(1);
        grid.addColumn(HostRow::hostGroup).setHeader("Host group").setSortable(true).setFlexGrow(1);
        grid.addComponentColumn(HostsView::health).setHeader("Health").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(h -> h.edition() == null ? "—" : h.edition()).setHeader("Edition").setFlexGrow(2);
        grid.addColumn(h -> h.cluster() == null ? "—" : h.cluster()).setHeader("Cluster").setFlexGrow(1);
        grid.addColumn(row -> row.uri() == null ? "—" : row.uri()).setHeader("Engine URI").setFlexGrow(1)
                .setTooltipGenerator(row -> row.uri() == null ? "Shown to those who manage the host (host.manage)." : null);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addClassName("corral-hosts-grid");
        grid.setEmptyStateText("No hosts yet that you may see. Hosts appear here for the host groups your roles cover; "
                + "where you manage hosts, Register host adds one.");
        grid.setSizeFull();
    }

    private void refresh() {
        grid.setItems(hosts.visibleHosts());
    }

    static Component health(HostRow host) {
        Span health = badge(host.reachable(), host.problem());
        if (!host.maintenance()) {
            return health;
        }
        Span maintenance = maintenanceBadge();
        maintenance.getStyle().set("margin-inline-start", "var(--lumo-space-xs)");
        return new Span(health, maintenance);
    }

    /** Amber, as a paused VM: the host works, but takes no new or migrated VMs. */
    static Span maintenanceBadge() {
        Span badge = new Span("Maintenance");
        badge.addClassNames("corral-state", "corral-state-paused", "corral-host-maintenance");
        badge.setTitle("In maintenance mode: this host receives no new or migrated VMs.");
        return badge;
    }

    static Span badge(Boolean reachable, String problem) {
        boolean unknown = reachable == null;
        Span badge = new Span(unknown ? "Not yet contacted" : reachable ? "Reachable" : "Unreachable");
        badge.addClassNames("corral-state", "corral-host-health", unknown ? "corral-state-off" : reachable ? "corral-state-running" : "corral-state-unknown");
        if (problem != null) {
            badge.setTitle(problem);
        }
        return badge;
    }
}
