package dev.corral.network.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.corral.base.InvalidInputException;
import dev.corral.network.HostChoice;
import dev.corral.network.VirtualSwitches;
import dev.corral.network.VlanMap;
import dev.corral.network.VlanMapFilter;
import dev.corral.network.VlanRow;
import dev.corral.network.VlanUse;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;

/**
 * The VLAN map: a row per VLAN with the switches that carry it and the VMs that use it, mismatches
 * flagged in red; a VLAN's adapters below when it is selected; and every mismatched adapter.
 * Filtered by VLANs ("10, 20, 100-110"), host and mismatches; paged from the service.
 */
class VlanMapPanel extends VerticalLayout {

    private static final int NAMED_USES = 4;

    private final VlanMap map;
    private final TextField vlan = new TextField();
    private final ComboBox<HostChoice> host = new ComboBox<>();
    private final Checkbox mismatchesOnly = new Checkbox("Only mismatches");
    private final Span summary = new Span();
    private final Grid<VlanRow> grid = new Grid<>(VlanRow.class, false);
    private final H3 selectedTitle = new H3();
    private final Grid<VlanUse> selected = new Grid<>(VlanUse.class, false);
    private final Grid<VlanUse> mismatches = new Grid<>(VlanUse.class, false);
    private final H3 mismatchesTitle = new H3("Mismatches");
    private VlanMapFilter filter = VlanMapFilter.NONE;
    private VlanMap.Snapshot snapshot;

    VlanMapPanel(VlanMap map, VirtualSwitches switches) {
        this.map = map;
        addClassName("corral-vlan-map");
        setPadding(false);
        setSizeFull();
        vlan.setPlaceholder("VLAN, e.g. 20 or 100-110");
        vlan.setAriaLabel("Filter by VLAN");
        vlan.setValueChangeMode(ValueChangeMode.LAZY);
        vlan.setClearButtonVisible(true);
        vlan.setWidth("14rem");
        vlan.addValueChangeListener(change -> refresh());
        host.setPlaceholder("Host");
        host.setAriaLabel("Filter by host");
        host.setItems(switches.visibleHosts());
        host.setItemLabelGenerator(HostChoice::name);
        host.setClearButtonVisible(true);
        host.setWidth("11rem");
        host.addValueChangeListener(change -> refresh());
        mismatchesOnly.addValueChangeListener(change -> refresh());
        summary.addClassName("corral-network-count");
        HorizontalLayout bar = new HorizontalLayout(vlan, host, mismatchesOnly, summary);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        bar.setWidthFull();
        bar.expand(summary);
        configureMap();
        configureUses(selected, false);
        configureUses(mismatches, true);
        selected.addClassName("corral-vlan-uses");
        mismatches.addClassName("corral-vlan-mismatches");
        selectedTitle.setVisible(false);
        selected.setVisible(false);
        mismatches.setEmptyStateText("No mismatches: every tagged adapter's switch carries its VLANs.");
        add(bar, grid, selectedTitle, selected, mismatchesTitle, mismatches);
        setFlexGrow(1, grid);
        refresh();
    }

    private void configureMap() {
        // Templates rather than components per cell: a page of the map is 50 rows of chips and names.
        grid.addColumn(LitRenderer.<VlanRow>of("<span class='corral-vlan-id'>${item.vlan}</span>")
                .withProperty("vlan", VlanRow::vlan)).setHeader("VLAN").setWidth("6rem").setFlexGrow(0);
        grid.addColumn(LitRenderer.<VlanRow>of("<div class='corral-vlan-chips' title='${item.title}'>"
                + "${item.carriers.length === 0 ? html`<span class='corral-vlan-problem'>no switch carries it</span>` : ''}"
                + "${item.carriers.map((c, i) => html`<span class='corral-vlan-chip ${item.any[i] ? 'corral-vlan-chip-any' : ''}'"
                + " title='${item.any[i] ? 'carries any VLAN' : ''}'>${c}</span>`)}</div>")
                .withProperty("carriers", r -> r.switches().stream().map(c -> c.hostName() + " › " + c.switchName()).toList())
                .withProperty("any", r -> r.switches().stream().map(VlanRow.Carrier::anyVlan).toList())
                .withProperty("title", r -> r.switches().stream().map(c -> c.hostName() + " › " + c.switchName())
                        .collect(Collectors.joining(", "))))
                .setHeader("Carried by").setFlexGrow(2);
        grid.addColumn(LitRenderer.<VlanRow>of("<div class='corral-vlan-users' title='${item.title}'>"
                + "${item.users.length === 0 ? html`<span class='corral-network-muted'>no VM you may see</span>` : ''}"
                + "${item.users.map((u, i) => html`<span class='${item.problems[i] ? 'corral-vlan-problem' : 'corral-vlan-user'}'"
                + " title='${item.problems[i]}'>${u}</span>`)}"
                + "${item.more > 0 ? html`<span class='corral-network-muted'>+${item.more} more</span>` : ''}</div>")
                .withProperty("users", r -> r.uses().stream().limit(NAMED_USES).map(u -> u.vmName() + " (" + u.hostName() + ")")
                        .toList())
                .withProperty("problems", r -> r.uses().stream().limit(NAMED_USES)
                        .map(u -> u.problem() == null ? "" : u.problem()).toList())
                .withProperty("more", r -> Math.max(0, r.uses().size() - NAMED_USES))
                .withProperty("title", r -> r.uses().stream().map(u -> u.vmName() + " on " + u.hostName() + " (" + u.mode() + ")")
                        .collect(Collectors.joining(", "))))
                .setHeader("Used by").setFlexGrow(3);
        grid.addColumn(LitRenderer.<VlanRow>of("${item.mismatches === 0 ? html`<span class='corral-network-muted'>—</span>`"
                + " : html`<span class='corral-badge corral-badge-error'>${item.label}</span>`}")
                .withProperty("mismatches", VlanRow::mismatches)
                .withProperty("label", r -> plural(r.mismatches(), "mismatch", "mismatches")))
                .setHeader("Mismatches").setWidth("9.5rem").setFlexGrow(0);
        grid.setPartNameGenerator(r -> r.mismatches() > 0 ? "corral-vlan-mismatch" : null);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addClassName("corral-vlan-grid");
        grid.setMinHeight("14rem");
        grid.setEmptyStateText("No VLANs here: no switch of the hosts you may see restricts VLANs and no VM you may see "
                + "is tagged, or none matches the filter.");
        grid.setItems(query -> snapshot().rows(PageRequest.of(query.getPage(), query.getPageSize())).stream(), query -> {
            VlanMap.Summary counts = snapshot().summary();
            summary.setText(plural(counts.vlans(), "VLAN") + " · " + plural(counts.taggedAdapters(), "tagged adapter")
                    + " · " + plural(counts.mismatchedAdapters(), "mismatch", "mismatches"));
            summary.getElement().getClassList().set("corral-network-count-alert", counts.mismatchedAdapters() > 0);
            return counts.vlans();
        });
        grid.asSingleSelect().addValueChangeListener(change -> show(change.getValue()));
    }

