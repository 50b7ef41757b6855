package dev.corral.access.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.corral.access.NotPermittedException;
import dev.corral.access.Permission;
import dev.corral.access.RoleService;
import dev.corral.base.InvalidInputException;
import java.util.stream.Collectors;

/** Makes a custom role from permissions; the service refuses any its maker does not hold everywhere. */
class RoleDialog extends Dialog {

    private final TextField name = new TextField("Name");
    private final TextArea description = new TextArea("Description");
    private final CheckboxGroup<Permission> permissions = new CheckboxGroup<>("Permissions");
    private final Paragraph error = new Paragraph();

    RoleDialog(RoleService roles, Runnable onCreated) {
        setHeaderTitle("New role");
        name.setMaxLength(100);
        name.setRequiredIndicatorVisible(true);
        name.setWidthFull();
        description.setMaxLength(500);
        description.setWidthFull();
        permissions.setItems(Permission.values());
        permissions.setItemLabelGenerator(p -> p.code() + " — " + p.description());
        error.addClassName("corral-form-error");
        VerticalLayout form = new VerticalLayout(name, description, permissions, error);
        form.setPadding(false);
        add(form);
        Button create = new Button("Create role", click -> {
            name.setInvalid(false);
            permissions.setInvalid(false);
            error.setText("");
            try {
                roles.create(name.getValue(), description.getValue(),
                        permissions.getValue().stream().map(Permission::code).collect(Collectors.toSet()));
                onCreated.run();
                close();
            } catch (InvalidInputException e) {
                if (e.field().equals("permissions")) {
                    permissions.setErrorMessage(e.getMessage());
                    permissions.setInvalid(true);
                } else if (e.field().equals("name")) {
                    name.setErrorMessage(e.getMessage());
                    name.setInvalid(true);
                } else {
                    error.setText(e.getMessage());
                }
            } catch (NotPermittedException e) {
                error.setText(e.getMessage());
            }
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", click -> close()), create);
        setWidth("40rem");
    }
}
