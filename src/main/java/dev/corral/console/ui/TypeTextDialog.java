package dev.corral.console.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;

/**
 * Types a text into the VM as keystrokes, for what a VM cannot paste: a password at a sign-in
 * screen, a command at a firmware prompt. The clipboard can fill it where the browser allows.
 */
class TypeTextDialog extends Dialog {

    static final int MAX_LENGTH = 10_000;

    TypeTextDialog(ConsoleScreen screen) {
        setHeaderTitle("Type text into the VM");
        TextArea text = new TextArea("Text");
        text.setWidth("32rem");
        text.setMaxLength(MAX_LENGTH);
        text.setHelperText("Sent as key presses, as if typed on a US keyboard; a new line is Enter.");
        Button paste = new Button("Paste from clipboard", click -> screen.clipboard(clip -> {
            if (clip == null) {
                text.setErrorMessage("The browser did not give the clipboard; paste into the field with Ctrl+V instead.");
                text.setInvalid(true);
            } else {
                text.setInvalid(false);
                text.setValue(clip.length() > MAX_LENGTH ? clip.substring(0, MAX_LENGTH) : clip);
            }
        }));
        Button type = new Button("Type", click -> {
            if (text.getValue().isEmpty()) {
                text.setErrorMessage("Enter the text to type.");
                text.setInvalid(true);
                return;
            }
            screen.type(text.getValue());
            close();
        });
        type.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(text);
        getFooter().add(paste, new Button("Cancel", click -> close()), type);
    }
}
