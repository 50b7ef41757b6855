package dev.corral.network.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.corral.hosts.HostGroupSummary;
import dev.corral.hosts.HostGroupAdministration;
import dev.corral.network.HostAdapters;
import dev.corral.network.HostNetworks;
import java.util.ArrayList;
import java.util.List;

/**
 * Each visible host's physical adapters: medium, speed, the external switch bound to each, and
 * which is the host's management adapter, which a network manager records here. Warnings follow
 * DOMAIN.md's best practice: one adapter for management, with no switch bound to it.
 */
class AdaptersPanel extends VerticalLayout {

    /** One adapter of one host: a line of the grid. */
    record Line(HostAdapters host, HostAdapters.Adapter adapter) {
    }

    private final HostNetworks networks;
    private final Runnable changed;
    private final ComboBox<HostGroupSummary> hostGroup = new ComboBox<>();
    private final Div warnings = new Div();
    private final Grid<Line> grid = new Grid<>(Line.class, false);

    AdaptersPanel(HostNetworks networks, HostGroupAdministration hostGroups, Runnable changed) {
        this.networks = networks;
        this.changed = changed;
        addClassName("corral-adapters");
        setPadding(false);
        setSizeFull();
        hostGroup.setPlaceholder("Host group");
        hostGroup.setAriaLabel("Filter by host group");
        hostGroup.setItems(hostGroups.visibleGroups());
        hostGroup.setItemLabelGenerator(HostGroupSummary::path);
        hostGroup.setClearButtonVisible(true);
        hostGroup.addValueChangeListener(change -> refresh());
        warnings.addClassName("corral-network-warnings");
        HorizontalLayout bar = new HorizontalLayout(hostGroup);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        configureGrid();
        add(bar, warnings, grid);
        setFlexGrow(1, grid);
        refresh();
    }

    private void configureGrid() {
        grid.addComponentColumn(l -> {
            Anchor link = new Anchor("hosts/" + l.host().hostId(), l.host().hostName());
            link.getElement().setAttribute("router-link", true);
            return link;
        }).setHeader("Host").setFlexGrow(1);
        grid.addColumn(l -> l.adapter().name()).setHeader("Adapter").setFlexGrow(1);
        grid.addColumn(l -> switch (l.adapter().medium()) {
            case ETHERNET -> "Ethernet";
            case WIRELESS -> "Wireless";
            case OTHER -> "Other";
        }).setHeader("Medium").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(l -> speed(l.adapter().speedMbps())).setHeader("Speed").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(l -> l.adapter().mac() == null ? "—" : l.adapter().mac()).setHeader("MAC").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(l -> l.adapter().backs() == null ? "—" : l.adapter().backs()).setHeader("External switch")
                .setFlexGrow(1);
        grid.addComponentColumn(this::management).setHeader("Management").setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addClassName("corral-adapters-grid");
        grid.setEmptyStateText("No physical adapters known for the hosts you may see: a host reports them when it answers.");
        grid.setSizeFull();
    }

    void refresh() {
        List<HostAdapters> hosts = networks.list(null, hostGroup.getValue() == null ? null : hostGroup.getValue().id());
        List<Line> lines = new ArrayList<>();
        hosts.forEach(h -> h.adapters().forEach(a -> lines.add(new Line(h, a))));
        grid.setItems(lines);
        warnings.removeAll();
        List<String> unrecorded = hosts.stream().filter(h -> h.managementAdapter() == null && !h.adapters().isEmpty())
                .map(HostAdapters::hostName).toList();
        if (!unrecorded.isEmpty()) {
            Div line = new Div(VaadinIcon.INFO_CIRCLE.create(), new Span("No management adapter is recorded for "
                    + names(unrecorded) + ": record the adapter each host is managed through, so that binding a switch "
                    + "to it asks first."));
            line.addClassName("corral-network-warning-line");
            warnings.add(line);
        }
        for (HostAdapters host : hosts) {
            for (String warning : host.warnings()) {
                if (host.managementAdapter() == null) {
                    continue; // said once for all such hosts above
                }
                Div line = new Div(VaadinIcon.WARNING.create(), new Span(warning));
                line.addClassName("corral-network-warning-line");
                warnings.add(line);
            }
            if (host.readProblem() != null) {
                Div line = new Div(VaadinIcon.PLUG.create(), new Span(host.hostName() + " did not answer the last read: "
                        + host.readProblem()));
                line.addClassName("corral-network-warning-line");
                warnings.add(line);
            }
        }
        warnings.setVisible(warnings.getChildren().findAny().isPresent());
    }

    private Component management(Line line) {
        if (line.adapter().management()) {
            Span badge = new Span("Management adapter");
            badge.addClassNames("corral-badge", "corral-badge-ok", "corral-management-badge");
            return badge;
        }
        Button make = new Button("Make management adapter", click -> confirm(line));
        make.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        make.setAriaLabel("Make " + line.adapter().name() + " the management adapter of " + line.host().hostName());
        if (!line.host().mayManage()) {
            make.setEnabled(false);
            make.setTooltipText("Your roles do not include network.manage on " + line.host().hostName() + ".");
        }
        return make;
    }

    private void confirm(Line line) {
        String host = line.host().hostName();
        String adapter = line.adapter().name();
        String before = line.host().managementAdapter();
        ConfirmDialog confirm = new ConfirmDialog("Make " + adapter + " the management adapter of " + host + "?",
                "Corral then asks for a confirmation before an external switch is bound to " + adapter + "."
                        + (before == null ? "" : " " + before + " is no longer recorded as the management adapter.")
                        + (line.adapter().backs() == null ? "" : " External switch " + line.adapter().backs()
                        + " is bound to it already: the host's own traffic shares it with the VMs'."),
                "Make management adapter", yes -> {
                    try {
                        networks.setManagementAdapter(line.host().hostId(), adapter);
                        Notification.show(adapter + " is now the management adapter of " + host + ".", 4000,
                                Notification.Position.BOTTOM_END).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                    } catch (RuntimeException e) {
                        SwitchesPanel.error(e);
                    }
                    changed.run();
                });
        confirm.setCancelable(true);
        confirm.open();
    }

    private static String names(List<String> names) {
        return names.size() == 1 ? names.getFirst()
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.getLast();
    }

    private static String speed(long mbps) {
        if (mbps <= 0 || mbps >= 4_294_967_295L) {
            return "—"; // unknown (libvirt reports an unset link speed as 2^32 - 1)
        }
        return mbps >= 1000 && mbps % 1000 == 0 ? mbps / 1000 + " Gbit/s" : mbps + " Mbit/s";
    }
}
