package dev.corral.network.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.corral.engine.VirtualSwitch;
import dev.corral.hosts.HostGroupSummary;
import dev.corral.hosts.HostGroupAdministration;
import dev.corral.network.HostChoice;
import dev.corral.network.HostNetworks;
import dev.corral.network.SwitchDetails;
import dev.corral.network.SwitchFilter;
import dev.corral.network.SwitchRow;
import dev.corral.network.VirtualSwitches;
import dev.corral.ui.PeopleTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;

/** The switches of the hosts the user may see, filtered by host, host group and name, with their actions. */
class SwitchesPanel extends VerticalLayout {

    private final VirtualSwitches service;
    private final HostNetworks networks;
    private final Runnable changed;
    private final Grid<SwitchRow> grid = new Grid<>(SwitchRow.class, false);
    private final ComboBox<HostChoice> host = new ComboBox<>();
    private final ComboBox<HostGroupSummary> hostGroup = new ComboBox<>();
    private final TextField name = new TextField();
    private final Span count = new Span();
    /** Whether the user may manage each host's switches, asked once per host and refresh. */
    private final Map<UUID, Boolean> manages = new HashMap<>();

    SwitchesPanel(VirtualSwitches service, HostNetworks networks, HostGroupAdministration hostGroups, Runnable changed) {
        this.service = service;
        this.networks = networks;
        this.changed = changed;
        addClassName("corral-switches");
        setSizeFull();
        setPadding(false);
        host.setPlaceholder("Host");
        host.setAriaLabel("Filter by host");
        host.setItems(service.visibleHosts());
        host.setItemLabelGenerator(HostChoice::name);
        hostGroup.setPlaceholder("Host group");
        hostGroup.setAriaLabel("Filter by host group");
        hostGroup.setItems(hostGroups.visibleGroups());
        hostGroup.setItemLabelGenerator(HostGroupSummary::path);
        name.setPlaceholder("Filter by name");
        name.setAriaLabel("Filter switches by name");
        name.setPrefixComponent(VaadinIcon.SEARCH.create());
        name.setValueChangeMode(ValueChangeMode.LAZY);
        name.setClearButtonVisible(true);
        for (ComboBox<?> choice : List.of(host, hostGroup)) {
            choice.setClearButtonVisible(true);
            choice.addValueChangeListener(change -> refresh());
            choice.setWidth("11rem");
        }
        name.addValueChangeListener(change -> refresh());
        count.addClassName("corral-network-count");
        HorizontalLayout bar = new HorizontalLayout(name, host, hostGroup, count);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        bar.setWidthFull();
        bar.expand(count);
        configureGrid();
        add(bar, grid);
        setFlexGrow(1, grid);
    }

    /** The Create switch button, for the view's heading. */
    Button createButton() {
        Button create = new Button("Create switch", VaadinIcon.PLUS.create());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        if (service.manageableHosts().isEmpty()) {
            create.setEnabled(false);
            create.setTooltipText("Your roles do not include network.manage on any host.");
        }
        create.addClickListener(click -> SwitchDialog.create(service, networks, host.getValue(), changed));
        return create;
    }

    private void configureGrid() {
        grid.addComponentColumn(SwitchesPanel::hostCell).setHeader("Host").setFlexGrow(1).setAutoWidth(true);
        grid.addColumn(SwitchRow::hostGroup).setHeader("Host group").setFlexGrow(1);
        grid.addComponentColumn(s -> {
            Span strong = new Span(s.name());
            strong.addClassName("corral-switch-name");
            return strong;
        }).setHeader("Switch").setFlexGrow(1);
        grid.addComponentColumn(s -> kindBadge(s.kind())).setHeader("Kind").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(SwitchesPanel::adapterCell).setHeader("Physical adapter").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(s -> vlans(s)).setHeader("VLANs carried").setFlexGrow(2);
        grid.addColumn(SwitchRow::connectedAdapters).setHeader("VM adapters").setAutoWidth(true).setFlexGrow(0)
                .setTooltipGenerator(s -> "Network adapters of the VMs you may see that are connected to " + s.name());
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addClassName("corral-switches-grid");
        grid.setEmptyStateText("No virtual switches on the hosts you may see match. Where you manage a host's network, "
                + "Create switch adds one.");
        grid.setSizeFull();
        grid.setItems(query -> service.list(filter(), PageRequest.of(query.getPage(), query.getPageSize())).stream(),
                query -> {
                    long total = service.count(filter());
                    count.setText(total == 1 ? "1 switch" : String.format(Locale.ROOT, "%,d switches", total));
                    return (int) Math.min(Integer.MAX_VALUE, total);
                });
    }

    private SwitchFilter filter() {
        return new SwitchFilter(host.getValue() == null ? null : host.getValue().id(),
                hostGroup.getValue() == null ? null : hostGroup.getValue().id(), name.getValue());
    }

    void refresh() {
        manages.clear();
        grid.getDataProvider().refreshAll();
    }

    private static Component hostCell(SwitchRow s) {
        Anchor link = new Anchor("hosts/" + s.hostId(), s.hostName());
        link.getElement().setAttribute("router-link", true);
        if (s.readProblem() == null) {
            return link;
        }
        Icon warning = VaadinIcon.WARNING.create();
        warning.addClassName("corral-network-stale");
        warning.setTooltipText(s.hostName() + " did not answer the last read (" + s.readProblem() + "). "
                + (s.readAt() == null ? "" : "Shown as read at " + PeopleTime.exact(s.readAt()) + "."));
        Span cell = new Span(link, warning);
        cell.addClassName("corral-network-host");
        return cell;
    }

