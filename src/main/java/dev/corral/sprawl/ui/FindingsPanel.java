package dev.corral.sprawl.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.corral.hosts.HostGroupSummary;
import dev.corral.sprawl.FindingFilter;
import dev.corral.sprawl.FindingKind;
import dev.corral.sprawl.FindingResolver;
import dev.corral.sprawl.FindingState;
import dev.corral.sprawl.FindingView;
import dev.corral.sprawl.SprawlFindings;
import dev.corral.ui.PeopleTime;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * The findings grid: filtered by kind, state, host group and text, paged and sorted in the database,
 * several selected at once and resolved together by the actions their kinds allow.
 */
class FindingsPanel extends VerticalLayout {

    private final SprawlFindings findings;
    private final Clock clock;
    private final Grid<FindingView> grid = new Grid<>(FindingView.class, false);
    private final ComboBox<FindingKind> kind = new ComboBox<>();
    private final Select<String> state = new Select<>();
    private final ComboBox<HostGroupSummary> hostGroup = new ComboBox<>();
    private final TextField search = new TextField();
    private final Span count = new Span();
    private final FindingActions actions;

    FindingsPanel(SprawlFindings findings, FindingResolver resolver, List<HostGroupSummary> groups, Clock clock,
            Runnable changed) {
        this.findings = findings;
        this.clock = clock;
        addClassName("corral-sprawl-findings");
        setPadding(false);
        setSpacing(false);
        configureFilters(groups);
        actions = new FindingActions(resolver, clock, grid::getSelectedItems, changed);
        configureGrid();
        HorizontalLayout filters = new HorizontalLayout(kind, state, hostGroup, search, count);
        filters.addClassName("corral-sprawl-filters");
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        filters.setWidthFull();
        filters.expand(count);
        add(filters, actions, grid);
        actions.update();
    }

    /** Shows only findings of this kind (null: every kind). */
    void showKind(FindingKind chosen) {
        kind.setValue(chosen);
    }

    void refresh() {
        grid.getDataProvider().refreshAll();
        grid.deselectAll();
        actions.update();
    }

    private void configureFilters(List<HostGroupSummary> groups) {
        kind.setPlaceholder("Any kind");
        kind.setAriaLabel("Kind");
        kind.setItems(FindingKind.values());
        kind.setItemLabelGenerator(FindingKind::label);
        kind.setClearButtonVisible(true);
        kind.setWidth("12rem");
        state.setAriaLabel("State");
        state.setItems("Open", "Ignored", "Resolved", "All");
        state.setValue("Open");
        state.setWidth("8rem");
        hostGroup.setPlaceholder("Host group");
        hostGroup.setAriaLabel("Host group");
        hostGroup.setItems(groups);
        hostGroup.setItemLabelGenerator(HostGroupSummary::path);
        hostGroup.setClearButtonVisible(true);
        hostGroup.setWidth("10rem");
        search.setPlaceholder("VM, host or owner");
        search.setAriaLabel("Filter findings");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.setWidth("12rem");
        count.addClassName("corral-sprawl-count");
        kind.addValueChangeListener(e -> refresh());
        state.addValueChangeListener(e -> refresh());
        hostGroup.addValueChangeListener(e -> refresh());
        search.addValueChangeListener(e -> refresh());
    }

    FindingFilter filter() {
        FindingState chosen = switch (state.getValue() == null ? "Open" : state.getValue()) {
            case "Ignored" -> FindingState.IGNORED;
            case "Resolved" -> FindingState.RESOLVED;
            case "All" -> null;
            default -> FindingState.OPEN;
        };
        return new FindingFilter(kind.getValue(), chosen, hostGroup.getValue() == null ? null : hostGroup.getValue().id(),
                null, null, search.getValue());
    }

