package dev.corral.vms.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import dev.corral.access.NotPermittedException;
import dev.corral.engine.EngineException;
import dev.corral.jobs.JobConflictException;
import dev.corral.jobs.JobView;
import dev.corral.vms.VmNotFoundException;
import java.util.function.Supplier;

/** Queues a VM job from a button: "queued" at once, or the refusal as a sentence. */
final class Submit {

    private Submit() {
    }

    /** Whether the job was queued. */
    static boolean job(Supplier<JobView> operation) {
        try {
            JobView job = operation.get();
            Notification.show(job.message() + ": queued", 3000, Notification.Position.BOTTOM_END);
            return true;
        } catch (NotPermittedException | EngineException | JobConflictException | VmNotFoundException
                | dev.corral.base.RuleViolationException | dev.corral.base.ServiceUnavailableException e) {
            Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
            return false;
        }
    }
}
