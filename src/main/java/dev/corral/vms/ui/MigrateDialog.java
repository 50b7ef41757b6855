package dev.corral.vms.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import dev.corral.base.InvalidInputException;
import dev.corral.hosts.HostSummary;
import dev.corral.vms.VmSnapshots;
import java.util.UUID;

/** Quick migration: picks another host of the VM's cluster; a refusal about the target is shown at the field. */
class MigrateDialog extends Dialog {

    private final ComboBox<HostSummary> target = new ComboBox<>("Target host");

    MigrateDialog(VmSnapshots service, UUID vmId, String vmName, String hostName) {
        setHeaderTitle("Quick-migrate " + vmName);
        target.setItems(service.migrationTargets(vmId));
        target.setItemLabelGenerator(h -> h.name() + " (" + h.cluster() + ")");
        target.setRequiredIndicatorVisible(true);
        target.setWidthFull();
        Paragraph how = new Paragraph(vmName + " is saved on " + hostName + ", handed to the target host and restored "
                + "there, running again if it was running: a few seconds of downtime.");
        how.addClassName("corral-planned-note");
        add(target, how);
        Button migrate = new Button("Start migration", click -> migrate(service, vmId));
        migrate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", click -> close()), migrate);
        setWidth("30rem");
    }

    private void migrate(VmSnapshots service, UUID vmId) {
        target.setInvalid(false);
        try {
            UUID host = target.getValue() == null ? null : target.getValue().id();
            if (Submit.job(() -> service.migrate(vmId, host))) {
                close();
            }
        } catch (InvalidInputException e) {
            target.setErrorMessage(e.getMessage());
            target.setInvalid(true);
        }
    }
}
