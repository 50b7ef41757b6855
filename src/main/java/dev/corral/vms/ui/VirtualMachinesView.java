package dev.corral.vms.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import dev.corral.engine.VmSpec;
import dev.corral.engine.VmState;
import dev.corral.hosts.HostGroupSummary;
import dev.corral.hosts.HostGroupAdministration;
import dev.corral.vms.VmEvents;
import dev.corral.vms.VmFilter;
import dev.corral.vms.VmRow;
import dev.corral.vms.VmService;
import dev.corral.vms.VmStateChanged;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * Every VM the user may see, paged and filtered in the database; states change in place as the
 * hosts report them.
 */
@Route("vms")
@PageTitle("Virtual machines · Corral")
@PermitAll
class VirtualMachinesView extends VerticalLayout {

    private final VmService vms;
    private final VmEvents events;
    private final Grid<VmRow> grid = new Grid<>(VmRow.class, false);
    private final TextField search = new TextField();
    private final ComboBox<VmState> state = new ComboBox<>();
    private final ComboBox<HostGroupSummary> hostGroup = new ComboBox<>();
    private final TextField owner = new TextField();
    private final TextField tag = new TextField();
    private final ComboBox<VmSpec.GuestOs.Family> guest = new ComboBox<>();
    private final Span count = new Span();
    private Runnable unlisten;
    private final java.util.concurrent.atomic.AtomicBoolean refreshPending = new java.util.concurrent.atomic.AtomicBoolean();

    VirtualMachinesView(VmService vms, VmEvents events, HostGroupAdministration hostGroups, dev.corral.vms.VmConsoles consoles) {
        this.vms = vms;
        this.consoleOpenable = consoles.openable();
        this.events = events;
        addClassName("corral-view");
        setSizeFull();
        configureFilters(hostGroups);
        count.addClassName("corral-vm-count");
        count.getStyle().set("white-space", "nowrap");
        Button create = new Button("Create VM", VaadinIcon.PLUS.create(), click -> new CreateVmDialog(vms).open());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        if (vms.hostsForCreation().isEmpty()) {
            create.setEnabled(false);
            create.setTooltipText("Your roles do not include vm.create on any host.");
        }
        HorizontalLayout bar = new HorizontalLayout(search, state, hostGroup, owner, guest, tag, count, create);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        bar.setSpacing("var(--lumo-space-s)");
        bar.setWidthFull();
        bar.expand(count);
        configureGrid();
        add(new H2("Virtual machines"), bar, grid);
    }

    private void configureFilters(HostGroupAdministration hostGroups) {
        search.setPlaceholder("Filter by name");
        search.setAriaLabel("Filter by name");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        owner.setPlaceholder("Owner");
        owner.setAriaLabel("Filter by owner");
        tag.setPlaceholder("Tag (key or key=value)");
        tag.setAriaLabel("Filter by tag");
        tag.setTooltipText("A tag key, such as env, or a key and value, such as env=test");
        for (TextField text : List.of(search, owner, tag)) {
            text.setValueChangeMode(ValueChangeMode.LAZY);
            text.setClearButtonVisible(true);
            text.addValueChangeListener(change -> refresh());
        }
        state.setPlaceholder("Any state");
        state.setAriaLabel("State");
        state.setItems(VmState.values());
        hostGroup.setPlaceholder("Host group");
        hostGroup.setAriaLabel("Host group");
        hostGroup.setItems(hostGroups.visibleGroups());
        hostGroup.setItemLabelGenerator(HostGroupSummary::path);
        guest.setPlaceholder("Guest OS");
        guest.setAriaLabel("Guest OS family");
        guest.setItems(VmSpec.GuestOs.Family.values());
        guest.setItemLabelGenerator(VirtualMachinesView::familyLabel);
        for (ComboBox<?> choice : List.of(state, hostGroup, guest)) {
            choice.setClearButtonVisible(true);
            choice.addValueChangeListener(change -> refresh());
        }
        search.setWidth("10rem");
        owner.setWidth("7rem");
        state.setWidth("8rem");
        hostGroup.setWidth("10rem");
        guest.setWidth("9rem");
        tag.setWidth("11rem");
    }

