package dev.corral.vms.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import dev.corral.base.InvalidInputException;
import dev.corral.engine.VmSpec;
import dev.corral.vms.VmSnapshots;
import java.util.UUID;

/** Asks the new snapshot's name; a name the service refuses is shown at the field, as typed. */
class TakeSnapshotDialog extends Dialog {

    private final TextField name = new TextField("Snapshot name");

    TakeSnapshotDialog(VmSnapshots snapshots, UUID vmId, String vmName) {
        this(snapshots, vmId, vmName, null);
    }

    /** With a snapshot: renames it instead of taking a new one. */
    TakeSnapshotDialog(VmSnapshots snapshots, UUID vmId, String vmName, dev.corral.engine.SnapshotInfo renaming) {
        setHeaderTitle(renaming == null ? "Take a snapshot of " + vmName : "Rename snapshot " + renaming.name());
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(VmSpec.MAX_NAME_LENGTH);
        name.setPlaceholder("e.g. before-patch");
        name.setWidthFull();
        Paragraph hint = new Paragraph(renaming != null ? "Only the name changes: the snapshot keeps what it holds and "
                + "its place in the tree." : "The snapshot keeps " + vmName + "'s state, disks and configuration as they are "
                + "now. " + SnapshotSection.WARNING);
        if (renaming != null) {
            name.setValue(renaming.name());
        }
        hint.addClassName("corral-planned-note");
        add(name, hint);
        Button take = new Button(renaming == null ? "Take" : "Rename", click -> take(snapshots, vmId, renaming));
        take.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        take.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
        getFooter().add(new Button("Cancel", click -> close()), take);
        setWidth("30rem");
        addOpenedChangeListener(opened -> name.focus());
    }

    private void take(VmSnapshots snapshots, UUID vmId, dev.corral.engine.SnapshotInfo renaming) {
        name.setInvalid(false);
        try {
            if (Submit.job(() -> renaming == null ? snapshots.createSnapshot(vmId, name.getValue())
                    : snapshots.renameSnapshot(vmId, renaming.id(), name.getValue()))) {
                close();
            }
        } catch (InvalidInputException e) {
            name.setErrorMessage(e.getMessage());
            name.setInvalid(true);
        }
    }
}
