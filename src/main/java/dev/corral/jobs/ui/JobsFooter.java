package dev.corral.jobs.ui;

import com.vaadin.flow.component.Component;
import dev.corral.jobs.JobEvents;
import dev.corral.jobs.JobService;
import dev.corral.ui.ShellFooter;
import java.time.Clock;
import java.util.Optional;

/** Puts the recent jobs strip along the bottom of the shell. */
@org.springframework.stereotype.Component
class JobsFooter implements ShellFooter {

    private final JobService jobs;
    private final JobEvents events;
    private final Clock clock;

    JobsFooter(JobService jobs, JobEvents events, Clock clock) {
        this.jobs = jobs;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Optional<Component> create() {
        return Optional.of(new JobsStrip(jobs, events, clock));
    }
}
