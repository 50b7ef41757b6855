package dev.corral.licensing.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import dev.corral.licensing.LicensingViolations;
import dev.corral.ui.PeopleTime;
import java.time.Clock;

/** The violations on the hosts the user sees, newest first, read page by page from the database. */
class ViolationsGrid extends Grid<LicensingViolations.Entry> {

    ViolationsGrid(LicensingViolations violations, Clock clock) {
        addClassName("corral-licensing-violations");
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        setSelectionMode(SelectionMode.NONE);
        addColumn(e -> PeopleTime.relative(e.time(), clock.instant())).setHeader("Time")
                .setTooltipGenerator(e -> PeopleTime.exact(e.time())).setWidth("8rem").setFlexGrow(0);
        addColumn(LicensingViolations.Entry::hostName).setHeader("Host").setAutoWidth(true).setFlexGrow(0);
        addColumn(LicensingViolations.Entry::vmName).setHeader("VM").setAutoWidth(true).setFlexGrow(0);
        addComponentColumn(ViolationsGrid::outcome).setHeader("Outcome").setAutoWidth(true).setFlexGrow(0);
        addColumn(LicensingViolations.Entry::principal).setHeader("By").setAutoWidth(true).setFlexGrow(0);
        addColumn(LicensingViolations.Entry::details).setHeader("Details").setFlexGrow(1).setWidth("20rem")
                .setTooltipGenerator(LicensingViolations.Entry::details);
        setItems(query -> violations.page(null, query.getPage(), query.getPageSize()).stream());
    }

    private static Span outcome(LicensingViolations.Entry e) {
        Span badge = new Span(e.refused() ? "Refused" : "Allowed (audit)");
        badge.addClassNames("corral-badge", e.refused() ? "corral-badge-error" : "corral-badge-warning");
        return badge;
    }
}
