package dev.corral.jobs.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.progressbar.ProgressBar;
import dev.corral.jobs.JobEvents;
import dev.corral.jobs.JobService;
import dev.corral.jobs.JobState;
import dev.corral.jobs.JobView;
import dev.corral.ui.PeopleTime;
import java.time.Clock;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The recent jobs strip along the bottom of every page: collapsed, the latest job and how many
 * run; expanded, the last five jobs the user may see, each with its state, progress and message.
 * Kept current by server push as jobs change.
 */
@StyleSheet("context://styles/jobs.css")
class JobsStrip extends Div {

    static final int SHOWN = 5;

    private final JobService jobs;
    private final JobEvents events;
    private final Clock clock;
    private final Button toggle = new Button();
    private final Div latest = new Div();
    private final Div list = new Div();
    private SecurityContext viewer;
    private Runnable unlisten;
    private boolean expanded;

    JobsStrip(JobService jobs, JobEvents events, Clock clock) {
        this.jobs = jobs;
        this.events = events;
        this.clock = clock;
        addClassName("corral-jobs-strip");
        getElement().setAttribute("role", "region");
        getElement().setAttribute("aria-label", "Recent jobs");
        toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        toggle.addClickListener(click -> setExpanded(!expanded));
        latest.addClassName("corral-jobs-latest");
        list.addClassName("corral-jobs-list");
        Div bar = new Div(toggle, latest);
        bar.addClassName("corral-jobs-bar");
        add(bar, list);
        setExpanded(false);
    }

    private void setExpanded(boolean open) {
        expanded = open;
        toggle.setIcon((open ? VaadinIcon.CHEVRON_DOWN : VaadinIcon.CHEVRON_UP).create());
        toggle.setText("Recent jobs");
        toggle.getElement().setAttribute("aria-expanded", String.valueOf(open));
        toggle.setTooltipText(open ? "Hide the recent jobs" : "Show the last " + SHOWN + " jobs");
        list.setVisible(open);
        latest.setVisible(!open);
        getElement().getClassList().set("corral-jobs-strip-open", open);
    }

    private void refresh() {
        List<JobView> recent = jobs.list(null, null, PageRequest.of(0, SHOWN, Sort.by(Sort.Direction.DESC, "createdAt")))
                .getContent();
        latest.removeAll();
        list.removeAll();
        if (recent.isEmpty()) {
            latest.add(new Span("No jobs yet: starting, saving, migrating or changing a VM shows here."));
            list.add(new Span("No jobs yet."));
            return;
        }
        long running = recent.stream().filter(j -> j.state().isActive()).count();
        if (running > 0) {
            Span count = new Span(running + " under way");
            count.addClassName("corral-jobs-count");
            latest.add(count);
        }
        latest.add(row(recent.getFirst()));
        recent.forEach(job -> list.add(row(job)));
    }

    private Div row(JobView job) {
        Span state = new Span(label(job.state()));
        state.addClassNames("corral-job-state", "corral-job-state-" + job.state().name().toLowerCase());
        Span message = new Span(job.message() == null ? job.kind() : job.message());
        message.addClassName("corral-job-message");
        message.setTitle(job.message() == null ? job.kind() : job.message());
        Span when = new Span(PeopleTime.relative(job.createdAt(), clock.instant()));
        when.addClassName("corral-job-time");
        when.setTitle(PeopleTime.exact(job.createdAt()) + " · requested by " + job.requestedBy());
        Div row = new Div(state);
        if (job.state() == JobState.RUNNING) {
            ProgressBar progress = new ProgressBar(0, 100, job.progress());
            progress.addClassName("corral-job-progress");
            progress.getElement().setAttribute("aria-label", job.progress() + "% done");
            row.add(progress);
        }
        row.add(message, when);
        row.addClassName("corral-job");
        return row;
    }

    private static String label(JobState state) {
        return state.name().charAt(0) + state.name().substring(1).toLowerCase();
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        UI ui = attach.getUI();
        // Job changes arrive on other users' and jobs' threads: list as the user who sees this strip.
        viewer = SecurityContextHolder.createEmptyContext();
        viewer.setAuthentication(SecurityContextHolder.getContext().getAuthentication());
        refresh();
        unlisten = events.listen(job -> ui.access(() -> asViewer(this::refresh)));
    }

    private void asViewer(Runnable action) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(viewer);
        try {
            action.run();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        if (unlisten != null) {
            unlisten.run();
            unlisten = null;
        }
    }
}