    private static Component adapterCell(SwitchRow s) {
        if (s.physicalAdapter() == null) {
            Span none = new Span("—");
            none.addClassName("corral-network-muted");
            return none;
        }
        Span adapter = new Span(s.physicalAdapter());
        if (!s.onManagementAdapter()) {
            return adapter;
        }
        Span management = new Span("management adapter");
        management.addClassNames("corral-badge", "corral-network-warning");
        management.setTitle(s.physicalAdapter() + " is " + s.hostName() + "'s management adapter: the host's own traffic "
                + "shares it with the VMs'.");
        Span cell = new Span(adapter, management);
        cell.addClassName("corral-network-adapter");
        return cell;
    }

    static Component vlans(SwitchRow s) {
        Span vlans = new Span(s.carriesAnyVlan() ? "Any VLAN" : s.allowedVlans());
        if (s.carriesAnyVlan()) {
            vlans.addClassName("corral-network-muted");
            vlans.setTitle("The switch restricts no VLAN: adapters on it may use any tag from 1 to 4094.");
        } else {
            vlans.addClassName("corral-network-vlans");
        }
        return vlans;
    }

    static Span kindBadge(VirtualSwitch.Kind kind) {
        Span badge = new Span(switch (kind) {
            case EXTERNAL -> "External";
            case INTERNAL -> "Internal";
            case PRIVATE -> "Private";
        });
        badge.addClassNames("corral-switch-kind", "corral-switch-kind-" + kind.name().toLowerCase(Locale.ROOT));
        badge.setTitle(switch (kind) {
            case EXTERNAL -> "Bound to a physical Ethernet adapter: VMs reach the physical network.";
            case INTERNAL -> "VMs and the host reach each other.";
            case PRIVATE -> "Only the VMs on this host reach each other.";
        });
        return badge;
    }

    private Component actions(SwitchRow s) {
        boolean may = manages.computeIfAbsent(s.hostId(), service::mayManage);
        Button edit = new Button(VaadinIcon.EDIT.create(), click -> SwitchDialog.edit(service, networks, s, changed));
        edit.setAriaLabel("Edit " + s.name() + " on " + s.hostName());
        Button delete = new Button(VaadinIcon.TRASH.create(), click -> delete(s));
        delete.setAriaLabel("Delete " + s.name() + " on " + s.hostName());
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        for (Button button : List.of(edit, delete)) {
            button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            if (!may) {
                button.setEnabled(false);
                button.setTooltipText("Your roles do not include network.manage on " + s.hostName() + ".");
            } else {
                button.setTooltipText(button == edit ? "Edit the VLANs" + (s.kind() == VirtualSwitch.Kind.EXTERNAL
                        ? " and adapter" : "") : "Delete the switch");
            }
        }
        HorizontalLayout cell = new HorizontalLayout(edit, delete);
        cell.setSpacing(false);
        return cell;
    }

    /** Names what is connected (and refuses) or asks for a confirmation naming the switch. */
    private void delete(SwitchRow s) {
        SwitchDetails details;
        try {
            details = service.one(s.id());
        } catch (RuntimeException e) {
            error(e);
            refresh();
            return;
        }
        if (!details.connected().isEmpty() || details.otherAdapters() > 0) {
            inUse(s, details);
            return;
        }
        ConfirmDialog confirm = new ConfirmDialog("Delete switch " + s.name() + " from " + s.hostName() + "?",
                "No VM adapter is connected to it now. VMs on " + s.hostName() + " can no longer connect to "
                        + s.name() + " once it is gone.", "Delete", yes -> {
                            try {
                                service.delete(s.id());
                                Notification.show("Deleted switch " + s.name() + " from " + s.hostName() + ".", 4000,
                                        Notification.Position.BOTTOM_END).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                            } catch (RuntimeException e) {
                                error(e);
                            }
                            changed.run();
                        });
        confirm.setConfirmButtonTheme("error primary");
        confirm.setCancelable(true);
        confirm.open();
    }

    private static void inUse(SwitchRow s, SwitchDetails details) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Switch " + s.name() + " is in use");
        UnorderedList list = new UnorderedList();
        details.connected().forEach(c -> {
            Anchor vm = new Anchor("vms/" + c.vmId(), c.vmName());
            vm.getElement().setAttribute("router-link", true);
            list.add(new ListItem(vm, new Span(" · adapter " + (c.adapterIndex() + 1) + ", " + c.vlan())));
        });
        if (details.otherAdapters() > 0) {
            list.add(new ListItem(details.otherAdapters() + " adapter" + (details.otherAdapters() == 1 ? "" : "s")
                    + " of VMs you may not see"));
        }
        list.addClassName("corral-network-in-use");
        dialog.add(new Paragraph("These VM network adapters are connected to " + s.name() + " on " + s.hostName()
                + ". Connect them to another switch, or remove them, before deleting it."), list);
        Button close = new Button("Close", click -> dialog.close());
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(close);
        dialog.setWidth("32rem");
        dialog.open();
    }

    static void error(RuntimeException e) {
        Notification.show(e.getMessage(), 8000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
