package dev.corral.vms.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import dev.corral.access.NotPermittedException;
import dev.corral.base.InvalidInputException;
import dev.corral.base.RuleViolationException;
import dev.corral.base.ServiceUnavailableException;
import dev.corral.engine.EngineException;
import dev.corral.engine.VmState;
import dev.corral.jobs.JobConflictException;
import dev.corral.vms.StaleVersionException;
import dev.corral.vms.VmChange;
import dev.corral.vms.VmConfiguration;
import dev.corral.vms.VmNotFoundException;
import dev.corral.vms.VmRow;
import dev.corral.engine.VmSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Changes a VM's processors and memory, and its owner where the user may. The change is made
 * against the version read when the dialog opened; whatever the service refuses is shown here and
 * nothing typed is lost.
 */
class EditVmDialog extends Dialog {

    private final IntegerField vcpus = new IntegerField("Virtual processors");
    private final IntegerField memory = new IntegerField("Memory (MiB)");
    private final TextField owner = new TextField("Owner");
    private final com.vaadin.flow.component.textfield.TextArea purpose = new com.vaadin.flow.component.textfield.TextArea("Purpose");
    private final TextField tags = new TextField("Tags");
    private final AdapterEditor adapterEditor = new AdapterEditor();
    private final List<VmSpec.NetworkAdapter> adaptersBefore;
    private final Paragraph error = new Paragraph();
    private final VmRow vm;
    private final boolean ownerEditable;

    EditVmDialog(VmConfiguration configuration, VmRow vm, dev.corral.vms.VmProvenance about,
            List<VmSpec.NetworkAdapter> adapters) {
        this.adaptersBefore = adapters;
        this.vm = vm;
        this.ownerEditable = configuration.mayChangeOwner(vm.id());
        setHeaderTitle("Edit " + vm.name());
        vcpus.setValue(vm.vcpus());
        vcpus.setMin(1);
        vcpus.setStepButtonsVisible(true);
        memory.setValue(Math.toIntExact(vm.memoryMiB()));
        memory.setMin(32);
        memory.setStep(512);
        if (vm.state() != VmState.OFF) {
            vcpus.setHelperText("Turn the VM off to change this.");
            memory.setHelperText("Turn the VM off to change this.");
        }
        owner.setValue(vm.owner() == null ? "" : vm.owner());
        owner.setHelperText("A user name from the directory.");
        error.addClassName("corral-form-error");
        purpose.setValue(about.purpose() == null ? "" : about.purpose());
        purpose.setMaxLength(500);
        tags.setValue(dev.corral.vms.VmTags.format(about.tags()));
        tags.setHelperText("Comma-separated key=value pairs; they replace the VM's tags.");
        FormLayout form = new FormLayout(vcpus, memory);
        if (ownerEditable) {
            form.add(owner);
        }
        form.add(tags, purpose);
        form.setColspan(purpose, 2);
        adapterEditor.setSwitches(configuration.switchesFor(vm.id()));
        adapterEditor.setAdapters(adapters);
        com.vaadin.flow.component.html.H3 network = new com.vaadin.flow.component.html.H3("Network adapters");
        add(form, network, adapterEditor, error);
        Button save = new Button("Save", click -> save(configuration));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", click -> close()), save);
        setWidth("52rem");
    }

    private void save(VmConfiguration configuration) {
        fields().values().forEach(f -> f.setInvalid(false));
        error.setText("");
        if (vcpus.getValue() == null || memory.getValue() == null) {
            IntegerField empty = vcpus.getValue() == null ? vcpus : memory;
            empty.setErrorMessage(empty == vcpus ? "Give the number of virtual processors." : "Give the memory in MiB.");
            empty.setInvalid(true);
            return;
        }
        try {
            VmChange change = new VmChange(vcpus.getValue(), memory.getValue().longValue(),
                    ownerEditable ? owner.getValue() : null, purpose.getValue(), dev.corral.vms.VmTags.parse(tags.getValue()),
                    adapterChange());
            configuration.configure(vm.id(), vm.version(), change);
            close();
        } catch (InvalidInputException e) {
            HasValidation field = fields().get(e.field());
            if (field == null) {
                error.setText(e.getMessage());
            } else {
                field.setErrorMessage(e.getMessage());
                field.setInvalid(true);
            }
        } catch (StaleVersionException | RuleViolationException | NotPermittedException | EngineException
                | JobConflictException | VmNotFoundException | ServiceUnavailableException e) {
            error.setText(e.getMessage());
        }
    }

    /** The adapters as edited, or null where they are as they were (so that a running VM can still be renamed or retagged). */
    private List<dev.corral.vms.NewVm.Adapter> adapterChange() {
        List<dev.corral.vms.NewVm.Adapter> edited = adapterEditor.value();
        List<dev.corral.vms.NewVm.Adapter> before = adaptersBefore.stream().map(a -> new dev.corral.vms.NewVm.Adapter(a.type(),
                a.switchName(), mode(a.vlan()), a.vlan() instanceof dev.corral.engine.VlanSetting.Access x ? x.tag() : null,
                a.vlan() instanceof dev.corral.engine.VlanSetting.Trunk t ? dev.corral.vms.VlanList.format(t.tags()) : null,
                a.vlan() instanceof dev.corral.engine.VlanSetting.Trunk t ? t.nativeTag() : null, a.mac())).toList();
        return edited.equals(before) ? null : edited;
    }

    private static dev.corral.vms.NewVm.VlanMode mode(dev.corral.engine.VlanSetting vlan) {
        return switch (vlan) {
            case dev.corral.engine.VlanSetting.Untagged u -> dev.corral.vms.NewVm.VlanMode.UNTAGGED;
            case dev.corral.engine.VlanSetting.Access a -> dev.corral.vms.NewVm.VlanMode.ACCESS;
            case dev.corral.engine.VlanSetting.Trunk t -> dev.corral.vms.NewVm.VlanMode.TRUNK;
        };
    }

    private Map<String, HasValidation> fields() {
        Map<String, HasValidation> fields = new HashMap<>(Map.<String, HasValidation>of("vcpus", vcpus, "memoryMiB", memory, "purpose", purpose,
                "tags", tags));
        if (ownerEditable) {
            fields.put("owner", owner);
        }
        adapterEditor.fields(fields);
        return fields;
    }
}