    /** The screen of each VM the user may watch, one click from the grid; nothing where they may not. */
    private com.vaadin.flow.component.Component consoleButton(VmRow vm) {
        if (!consoleOpenable.test(vm)) {
            return new com.vaadin.flow.component.html.Span();
        }
        Button open = new Button(VaadinIcon.DESKTOP.create(),
                click -> com.vaadin.flow.component.UI.getCurrent().navigate("vms/" + vm.id() + "/console"));
        open.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        open.setAriaLabel("Console of " + vm.name());
        open.setTooltipText("Console");
        return open;
    }

    private static String familyLabel(VmSpec.GuestOs.Family family) {
        return family.name().charAt(0) + family.name().substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    private final java.util.function.Predicate<VmRow> consoleOpenable;

    private void configureGrid() {
        grid.addComponentColumn(vm -> new RouterLink(vm.name(), VmView.class, new com.vaadin.flow.router.RouteParameters("id", vm.id().toString()))).setHeader("Name")
                .setKey("name").setSortable(true).setFlexGrow(2);
        grid.addComponentColumn(vm -> StateBadge.of(vm.state())).setHeader("State").setAutoWidth(true).setFlexGrow(0);
        // Next to the name and state, so it stays in view however many columns follow.
        grid.addComponentColumn(this::consoleButton).setHeader("Console").setKey("console").setWidth("6.5rem").setFlexGrow(0);
        grid.addColumn(VmRow::hostName).setHeader("Host").setFlexGrow(1);
        grid.addColumn(vm -> vm.owner() == null ? "—" : vm.owner()).setHeader("Owner").setKey("owner").setSortable(true);
        grid.addColumn(VmRow::vcpus).setHeader("vCPUs").setKey("vcpus").setSortable(true).setWidth("7rem").setFlexGrow(0);
        grid.addColumn(vm -> String.format("%.1f GiB", vm.memoryMiB() / 1024.0)).setHeader("Memory").setKey("memoryMiB")
                .setSortable(true).setWidth("8rem").setFlexGrow(0);
        grid.addColumn(vm -> vm.guestFamily().charAt(0) + vm.guestFamily().substring(1).toLowerCase()).setHeader("Guest")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(vm -> dev.corral.vms.VmTags.format(vm.tags())).setHeader("Tags").setFlexGrow(1)
                .setTooltipGenerator(vm -> dev.corral.vms.VmTags.format(vm.tags()));
        grid.addColumn(vm -> vm.leaseExpires() == null ? "" : vm.leaseExpires().toString()).setHeader("Lease ends")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText("No VMs match. VMs appear here once they are registered on hosts you may see.");
        grid.setSizeFull();
        grid.setItems(query -> vms.list(filter(), PageRequest.of(query.getPage(), query.getPageSize(), sort(query.getSortOrders())))
                .stream(), query -> {
                    long total = vms.count(filter());
                    count.setText(total == 1 ? "1 VM" : String.format("%,d VMs", total));
                    return (int) Math.min(Integer.MAX_VALUE, total);
                });
    }

    private VmFilter filter() {
        return new VmFilter(search.getValue(), null, hostGroup.getValue() == null ? null : hostGroup.getValue().id(),
                owner.getValue(), state.getValue(), guest.getValue(), tag.getValue());
    }

    private static Sort sort(List<com.vaadin.flow.data.provider.QuerySortOrder> orders) {
        List<Sort.Order> sort = new ArrayList<>();
        orders.forEach(o -> sort.add(o.getDirection() == SortDirection.ASCENDING ? Sort.Order.asc(o.getSorted())
                : Sort.Order.desc(o.getSorted())));
        sort.add(Sort.Order.asc("name"));
        sort.add(Sort.Order.asc("id"));
        return Sort.by(sort);
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        UI ui = attach.getUI();
        unlisten = events.listen(event -> {
            // A burst of state changes (a resync, a migration) becomes one refresh, at most 300 ms late.
            if (event instanceof VmStateChanged && refreshPending.compareAndSet(false, true)) {
                java.util.concurrent.CompletableFuture.delayedExecutor(300, java.util.concurrent.TimeUnit.MILLISECONDS)
                        .execute(() -> ui.access(() -> {
                            refreshPending.set(false);
                            refresh();
                        }));
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        if (unlisten != null) {
            unlisten.run();
        }
    }
}
