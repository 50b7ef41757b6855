package dev.corral.hosts.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import dev.corral.access.NotPermittedException;
import dev.corral.base.InvalidInputException;
import dev.corral.base.NotFoundException;
import dev.corral.engine.EngineException;
import dev.corral.hosts.HostAdministration;
import dev.corral.hosts.HostDetails;
import dev.corral.jobs.JobConflictException;
import dev.corral.jobs.JobView;
import java.util.List;
import java.util.Optional;

/** Enters or leaves maintenance mode; entering asks first, naming the VMs that will be moved. */
final class MaintenanceButton {

    private MaintenanceButton() {
    }

    static Button of(HostAdministration administration, HostDetails details, Runnable changed) {
        boolean in = details.maintenance();
        Button button = new Button(in ? "Leave maintenance mode" : "Enter maintenance mode");
        button.addClassName("corral-maintenance-button");
        Optional<String> whyNot = administration.whyNotToggleMaintenance(details.host().id());
        if (whyNot.isPresent()) {
            button.setEnabled(false);
            button.setTooltipText(whyNot.get());
        }
        button.addClickListener(click -> {
            if (in) {
                run(() -> {
                    administration.exitMaintenance(details.host().id());
                    notify(details.host().name() + " is out of maintenance mode.");
                }, changed);
            } else {
                confirmEnter(administration, details, changed);
            }
        });
        return button;
    }

    private static void confirmEnter(HostAdministration administration, HostDetails details, Runnable changed) {
        String name = details.host().name();
        List<String> vms = administration.vmsToEvacuate(details.host().id());
        String moved = vms.isEmpty() ? "No VM runs on " + name + ", so none will be moved."
                : "These running or paused VMs will be quick-migrated to other hosts of cluster " + details.host().cluster()
                        + ", with seconds of downtime each: " + String.join(", ", vms) + ".";
        ConfirmDialog confirm = new ConfirmDialog("Put " + name + " in maintenance mode?", moved
                + " While in maintenance mode, " + name + " receives no new or migrated VMs.", "Enter maintenance",
                yes -> run(() -> {
                    List<JobView> jobs = administration.enterMaintenance(details.host().id());
                    notify(name + " is in maintenance mode" + (jobs.isEmpty() ? "."
                            : "; " + jobs.size() + " migration job" + (jobs.size() == 1 ? "" : "s") + " started."));
                }, changed));
        confirm.setCancelable(true);
        confirm.open();
    }

    private static void run(Runnable action, Runnable changed) {
        try {
            action.run();
        } catch (InvalidInputException | NotPermittedException | NotFoundException | EngineException
                | JobConflictException e) {
            Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        changed.run();
    }

    private static void notify(String message) {
        Notification.show(message, 5000, Notification.Position.BOTTOM_END);
    }
}
