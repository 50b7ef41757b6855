package dev.corral.vms.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.corral.access.NotPermittedException;
import dev.corral.base.InvalidInputException;
import dev.corral.base.RuleViolationException;
import dev.corral.engine.VirtualSwitch;
import dev.corral.engine.VmSpec;
import dev.corral.hosts.HostSummary;
import dev.corral.jobs.JobView;
import dev.corral.vms.NewVm;
import dev.corral.vms.VmLease;
import dev.corral.vms.VmService;
import dev.corral.vms.VmTags;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Creates a VM: sizing, disks, network adapters (switch and VLAN), owner, purpose, lease and tags.
 * Everything the service refuses (a field, the quota, the host) is shown at its field or in the
 * form, and nothing typed is lost.
 */
class CreateVmDialog extends Dialog {

    private final VmService vms;
    private final ComboBox<HostSummary> host = new ComboBox<>("Host");
    private final TextField name = new TextField("Name");
    private final IntegerField vcpus = new IntegerField("Virtual processors");
    private final IntegerField memory = new IntegerField("Memory (MiB)");
    private final Select<VmSpec.Architecture> architecture = new Select<>();
    private final ComboBox<VmSpec.GuestOs.Family> family = new ComboBox<>("Guest OS family");
    private final TextField guest = new TextField("Guest OS");
    private final TextField owner = new TextField("Owner");
    private final TextArea purpose = new TextArea("Purpose");
    private final DatePicker leaseEnds = new DatePicker("Lease ends");
    private final Select<VmLease.Action> leaseAction = new Select<>();
    private final TextField tags = new TextField("Tags");
    private final VerticalLayout diskRows = new VerticalLayout();
    private final AdapterEditor adapterEditor = new AdapterEditor();
    private final List<DiskRow> disks = new ArrayList<>();
    private final Paragraph error = new Paragraph();
    private final Paragraph quota = new Paragraph();
    private List<String> switches = List.of();

    CreateVmDialog(VmService vms) {
        this.vms = vms;
        setHeaderTitle("Create a VM");
        host.setItems(vms.hostsForCreation());
        host.setItemLabelGenerator(HostSummary::name);
        quota.addClassName("corral-quota");
        host.addValueChangeListener(change -> hostChosen(change.getValue()));
        name.setMaxLength(VmSpec.MAX_NAME_LENGTH);
        vcpus.setValue(1);
        vcpus.setMin(1);
        vcpus.setStepButtonsVisible(true);
        memory.setValue(2048);
        memory.setMin(32);
        memory.setStep(512);
        architecture.setLabel("Architecture");
        architecture.setItems(VmSpec.Architecture.values());
        architecture.setItemLabelGenerator(a -> a == VmSpec.Architecture.X64 ? "64-bit (x64)" : "32-bit (x86)");
        architecture.setValue(VmSpec.Architecture.X64);
        family.setItems(VmSpec.GuestOs.Family.values());
        family.setValue(VmSpec.GuestOs.Family.LINUX);
        family.setItemLabelGenerator(CreateVmDialog::label);
        guest.setPlaceholder("e.g. Debian 12");
        owner.setHelperText("Leave empty to own it yourself.");
        owner.setEnabled(false);
        purpose.setMaxLength(500);
        purpose.setPlaceholder("Why this VM exists, e.g. build agent for team Atlas");
        leaseEnds.setMin(LocalDate.now().plusDays(1));
        leaseEnds.setClearButtonVisible(true);
        leaseEnds.setHelperText("Optional: the last day the VM is needed.");
        leaseAction.setLabel("When the lease ends");
        leaseAction.setItems(VmLease.Action.values());
        leaseAction.setItemLabelGenerator(VmLease.Action::label);
        leaseAction.setValue(VmLease.Action.NOTIFY);
        tags.setPlaceholder("env=test, team=atlas");
        tags.setHelperText("Comma-separated key=value pairs.");
        error.addClassName("corral-form-error");
        for (HasValidation required : new HasValidation[] {host, name, vcpus, memory}) {
            ((com.vaadin.flow.component.HasValue<?, ?>) required).setRequiredIndicatorVisible(true);
        }
        FormLayout basics = new FormLayout(host, name, vcpus, memory, architecture, family, guest);
        diskRows.setPadding(false);
        diskRows.setSpacing(false);
        Button addDisk = new Button("Add disk", VaadinIcon.PLUS.create(), click -> addDisk(null, 100));
        addDisk.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        FormLayout about = new FormLayout(owner, tags, leaseEnds, leaseAction, purpose);
        about.setColspan(purpose, 2);
        add(basics, new H3("Disks"), diskRows, addDisk, new H3("Network adapters"), adapterEditor,
                new H3("Ownership and lease"), about, quota, error);
        addDisk("system", 40);
        Button create = new Button("Create", click -> create());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", click -> close()), create);
        setWidth("48rem");
        addClassName("corral-create-vm");
    }

