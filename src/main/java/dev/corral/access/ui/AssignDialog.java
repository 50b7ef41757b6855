package dev.corral.access.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import dev.corral.access.AssignmentService;
import dev.corral.access.NotPermittedException;
import dev.corral.access.PrincipalType;
import dev.corral.access.Quota;
import dev.corral.access.RoleView;
import dev.corral.access.Scope;
import dev.corral.access.directory.DirectoryPrincipal;
import dev.corral.access.directory.DirectorySearch;
import dev.corral.base.InvalidInputException;

/**
 * Assigns a role to a directory user or group at a scope. What the service refuses stays in the
 * form with the reason at the field; nothing the user typed is lost.
 */
class AssignDialog extends Dialog {

    private final RadioButtonGroup<PrincipalType> type = new RadioButtonGroup<>("Assign to");
    private final ComboBox<DirectoryPrincipal> principal = new ComboBox<>("Directory user or group");
    private final ComboBox<RoleView> role = new ComboBox<>("Role");
    private final ComboBox<Scope> scope = new ComboBox<>("Scope");
    private final IntegerField vms = new IntegerField("Quota: VMs");
    private final IntegerField vcpus = new IntegerField("Quota: vCPUs");
    private final IntegerField memoryGiB = new IntegerField("Quota: memory (GiB)");
    private final IntegerField storageGiB = new IntegerField("Quota: storage (GiB)");
    private final Paragraph error = new Paragraph();

    AssignDialog(AssignmentService assignments, DirectorySearch directory, Runnable onAssigned) {
        setHeaderTitle("Assign a role");
        type.setItems(PrincipalType.values());
        type.setItemLabelGenerator(t -> t == PrincipalType.GROUP ? "Group" : "User");
        type.setValue(PrincipalType.GROUP);
        principal.setPlaceholder("Type to search the directory");
        principal.setRequiredIndicatorVisible(true);
        principal.setItemLabelGenerator(p -> p.name() + (p.displayName().equals(p.name()) ? "" : " — " + p.displayName())
                + (p.type() == DirectoryPrincipal.Type.GROUP ? " (group)" : " (user)"));
        principal.setItems(query -> search(directory, query.getFilter().orElse(""), query.getOffset() + query.getLimit())
                .stream().skip(query.getOffset()).limit(query.getLimit()));
        // A name the search cannot offer (a directory without a search account) may still be typed.
        principal.setAllowCustomValue(true);
        principal.addCustomValueSetListener(typed -> principal.setValue(new DirectoryPrincipal(
                type.getValue() == PrincipalType.USER ? DirectoryPrincipal.Type.USER : DirectoryPrincipal.Type.GROUP,
                typed.getDetail().strip(), typed.getDetail().strip(), null)));
        principal.addValueChangeListener(change -> {
            if (change.getValue() != null) {
                type.setValue(change.getValue().type() == DirectoryPrincipal.Type.USER ? PrincipalType.USER : PrincipalType.GROUP);
            }
        });
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
            assignments.assign(new AssignmentService.NewAssignment(type.getValue(),
                    principal.getValue() == null ? null : principal.getValue().name(),
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

    private static java.util.List<DirectoryPrincipal> search(DirectorySearch directory, String text, int limit) {
        try {
            return directory.search(text, Math.min(limit, DirectorySearch.MAX_RESULTS));
        } catch (RuntimeException unavailable) {
            return java.util.List.of();
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
