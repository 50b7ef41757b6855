package dev.corral.vms.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.corral.jobs.JobService;
import dev.corral.jobs.JobView;
import dev.corral.ui.PeopleTime;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/** The latest jobs on one VM: what was done to it, by whom, and how it ended. */
class VmJobHistory extends VerticalLayout {

    static final int SHOWN = 20;

    VmJobHistory(JobService jobs, UUID vmId, Instant now) {
        setPadding(false);
        setSpacing(false);
        setWidthFull();
        addClassName("corral-vm-jobs");
        add(new H3("Job history"));
        List<JobView> latest = jobs.historyOf(vmId, PageRequest.of(0, SHOWN, Sort.by(Sort.Direction.DESC, "createdAt")))
                .getContent();
        if (latest.isEmpty()) {
            add(new Paragraph("No jobs have run on this VM yet."));
            return;
        }
        Grid<JobView> grid = new Grid<>();
        grid.addColumn(j -> PeopleTime.relative(j.createdAt(), now)).setHeader("When").setAutoWidth(true)
                .setTooltipGenerator(j -> PeopleTime.exact(j.createdAt()));
        grid.addColumn(JobView::kind).setHeader("Job").setAutoWidth(true);
        grid.addColumn(j -> j.state().name().toLowerCase()).setHeader("State").setAutoWidth(true);
        grid.addColumn(JobView::requestedBy).setHeader("By").setAutoWidth(true);
        grid.addColumn(JobView::message).setHeader("Message").setFlexGrow(1).setTooltipGenerator(JobView::message);
        grid.setItems(latest);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        add(grid);
    }
}
