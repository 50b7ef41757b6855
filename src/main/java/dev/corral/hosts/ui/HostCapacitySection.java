package dev.corral.hosts.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.progressbar.ProgressBarVariant;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import dev.corral.hosts.HostAllocation;
import dev.corral.hosts.HostHealth;
import dev.corral.hosts.HostRow;
import dev.corral.hosts.HostService;
import dev.corral.ui.DashboardSection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dashboard's host capacity: for the hosts the user may see, the registered VMs' vCPUs and
 * memory against what each host has, the fullest first, over-commitment in red.
 */
@org.springframework.stereotype.Component
class HostCapacitySection implements DashboardSection {

    static final int SHOWN = 8;

    private final HostService hosts;
    private final HostHealth health;
    private final HostAllocation allocation;

    HostCapacitySection(HostService hosts, HostHealth health, HostAllocation allocation) {
        this.hosts = hosts;
        this.health = health;
        this.allocation = allocation;
    }

    @Override
    public int order() {
        return 20;
    }

    record Line(HostRow host, HostAllocation.Allocation allocated, HostHealth.Capacity capacity) {
        /** The larger of the two ratios; unknown capacity sorts last. */
        double fullness() {
            if (capacity == null) {
                return -1;
            }
            return Math.max(allocated.vcpus() / (double) Math.max(1, capacity.logicalProcessors()),
                    allocated.memoryMiB() / (double) Math.max(1, capacity.memoryMiB()));
        }
    }

    @Override
    public Optional<Component> create() {
        List<HostRow> visible = hosts.visibleHosts();
        if (visible.isEmpty()) {
            return Optional.empty();
        }
        Map<java.util.UUID, HostAllocation.Allocation> allocations = allocation.all();
        Map<java.util.UUID, HostHealth.Capacity> capacities = health.capacities();
        List<Line> lines = visible.stream()
                .map(h -> new Line(h, allocations.getOrDefault(h.id(), HostAllocation.Allocation.NONE), capacities.get(h.id())))
                .sorted(Comparator.comparingDouble(Line::fullness).reversed().thenComparing(l -> l.host().name()))
                .toList();
        long over = lines.stream().filter(l -> l.fullness() > 1).count();
        Div section = new Div();
        section.addClassNames("corral-dashboard-section", "corral-host-capacity");
        section.add(new H3("Host capacity"));
        section.add(new Span(visible.size() + (visible.size() == 1 ? " host" : " hosts")
                + (over == 0 ? ", none over-committed." : ", " + over + " over-committed.")
                + (lines.size() > SHOWN ? " The " + SHOWN + " fullest:" : "")));
        Grid<Line> grid = new Grid<>();
        grid.addComponentColumn(l -> new RouterLink(l.host().name(), HostView.class,
                new RouteParameters("id", l.host().id().toString()))).setHeader("Host").setFlexGrow(1);
        grid.addColumn(l -> l.host().hostGroup()).setHeader("Host group").setFlexGrow(1);
        grid.addColumn(l -> l.allocated().vms()).setHeader("VMs").setWidth("5rem").setFlexGrow(0);
        grid.addComponentColumn(l -> bar(l.allocated().vcpus(), l.capacity() == null ? null : (long) l.capacity().logicalProcessors(),
                l.allocated().vcpus() + " of " + (l.capacity() == null ? "?" : l.capacity().logicalProcessors())))
                .setHeader("vCPUs allocated").setFlexGrow(2);
        grid.addComponentColumn(l -> bar(l.allocated().memoryMiB(), l.capacity() == null ? null : l.capacity().memoryMiB(),
                String.format(java.util.Locale.ROOT, "%.1f / %s", l.allocated().memoryMiB() / 1024.0,
                        l.capacity() == null ? "? GiB" : HostAllocationBars.gib(l.capacity().memoryMiB()))))
                .setHeader("Memory allocated").setFlexGrow(2)
                .setTooltipGenerator(l -> HostAllocationBars.gib(l.allocated().memoryMiB()) + " allocated of "
                        + (l.capacity() == null ? "an unknown capacity" : HostAllocationBars.gib(l.capacity().memoryMiB())));
        grid.setItems(lines.subList(0, Math.min(SHOWN, lines.size())));
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
        section.add(grid, new RouterLink("Open the hosts", HostsView.class));
        return Optional.of(section);
    }

    private static Component bar(long used, Long total, String text) {
        Span label = new Span(text + (total != null && used > total ? " (over)" : ""));
        if (total == null) {
            label.setTitle("The host's capacity is known once it has answered.");
            return label;
        }
        ProgressBar bar = new ProgressBar(0, Math.max(1, Math.max(used, total)), used);
        bar.setWidth("5rem");
        bar.getElement().setAttribute("aria-label", text);
        if (used > total) {
            bar.addThemeVariants(ProgressBarVariant.LUMO_ERROR);
        }
        Div cell = new Div(bar, label);
        cell.addClassName("corral-capacity-cell");
        return cell;
    }
}