    private void configureGrid() {
        grid.addClassName("corral-sprawl-grid");
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addComponentColumn(FindingsPanel::kindBadge).setHeader("Kind").setKey("kind").setSortable(true)
                .setWidth("10rem").setFlexGrow(0);
        grid.addComponentColumn(FindingsPanel::object).setHeader("Object").setKey("objectName").setSortable(true)
                .setWidth("10rem").setFlexGrow(1);
        grid.addComponentColumn(FindingsPanel::host).setHeader("Host").setWidth("7rem").setFlexGrow(0);
        grid.addColumn(f -> f.owner() == null ? "—" : f.owner()).setHeader("Owner").setKey("owner").setSortable(true)
                .setWidth("6.5rem").setFlexGrow(0);
        grid.addComponentColumn(this::since).setHeader("Since").setKey("since").setSortable(true).setWidth("7.5rem")
                .setFlexGrow(0);
        grid.addColumn(FindingsPanel::details).setHeader("Details").setFlexGrow(3)
                .setTooltipGenerator(FindingsPanel::details);
        grid.setEmptyStateText("No findings match. The scan reports sprawl on the hosts and VMs you may see.");
        grid.setWidthFull();
        grid.setHeight("24rem");
        grid.setMultiSort(false);
        grid.setItems(new CallbackDataProvider<FindingView, Void>(
                query -> findings.list(filter(), PageRequest.of(query.getPage(), query.getPageSize(),
                        sort(query.getSortOrders()))).stream(),
                query -> {
                    long total = findings.count(filter());
                    count.setText(total == 1 ? "1 finding" : String.format(Locale.ROOT, "%,d findings", total));
                    return (int) Math.min(Integer.MAX_VALUE, total);
                }, FindingView::id));
        grid.addSelectionListener(e -> actions.update());
    }

    private static Sort sort(List<QuerySortOrder> orders) {
        List<Sort.Order> sort = new ArrayList<>();
        orders.forEach(o -> sort.add(o.getDirection() == SortDirection.ASCENDING ? Sort.Order.asc(o.getSorted())
                : Sort.Order.desc(o.getSorted())));
        if (sort.isEmpty()) {
            sort.add(Sort.Order.desc("since"));
        }
        sort.add(Sort.Order.asc("id"));
        return Sort.by(sort);
    }

    static Span kindBadge(FindingView f) {
        Span badge = new Span(f.kind().label());
        badge.addClassNames("corral-sprawl-kind", "corral-sprawl-kind-" + f.kind().code());
        if (f.state() != FindingState.OPEN) {
            badge.setText(f.kind().label() + " · " + f.state().name().toLowerCase(Locale.ROOT));
        }
        return badge;
    }

    private static Component object(FindingView f) {
        boolean registered = f.vmId() != null && f.kind() != FindingKind.UNMANAGED;
        if (registered && f.kind() != FindingKind.MISSING) {
            return new Anchor("vms/" + f.vmId(), f.objectName());
        }
        if (f.kind() == FindingKind.OVERCOMMITTED && f.hostId() != null) {
            return new Anchor("hosts/" + f.hostId(), f.objectName());
        }
        return new Span(f.objectName());
    }

    private static Component host(FindingView f) {
        Span group = new Span(f.hostGroup() == null ? "" : f.hostGroup());
        group.addClassName("corral-sprawl-group");
        Div cell = new Div(new Span(f.hostName() == null ? "—" : f.hostName()), group);
        cell.addClassName("corral-sprawl-host-cell");
        return cell;
    }

    private Component since(FindingView f) {
        Span since = new Span(f.since() == null ? "—" : PeopleTime.relative(f.since(), clock.instant()));
        if (f.since() != null) {
            since.setTitle(PeopleTime.exact(f.since()));
        }
        return since;
    }

    private static String details(FindingView f) {
        return f.resolution() == null || f.state() == FindingState.OPEN ? f.details() : f.details() + " — " + f.resolution()
                + (f.closedBy() == null ? "" : " (" + f.closedBy() + ")");
    }
}
