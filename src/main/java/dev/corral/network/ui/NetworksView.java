package dev.corral.network.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import dev.corral.hosts.HostGroupAdministration;
import dev.corral.network.HostNetworks;
import dev.corral.network.VirtualSwitches;
import dev.corral.network.VlanMap;
import jakarta.annotation.security.PermitAll;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The Networks view: the virtual switches of the hosts the user may see (create, edit, delete),
 * the VLAN map with its mismatches, and each host's physical adapters with its management
 * adapter. {@code ?tab=vlans} or {@code ?tab=adapters} opens those tabs directly.
 */
@StyleSheet("context://styles/network.css")
@Route("networks")
@PageTitle("Networks · Corral")
@PermitAll
class NetworksView extends VerticalLayout implements BeforeEnterObserver {

    private static final List<String> TABS = List.of("switches", "vlans", "adapters");

    private final TabSheet tabs = new TabSheet();
    private final SwitchesPanel switches;
    /** The VLAN map and the adapters are built when their tab is first shown, so the page opens with one. */
    private final Map<String, Supplier<? extends Component>> builders = new HashMap<>();
    private final Map<String, Div> holders = new HashMap<>();
    private final Map<Tab, String> names = new HashMap<>();
    private VlanMapPanel vlans;
    private AdaptersPanel adapters;

    NetworksView(VirtualSwitches switchService, HostNetworks networks, VlanMap map, HostGroupAdministration hostGroups) {
        addClassNames("corral-view", "corral-networks");
        setSizeFull();
        switches = new SwitchesPanel(switchService, networks, hostGroups, this::changed);
        builders.put("vlans", () -> vlans = new VlanMapPanel(map, switchService));
        builders.put("adapters", () -> adapters = new AdaptersPanel(networks, hostGroups, this::changed));
        Button refresh = new Button("Read from hosts", VaadinIcon.REFRESH.create(), click -> {
            switchService.refresh(null);
            changed();
            Notification.show("Read the switches and adapters of your hosts again.", 3000, Notification.Position.BOTTOM_END);
        });
        refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        refresh.setTooltipText("Corral keeps what it last read from each host (every few minutes, and after each "
                + "change made here); this reads them now.");
        H2 title = new H2("Networks");
        HorizontalLayout heading = new HorizontalLayout(title, refresh, switches.createButton());
        heading.setAlignItems(FlexComponent.Alignment.CENTER);
        heading.setWidthFull();
        heading.expand(title);
        heading.addClassName("corral-networks-heading");
        Paragraph purpose = new Paragraph("Virtual switches per host (external on a physical Ethernet adapter, internal, "
                + "private) and the 802.1Q VLANs they carry; which VMs use each VLAN, and where a VM is tagged for a VLAN "
                + "its switch does not carry.");
        purpose.addClassName("corral-planned-note");
        names.put(tabs.add("Virtual switches", switches), "switches");
        names.put(tabs.add("VLAN map", holder("vlans")), "vlans");
        names.put(tabs.add("Physical adapters", holder("adapters")), "adapters");
        tabs.setSizeFull();
        tabs.addClassName("corral-networks-tabs");
        tabs.addSelectedChangeListener(change -> {
            String name = names.get(change.getSelectedTab());
            build(name);
            getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                    "networks" + ("switches".equals(name) ? "" : "?tab=" + name)));
        });
        add(heading, purpose, tabs);
        setFlexGrow(1, tabs);
    }

    private Div holder(String name) {
        Div holder = new Div();
        holder.setSizeFull();
        holders.put(name, holder);
        return holder;
    }

    private void build(String name) {
        Div holder = holders.get(name);
        if (holder != null && holder.getChildren().findAny().isEmpty()) {
            holder.add(builders.get(name).get());
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters query = event.getLocation().getQueryParameters();
        String tab = query.getSingleParameter("tab").orElse("switches");
        if (TABS.contains(tab)) {
            names.forEach((t, name) -> {
                if (name.equals(tab)) {
                    build(name);
                    tabs.setSelectedTab(t);
                }
            });
        }
    }

    /** After a change in one tab, the others show it too. */
    private void changed() {
        switches.refresh();
        if (vlans != null) {
            vlans.refresh();
        }
        if (adapters != null) {
            adapters.refresh();
        }
    }
}
