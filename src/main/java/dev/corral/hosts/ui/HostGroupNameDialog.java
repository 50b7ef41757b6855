package dev.corral.hosts.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import dev.corral.access.NotPermittedException;
import dev.corral.base.InvalidInputException;
import java.util.function.Consumer;

/** Asks for a host group's name, for a new group or a rename; the service's refusal shows at the field. */
class HostGroupNameDialog extends Dialog {

    private final TextField name = new TextField("Name");
    private final Paragraph error = new Paragraph();

    HostGroupNameDialog(String title, String initial, String action, Consumer<String> save) {
        setHeaderTitle(title);
        name.setValue(initial == null ? "" : initial);
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(100);
        name.setWidthFull();
        error.addClassName("corral-form-error");
        add(name, error);
        Button confirm = new Button(action, click -> {
            name.setInvalid(false);
            error.setText("");
            try {
                save.accept(name.getValue());
                close();
            } catch (InvalidInputException e) {
                name.setErrorMessage(e.getMessage());
                name.setInvalid(true);
            } catch (NotPermittedException e) {
                error.setText(e.getMessage());
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", click -> close()), confirm);
        setWidth("28rem");
        addOpenedChangeListener(opened -> name.focus());
    }
}