    private void hostChosen(HostSummary chosen) {
        quota.setText(chosen == null ? "" : vms.quotaAt(chosen.id()).orElse(""));
        switches = chosen == null ? List.of() : vms.switchesFor(chosen.id()).stream().map(VirtualSwitch::name).toList();
        adapterEditor.setSwitches(switches);
        boolean mayChoose = chosen != null && vms.mayChooseOwner(chosen.id());
        owner.setEnabled(mayChoose);
        owner.setHelperText(mayChoose ? "Leave empty to own it yourself." : "You will own this VM.");
    }

    private void addDisk(String diskName, int sizeGiB) {
        DiskRow row = new DiskRow(disks.size(), diskName, sizeGiB);
        disks.add(row);
        diskRows.add(row.layout);
    }

    private void create() {
        fields().values().forEach(f -> f.setInvalid(false));
        error.setText("");
        try {
            List<NewVm.Disk> diskRequest = disks.stream().map(DiskRow::request).toList();
            List<NewVm.Adapter> adapterRequest = adapterEditor.value();
            Map<String, String> tagMap = VmTags.parse(tags.getValue());
            JobView job = vms.create(new NewVm(host.getValue() == null ? null : host.getValue().id(), name.getValue(),
                    vcpus.getValue(), memory.getValue() == null ? null : memory.getValue().longValue(), architecture.getValue(),
                    family.getValue(), guest.getValue(), null, null, diskRequest, adapterRequest,
                    owner.getValue() == null || owner.getValue().isBlank() ? null : owner.getValue(), purpose.getValue(),
                    leaseEnds.getValue(),
                    leaseEnds.getValue() == null ? null : leaseAction.getValue(), tagMap));
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
        } catch (RuleViolationException | NotPermittedException | dev.corral.engine.EngineException e) {
            error.setText(e.getMessage());
        }
    }

    private Map<String, HasValidation> fields() {
        Map<String, HasValidation> fields = new HashMap<>(Map.of("hostId", host, "name", name, "vcpus", vcpus,
                "memoryMiB", memory, "guestFamily", family, "owner", owner, "purpose", purpose, "leaseExpires", leaseEnds,
                "tags", tags));
        disks.forEach(d -> d.fields(fields));
        adapterEditor.fields(fields);
        return fields;
    }

    private static String label(Enum<?> constant) {
        String text = constant.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** One disk of the form; removing it keeps the others' positions for messages. */
    private final class DiskRow {
        private final TextField diskName = new TextField("Disk name");
        private final Select<VmSpec.DiskKind> kind = new Select<>();
        private final IntegerField size = new IntegerField("Size (GiB)");
        private final HorizontalLayout layout = new HorizontalLayout();

        DiskRow(int index, String initialName, int sizeGiB) {
            diskName.setValue(initialName == null ? "data" + index : initialName);
            diskName.setWidth("10rem");
            kind.setLabel("Kind");
            kind.setItems(VmSpec.DiskKind.FIXED, VmSpec.DiskKind.DYNAMIC);
            kind.setItemLabelGenerator(k -> k == VmSpec.DiskKind.FIXED ? "Fixed size" : "Dynamic");
            kind.setValue(VmSpec.DiskKind.DYNAMIC);
            kind.setWidth("10rem");
            size.setValue(sizeGiB);
            size.setMin(1);
            size.setMax(2040);
            size.setWidth("8rem");
            Button remove = new Button(VaadinIcon.TRASH.create(), click -> {
                disks.remove(this);
                diskRows.remove(layout);
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            remove.setAriaLabel("Remove disk");
            remove.setTooltipText("Remove this disk");
            layout.add(diskName, kind, size, remove);
            layout.setAlignItems(FlexComponent.Alignment.BASELINE);
            layout.addClassName("corral-disk-row");
        }

        NewVm.Disk request() {
            int position = disks.indexOf(this);
            return new NewVm.Disk(diskName.getValue(), kind.getValue(), position == 0 ? VmSpec.Bus.IDE : VmSpec.Bus.SCSI,
                    size.getValue() == null ? null : size.getValue().longValue(), null, null);
        }

        void fields(Map<String, HasValidation> fields) {
            String at = "disks[" + disks.indexOf(this) + "]";
            fields.put(at, size);
            fields.put(at + ".name", diskName);
            fields.put(at + ".sizeGiB", size);
        }
    }
}
