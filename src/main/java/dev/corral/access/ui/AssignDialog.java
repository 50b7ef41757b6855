package dev.corral.access.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import dev.corral.access.AssignmentService;
import dev.corral.access.NotPermittedException;
import dev.corral.access.PrincipalType;
import dev.corral.access.Quota;
import dev.corral.access.RoleView;
import dev.corral.access.Scope;
import dev.corral.base.InvalidInputException;

/**
 * Assigns a role to a directory user or group at a scope. What the service refuses stays in the
 * form with the reason at the field; nothing the user typed is lost.
 */
class AssignDialog extends Dialog {

    private final RadioButtonGroup<PrincipalType> type = new RadioButtonGroup<>("Assign to");
    private final TextField principal = new TextField("Directory name");
    private final ComboBox<RoleView> role = new ComboBox<>("Role");
    private final ComboBox<Scope> scope = new ComboBox<>("Scope");
    private final IntegerField vms = new IntegerField("Quota: VMs");
    private final IntegerField vcpus = new IntegerField("Quota: vCPUs");
    private final IntegerField memoryGiB = new IntegerField("Quota: memory (GiB)");
    private final IntegerField storageGiB = new IntegerField("Quota: storage (GiB)");
    private final Paragraph error = new Paragraph();

    AssignDialog(AssignmentService assignments, Runnable onAssigned) {
        setHeaderTitle("Assign a role");
        type.setItems(PrincipalType.values());
        type.setItemLabelGenerator(t -> t == PrincipalType.GROUP ? "Group" : "User");
        type.setValue(PrincipalType.GROUP);
        principal.setPlaceholder("e.g. branch-operators");
        principal.setRequiredIndicatorVisible(true);
        principal.setMaxLength(256);
        role.setItems(assignments.roles());
        role.setItemLabelGenerator(RoleView::name);
        role.setRequiredIndicatorVisible(true);
        scope.setItems(assignments.assignableScopes());
        scope.setItemLabelGenerator(assignments::describe);
        scope.setRequiredIndicatorVisible(true);
        for (IntegerField field : new IntegerField[] {vms, vcpus, memoryGiB, storageGiB}) {
            field.setMin(0);
            field.setPlaceholder("unlimited");
            field.setVisible(false);
        }
        role.addValueChangeListener(change -> {
            boolean quota = change.getValue() != null && change.getValue().ownedVmsOnly();
            for (IntegerField field : new IntegerField[] {vms, vcpus, memoryGiB, storageGiB}) {
                field.setVisible(quota);
            }
        });
        error.addClassName("corral-form-error");
        FormLayout form = new FormLayout(type, principal, role, scope, vms, vcpus, memoryGiB, storageGiB);
        form.setColspan(type, 2);
        add(form, error);
        Button assign = new Button("Assign", click -> assign(assignments, onAssigned));
        assign.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", click -> close()), assign);
        setWidth("36rem");
    }

    private void assign(AssignmentService assignments, Runnable onAssigned) {
        clearErrors();
        if (role.isEmpty() || scope.isEmpty()) {
            role.setInvalid(role.isEmpty());
            role.setErrorMessage("Choose a role.");
            scope.setInvalid(scope.isEmpty());
            scope.setErrorMessage("Choose where the role applies.");
            return;
        }
        try {
            assignments.assign(new AssignmentService.NewAssignment(type.getValue(), principal.getValue(),
                    role.getValue().id(), scope.getValue(), quota()));
            onAssigned.run();
            close();
        } catch (InvalidInputException e) {
            switch (e.field()) {
                case "principalName" -> show(principal, e.getMessage());
                case "roleId" -> show(role, e.getMessage());
                default -> error.setText(e.getMessage());
            }
        } catch (NotPermittedException | IllegalArgumentException e) {
            error.setText(e.getMessage());
        }
    }

    private Quota quota() {
        if (!vms.isVisible()) {
            return Quota.NONE;
        }
        return new Quota(vms.getValue(), vcpus.getValue(),
                memoryGiB.getValue() == null ? null : memoryGiB.getValue() * 1024L,
                storageGiB.getValue() == null ? null : storageGiB.getValue().longValue());
    }

    private void clearErrors() {
        principal.setInvalid(false);
        role.setInvalid(false);
        scope.setInvalid(false);
        error.setText("");
    }

    private static void show(com.vaadin.flow.component.HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }
}
