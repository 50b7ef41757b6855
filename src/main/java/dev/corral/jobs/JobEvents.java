package dev.corral.jobs;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Fans job changes out to the open views that listen, such as the jobs strip. */
@Component
public class JobEvents {

    private final List<Consumer<JobView>> listeners = new CopyOnWriteArrayList<>();

    /** Registers a listener for every job change; run the returned handle to stop. */
    public Runnable listen(Consumer<JobView> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @EventListener
    void on(JobChanged changed) {
        listeners.forEach(l -> l.accept(changed.job()));
    }
}
