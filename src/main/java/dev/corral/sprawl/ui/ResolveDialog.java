package dev.corral.sprawl.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.corral.access.CurrentCaller;
import dev.corral.sprawl.FindingResolver;
import dev.corral.sprawl.FindingView;
import dev.corral.sprawl.Resolution;
import dev.corral.vms.VmLease;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Asks for what an action needs (adopt: owner, purpose and an optional lease; extend lease: the new
 * end; reassign: the new owner; ignore: an optional note), then resolves the chosen findings. With
 * one finding a refusal shows at its field and nothing typed is lost; with several, each finding's
 * outcome is reported.
 */
class ResolveDialog extends Dialog {

    private final TextField owner = new TextField("Owner");
    private final TextArea purpose = new TextArea("Purpose");
    private final DatePicker leaseExpires = new DatePicker("Lease ends");
    private final Select<VmLease.Action> leaseAction = new Select<>();
    private final TextField note = new TextField("Note");
    private final Paragraph error = new Paragraph();
    private final Resolution.Action action;
    private final List<FindingView> chosen;
    private final FindingResolver resolver;
    private final Consumer<List<FindingResolver.Outcome>> done;

    ResolveDialog(FindingResolver resolver, Resolution.Action action, List<FindingView> chosen, LocalDate today,
            Consumer<List<FindingResolver.Outcome>> done) {
        this.resolver = resolver;
        this.action = action;
        this.chosen = chosen;
        this.done = done;
        setHeaderTitle(title());
        addClassName("corral-sprawl-dialog");
        error.addClassName("corral-form-error");
        leaseAction.setLabel("When it ends");
        leaseAction.setItems(VmLease.Action.values());
        leaseAction.setItemLabelGenerator(VmLease.Action::label);
        leaseAction.setValue(VmLease.Action.NOTIFY);
        leaseExpires.setMin(today.plusDays(1));
        FormLayout form = new FormLayout();
        switch (action) {
            case ADOPT -> {
                owner.setValue(CurrentCaller.get().user());
                owner.setHelperText("A user name from the directory; naming someone else needs vm.ownership.");
                purpose.setMaxLength(500);
                purpose.setHelperText("Why the VM exists, for whoever finds it next.");
                leaseExpires.setHelperText("Optional: the last day the VM is meant to exist.");
                form.add(owner, leaseExpires, leaseAction, purpose);
                form.setColspan(purpose, 2);
            }
            case EXTEND_LEASE -> {
                leaseExpires.setValue(today.plusDays(30));
                form.add(leaseExpires, leaseAction);
            }
            case REASSIGN -> {
                owner.setValue("");
                owner.setHelperText("The directory user who owns these VMs from now on.");
                form.add(owner);
            }
            default -> {
                note.setHelperText("Optional: why, for the record.");
                note.setMaxLength(500);
                form.add(note);
            }
        }
        add(new Paragraph(what()), form, error);
        Button confirm = new Button(action.label(), click -> submit());
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", click -> close()), confirm);
        setWidth("40rem");
    }

    private String title() {
        return action.label() + (chosen.size() == 1 ? " " + chosen.getFirst().objectName() : " " + chosen.size() + " findings");
    }

    private String what() {
        String objects = chosen.size() == 1 ? chosen.getFirst().objectName()
                : String.join(", ", chosen.stream().limit(5).map(FindingView::objectName).toList())
                        + (chosen.size() > 5 ? " and " + (chosen.size() - 5) + " more" : "");
        return switch (action) {
            case ADOPT -> "Register " + objects + " in the inventory, as found on " + (chosen.size() == 1
                    ? chosen.getFirst().hostName() : "their hosts") + ".";
            case EXTEND_LEASE -> "Give " + objects + " a new lease end, within the longest lease of the host group.";
            case REASSIGN -> "Give " + objects + " a new owner.";
            case IGNORE -> "Ignore the findings on " + objects + ": they stay ignored at the next scans, until re-opened.";
            default -> action.label() + ": " + objects + ".";
        };
    }

    private void submit() {
        fields().values().forEach(f -> f.setInvalid(false));
        error.setText("");
        Resolution resolution = new Resolution(action, owner.getValue(), purpose.getValue(), leaseExpires.getValue(),
                leaseExpires.getValue() == null ? null : leaseAction.getValue(), note.getValue());
        List<UUID> ids = chosen.stream().map(FindingView::id).toList();
        if (ids.size() == 1) {
            try {
                FindingView resolved = resolver.resolve(ids.getFirst(), resolution);
                close();
                done.accept(List.of(new FindingResolver.Outcome(resolved.id(), resolved.objectName(), true,
                        resolved.resolution())));
            } catch (dev.corral.base.InvalidInputException e) {
                HasValidation field = fields().get(e.field());
                if (field == null) {
                    error.setText(e.getMessage());
                } else {
                    field.setErrorMessage(e.getMessage());
                    field.setInvalid(true);
                }
            } catch (dev.corral.base.RuleViolationException e) {
                if (action == Resolution.Action.EXTEND_LEASE || leaseExpires.getValue() != null) {
                    leaseExpires.setErrorMessage(e.getMessage());
                    leaseExpires.setInvalid(true);
                } else {
                    error.setText(e.getMessage());
                }
            } catch (RuntimeException e) {
                if (!e.getClass().getPackageName().startsWith("dev.corral")) {
                    throw e;
                }
                error.setText(e.getMessage());
            }
            return;
        }
        List<FindingResolver.Outcome> outcomes = resolver.resolveAll(ids, resolution);
        close();
        done.accept(outcomes);
    }

    private Map<String, HasValidation> fields() {
        Map<String, HasValidation> fields = new HashMap<>();
        fields.put("owner", owner);
        fields.put("purpose", purpose);
        fields.put("leaseExpires", leaseExpires);
        fields.put("expires", leaseExpires);
        fields.put("note", note);
        return fields;
    }
}
