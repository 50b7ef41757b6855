package dev.corral.vms.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import dev.corral.access.NotPermittedException;
import dev.corral.base.InvalidInputException;
import dev.corral.base.RuleViolationException;
import dev.corral.engine.VmSpec;
import dev.corral.hosts.HostSummary;
import dev.corral.jobs.JobView;
import dev.corral.vms.NewVm;
import dev.corral.vms.VmService;
import java.util.Map;

/**
 * Creates a VM. Everything the service refuses (a field, the quota, the host) is shown in the
 * form and nothing typed is lost.
 */
class CreateVmDialog extends Dialog {

    private final ComboBox<HostSummary> host = new ComboBox<>("Host");
    private final TextField name = new TextField("Name");
    private final IntegerField vcpus = new IntegerField("Virtual processors");
    private final IntegerField memory = new IntegerField("Memory (MiB)");
    private final ComboBox<VmSpec.GuestOs.Family> family = new ComboBox<>("Guest OS family");
    private final TextField guest = new TextField("Guest OS");
    private final IntegerField disk = new IntegerField("System disk (GiB)");
    private final Paragraph error = new Paragraph();
    private final Paragraph quota = new Paragraph();

    CreateVmDialog(VmService vms) {
        setHeaderTitle("Create a VM");
        host.setItems(vms.hostsForCreation());
        host.setItemLabelGenerator(HostSummary::name);
        quota.addClassName("corral-quota");
        host.addValueChangeListener(change -> quota.setText(change.getValue() == null ? ""
                : vms.quotaAt(change.getValue().id()).orElse("")));
        name.setMaxLength(VmSpec.MAX_NAME_LENGTH);
        vcpus.setValue(1);
        vcpus.setMin(1);
        vcpus.setStepButtonsVisible(true);
        memory.setValue(2048);
        memory.setMin(32);
        memory.setStep(512);
        family.setItems(VmSpec.GuestOs.Family.values());
        family.setValue(VmSpec.GuestOs.Family.LINUX);
        family.setItemLabelGenerator(f -> f.name().charAt(0) + f.name().substring(1).toLowerCase());
        guest.setPlaceholder("e.g. Debian 12");
        disk.setValue(40);
        disk.setMin(1);
        error.addClassName("corral-form-error");
        for (HasValidation required : new HasValidation[] {host, name, vcpus, memory}) {
            ((com.vaadin.flow.component.HasValue<?, ?>) required).setRequiredIndicatorVisible(true);
        }
        FormLayout form = new FormLayout(host, name, vcpus, memory, family, guest, disk);
        add(form, quota, error);
        Button create = new Button("Create", click -> create(vms));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", click -> close()), create);
        setWidth("36rem");
    }

    private void create(VmService vms) {
        fields().values().forEach(f -> f.setInvalid(false));
        error.setText("");
        try {
            JobView job = vms.create(new NewVm(host.getValue() == null ? null : host.getValue().id(), name.getValue(),
                    vcpus.getValue(), memory.getValue() == null ? null : memory.getValue().longValue(), VmSpec.Architecture.X64,
                    family.getValue(), guest.getValue(), disk.getValue() == null ? null : disk.getValue().longValue(), null));
            Notification.show(job.message() + ": queued", 3000, Notification.Position.BOTTOM_END);
            close();
        } catch (InvalidInputException e) {
            HasValidation field = fields().get(e.field());
            if (field == null) {
                error.setText(e.getMessage());
            } else {
                field.setErrorMessage(e.getMessage());
                field.setInvalid(true);
            }
        } catch (RuleViolationException | NotPermittedException e) {
            error.setText(e.getMessage());
        }
    }

    private Map<String, HasValidation> fields() {
        return Map.of("hostId", host, "name", name, "vcpus", vcpus, "memoryMiB", memory, "guestFamily", family,
                "diskGiB", disk);
    }
}