    private void configureUses(Grid<VlanUse> uses, boolean mismatchList) {
        uses.addComponentColumn(u -> {
            Anchor link = new Anchor("vms/" + u.vmId(), u.vmName());
            link.getElement().setAttribute("router-link", true);
            return link;
        }).setHeader("VM").setFlexGrow(1);
        uses.addColumn(VlanUse::hostName).setHeader("Host").setAutoWidth(true).setFlexGrow(0);
        uses.addColumn(VlanUse::switchName).setHeader("Switch").setAutoWidth(true).setFlexGrow(0);
        uses.addColumn(u -> "adapter " + (u.adapterIndex() + 1) + ", " + u.mode()).setHeader("Adapter").setAutoWidth(true)
                .setFlexGrow(0);
        uses.addColumn(VlanUse::vlans).setHeader("VLAN setting").setAutoWidth(true).setFlexGrow(0);
        uses.addComponentColumn(u -> {
            Span status = new Span(u.mismatch() ? u.problem() : "OK");
            status.addClassName(u.mismatch() ? "corral-vlan-problem" : "corral-network-muted");
            if (u.mismatch()) {
                status.addComponentAsFirst(VaadinIcon.WARNING.create());
            }
            return status;
        }).setHeader(mismatchList ? "Problem" : "Status").setFlexGrow(3)
                .setTooltipGenerator(u -> u.mismatch() ? u.problem() : null);
        uses.setPartNameGenerator(u -> u.mismatch() ? "corral-vlan-mismatch" : null);
        uses.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        uses.setAllRowsVisible(true);
        if (mismatchList) {
            uses.setPageSize(20);
            uses.setAllRowsVisible(false);
            uses.setHeight("14rem");
            uses.setItems(query -> snapshot().mismatches(PageRequest.of(query.getPage(), query.getPageSize())).stream(),
                    query -> {
                        long total = snapshot().summary().mismatchedAdapters();
                        mismatchesTitle.setText(total == 0 ? "Mismatches" : "Mismatches (" + total + ")");
                        return (int) total;
                    });
        }
    }

    /**
     * The map as read for this round trip: the grids' fetches and counts of one response share it,
     * and it is dropped before the response goes out, so the session never keeps the fleet's adapters.
     */
    private VlanMap.Snapshot snapshot() {
        if (snapshot == null) {
            snapshot = map.snapshot(filter);
            UI.getCurrent().beforeClientResponse(this, context -> snapshot = null);
        }
        return snapshot;
    }

    private void show(VlanRow row) {
        selectedTitle.setVisible(row != null);
        selected.setVisible(row != null);
        if (row == null) {
            return;
        }
        selectedTitle.setText("VLAN " + row.vlan() + ": " + plural(row.uses().size(), "adapter") + " on "
                + plural(row.switches().size(), "switch", "switches"));
        selected.setItems(row.uses());
    }

    /** Applies the filters; a malformed VLAN filter is shown at its field and the map stays as it was. */
    void refresh() {
        VlanMapFilter next = new VlanMapFilter(vlan.getValue(), host.getValue() == null ? null : host.getValue().id(),
                mismatchesOnly.getValue());
        try {
            if (next.vlans() != null && !next.vlans().isBlank()) {
                dev.corral.network.VlanPolicy.parse(next.vlans(), "vlan");
            }
            vlan.setInvalid(false);
        } catch (InvalidInputException e) {
            vlan.setErrorMessage(e.getMessage());
            vlan.setInvalid(true);
            return;
        }
        filter = next;
        snapshot = null;
        grid.deselectAll();
        grid.getDataProvider().refreshAll();
        mismatches.getDataProvider().refreshAll();
    }

    private static String plural(long n, String one) {
        return plural(n, one, one + "s");
    }

    private static String plural(long n, String one, String many) {
        return String.format(Locale.ROOT, "%,d", n) + " " + (n == 1 ? one : many);
    }
}
