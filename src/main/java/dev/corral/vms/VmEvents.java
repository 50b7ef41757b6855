package dev.corral.vms;

import dev.corral.jobs.JobChanged;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Fans VM state changes and job changes out to the open views that listen. */
@Component
public class VmEvents {

    private final List<Consumer<Object>> listeners = new CopyOnWriteArrayList<>();

    /** Registers a listener for {@link VmStateChanged} and {@link JobChanged}; run the returned handle to stop. */
    public Runnable listen(Consumer<Object> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @EventListener
    void on(VmStateChanged changed) {
        listeners.forEach(l -> l.accept(changed));
    }

    @EventListener
    void on(JobChanged changed) {
        listeners.forEach(l -> l.accept(changed));
    }
}
