package dev.corral.network.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.corral.base.InvalidInputException;
import dev.corral.engine.HostFacts;
import dev.corral.engine.VirtualSwitch;
import dev.corral.network.HostAdapters;
import dev.corral.network.HostChoice;
import dev.corral.network.HostNetworks;
import dev.corral.network.NetworkRuleViolation;
import dev.corral.network.NewSwitch;
import dev.corral.network.SwitchChange;
import dev.corral.network.SwitchRow;
import dev.corral.network.VirtualSwitches;
import dev.corral.network.VlanPolicy;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Creates a switch (host, name, kind, an external switch's adapter, the VLANs it carries) or
 * changes one (its VLANs and an external switch's adapter). The VLANs are checked as they are
 * typed; every refusal appears at its field and nothing typed is lost. Binding to the host's
 * management adapter asks first, stating the risk.
 */
final class SwitchDialog extends Dialog {

    private final VirtualSwitches service;
    private final HostNetworks networks;
    private final SwitchRow editing;
    private final Runnable done;
    private final ComboBox<HostChoice> host = new ComboBox<>("Host");
    private final TextField name = new TextField("Name");
    private final RadioButtonGroup<VirtualSwitch.Kind> kind = new RadioButtonGroup<>("Kind");
    private final ComboBox<HostAdapters.Adapter> adapter = new ComboBox<>("Physical adapter");
    private final TextField vlans = new TextField("VLANs carried");
    private final Paragraph error = new Paragraph();
    private final Button save = new Button();

    private SwitchDialog(VirtualSwitches service, HostNetworks networks, SwitchRow editing, Runnable done) {
        this.service = service;
        this.networks = networks;
        this.editing = editing;
        this.done = done;
        addClassName("corral-switch-dialog");
        kind.setItems(VirtualSwitch.Kind.values());
        kind.setItemLabelGenerator(SwitchDialog::kindLabel);
        kind.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        adapter.setItemLabelGenerator(SwitchDialog::adapterLabel);
        adapter.setHelperText("Only an Ethernet adapter that backs no other switch can be bound.");
        vlans.setPlaceholder("any VLAN");
        vlans.setHelperText("A list and ranges, such as 10, 20, 100-110 (each 1 to 4094). Empty: the switch carries any VLAN.");
        vlans.setValueChangeMode(ValueChangeMode.LAZY);
        vlans.addValueChangeListener(change -> checkVlans());
        error.addClassName("corral-form-error");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> submit(false));
        getFooter().add(new Button("Cancel", click -> close()), save);
        setWidth("36rem");
    }

    /** Opens the dialog for a new switch, on the host chosen in the filter if the user manages it. */
    static void create(VirtualSwitches service, HostNetworks networks, HostChoice preselected, Runnable done) {
        SwitchDialog dialog = new SwitchDialog(service, networks, null, done);
        dialog.setHeaderTitle("Create a virtual switch");
        List<HostChoice> hosts = service.manageableHosts();
        dialog.host.setItems(hosts);
        dialog.host.setItemLabelGenerator(h -> h.name() + " (" + h.hostGroup() + ")");
        dialog.host.setRequiredIndicatorVisible(true);
        dialog.host.addValueChangeListener(change -> dialog.loadAdapters(null));
        dialog.name.setRequiredIndicatorVisible(true);
        dialog.kind.setRequiredIndicatorVisible(true);
        dialog.kind.setValue(VirtualSwitch.Kind.EXTERNAL);
        dialog.kind.addValueChangeListener(change -> dialog.adapter.setVisible(change.getValue() == VirtualSwitch.Kind.EXTERNAL));
        if (preselected != null && hosts.contains(preselected)) {
            dialog.host.setValue(preselected);
        } else if (hosts.size() == 1) {
            dialog.host.setValue(hosts.getFirst());
        }
        dialog.save.setText("Create");
        FormLayout form = new FormLayout(dialog.host, dialog.name, dialog.kind, dialog.adapter, dialog.vlans);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 2));
        form.setColspan(dialog.kind, 2);
        form.setColspan(dialog.adapter, 2);
        form.setColspan(dialog.vlans, 2);
        dialog.add(form, dialog.error);
        dialog.open();
        dialog.name.focus();
    }

    /** Opens the dialog on an existing switch: its VLANs, and an external switch's adapter. */
    static void edit(VirtualSwitches service, HostNetworks networks, SwitchRow row, Runnable done) {
        SwitchDialog dialog = new SwitchDialog(service, networks, row, done);
        dialog.setHeaderTitle("Edit switch " + row.name() + " on " + row.hostName());
        Paragraph what = new Paragraph(kindLabel(row.kind()) + ". A switch's name and kind do not change.");
        what.addClassName("corral-planned-note");
        dialog.vlans.setValue(row.allowedVlans());
        dialog.save.setText("Save");
        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        if (row.kind() == VirtualSwitch.Kind.EXTERNAL) {
            dialog.loadAdapters(row);
            form.add(dialog.adapter);
        }
        form.add(dialog.vlans);
        dialog.add(what, form, dialog.error);
        dialog.open();
        dialog.vlans.focus();
    }

    private void loadAdapters(SwitchRow row) {
        adapter.clear();
        if (row == null && host.getValue() == null) {
            adapter.setItems(List.of());
            return;
        }
        List<HostAdapters> read = networks.list(row == null ? host.getValue().id() : row.hostId(), null);
        List<HostAdapters.Adapter> choices = read.isEmpty() ? List.of() : read.getFirst().adapters();
        adapter.setItems(choices);
        if (row != null) {
            choices.stream().filter(a -> a.name().equals(row.physicalAdapter())).findFirst().ifPresent(adapter::setValue);
        } else {
            choices.stream().filter(a -> a.medium() == HostFacts.PhysicalAdapter.Medium.ETHERNET && a.backs() == null
                    && !a.management()).findFirst().ifPresent(adapter::setValue);
        }
    }

    private boolean checkVlans() {
        try {
            VlanPolicy.parse(vlans.getValue(), "allowedVlans");
            vlans.setInvalid(false);
            return true;
        } catch (InvalidInputException e) {
            vlans.setErrorMessage(e.getMessage());
            vlans.setInvalid(true);
            return false;
        }
    }

    private void submit(boolean confirmed) {
        fields().values().forEach(f -> f.setInvalid(false));
        error.setText("");
        String adapterName = adapter.isVisible() && adapter.getValue() != null ? adapter.getValue().name() : null;
        try {
            SwitchRow saved;
            if (editing == null) {
                saved = service.create(new NewSwitch(host.getValue() == null ? null : host.getValue().id(), name.getValue(),
                        kind.getValue(), kind.getValue() == VirtualSwitch.Kind.EXTERNAL ? adapterName : null,
                        vlans.getValue(), confirmed));
            } else {
                saved = service.change(editing.id(), new SwitchChange(editing.kind() == VirtualSwitch.Kind.EXTERNAL
                        ? Optional.ofNullable(adapterName).orElse("") : null, vlans.getValue(), confirmed));
            }
            Notification.show((editing == null ? "Created" : "Saved") + " switch " + saved.name() + " on "
                    + saved.hostName() + ".", 4000, Notification.Position.BOTTOM_END)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            close();
            done.run();
        } catch (InvalidInputException e) {
            at(e.field(), e.getMessage());
        } catch (NetworkRuleViolation e) {
            if (e.needsConfirmation()) {
                confirmManagementAdapter(adapterName);
            } else {
                at(e.field(), e.getMessage());
            }
        } catch (RuntimeException e) {
            // Not permitted, gone, a host that does not answer or refuses: said in the dialog, which stays open.
            error.setText(e.getMessage());
        }
    }

    private void confirmManagementAdapter(String adapterName) {
        String switchName = editing == null ? name.getValue().strip() : editing.name();
        String hostName = editing == null ? host.getValue().name() : editing.hostName();
        ConfirmDialog confirm = new ConfirmDialog("Bind " + switchName + " to the management adapter?", adapterName
                + " is the management adapter of " + hostName + ", the one you and Corral reach the host by. Binding "
                + "switch " + switchName + " to it hands the adapter to the switch: the host can lose its management "
                + "connection, and its own traffic then shares the adapter with the VMs'.", "Bind to " + adapterName,
                yes -> submit(true));
        confirm.setConfirmButtonTheme("error primary");
        confirm.setCancelable(true);
        confirm.setCancelText("Choose another adapter");
        confirm.addClassName("corral-management-confirm");
        confirm.open();
    }

    private void at(String field, String message) {
        HasValidation target = field == null ? null : fields().get(field);
        if (target == null || target instanceof com.vaadin.flow.component.Component c && !c.isVisible()) {
            error.setText(message);
            return;
        }
        target.setErrorMessage(message);
        target.setInvalid(true);
    }

    private Map<String, HasValidation> fields() {
        return Map.of("hostId", host, "name", name, "kind", kind, "physicalAdapter", adapter, "allowedVlans", vlans);
    }

    static String kindLabel(VirtualSwitch.Kind kind) {
        return switch (kind) {
            case EXTERNAL -> "External: bound to a physical Ethernet adapter; VMs reach the physical network";
            case INTERNAL -> "Internal: VMs and the host reach each other";
            case PRIVATE -> "Private: only the VMs on the host reach each other";
        };
    }

    private static String adapterLabel(HostAdapters.Adapter a) {
        StringBuilder label = new StringBuilder(a.name()).append(" · ").append(switch (a.medium()) {
            case ETHERNET -> "Ethernet";
            case WIRELESS -> "wireless";
            case OTHER -> "other";
        });
        if (a.speedMbps() > 0 && a.speedMbps() < 4_294_967_295L) {
            label.append(", ").append(a.speedMbps() >= 1000 && a.speedMbps() % 1000 == 0
                    ? a.speedMbps() / 1000 + " Gbit/s" : a.speedMbps() + " Mbit/s");
        }
        if (a.management()) {
            label.append(" · management adapter");
        }
        if (a.backs() != null) {
            label.append(" · backs ").append(a.backs());
        }
        return label.toString();
    }
}
