package dev.corral.vms.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import dev.corral.engine.VlanSetting;
import dev.corral.engine.VmSpec;
import dev.corral.vms.NewVm;
import dev.corral.vms.VlanList;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A VM's network adapters in a form: each on a switch of the host, untagged, on one access VLAN,
 * or a trunk of VLANs with a native one, with an optional static MAC. Used by the create and edit
 * dialogs; the service's messages land at the field they name ({@code networkAdapters[i].vlanId}).
 */
class AdapterEditor extends VerticalLayout {

    private final VerticalLayout rows = new VerticalLayout();
    private final List<Row> adapters = new ArrayList<>();
    private List<String> switches = List.of();

    AdapterEditor() {
        setPadding(false);
        setSpacing(false);
        rows.setPadding(false);
        rows.setSpacing(false);
        Button add = new Button("Add network adapter", VaadinIcon.PLUS.create(), click -> addRow(null));
        add.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(rows, add);
    }

    void setSwitches(List<String> names) {
        switches = names;
        adapters.forEach(a -> a.switchName.setItems(switches));
    }

    /** Shows the adapters a VM has. */
    void setAdapters(List<VmSpec.NetworkAdapter> current) {
        adapters.clear();
        rows.removeAll();
        current.forEach(this::addRow);
    }

    List<NewVm.Adapter> value() {
        return adapters.stream().map(Row::request).toList();
    }

    void fields(Map<String, HasValidation> fields) {
        adapters.forEach(a -> a.fields(fields));
    }

    private void addRow(VmSpec.NetworkAdapter existing) {
        Row row = new Row(existing);
        row.switchName.setItems(switches);
        if (existing != null) {
            row.switchName.setValue(existing.switchName());
        }
        adapters.add(row);
        rows.add(row.layout);
    }

    private static String label(Enum<?> constant) {
        String text = constant.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** One adapter: its switch and how it uses VLANs. */
    private final class Row {
        private final ComboBox<String> switchName = new ComboBox<>("Virtual switch");
        private final Select<NewVm.VlanMode> mode = new Select<>();
        private final IntegerField vlanId = new IntegerField("VLAN");
        private final TextField allowed = new TextField("Allowed VLANs");
        private final IntegerField nativeVlan = new IntegerField("Native VLAN");
        private final Select<VmSpec.AdapterType> type = new Select<>();
        private final TextField mac = new TextField("MAC address");
        private final Div layout = new Div();

        Row(VmSpec.NetworkAdapter existing) {
            switchName.setAllowCustomValue(false);
            switchName.setWidth("11rem");
            type.setLabel("Adapter");
            type.setItems(VmSpec.AdapterType.values());
            type.setItemLabelGenerator(AdapterEditor::label);
            type.setValue(VmSpec.AdapterType.SYNTHETIC);
            type.setWidth("8rem");
            mode.setLabel("VLAN mode");
            mode.setItems(NewVm.VlanMode.values());
            mode.setItemLabelGenerator(AdapterEditor::label);
            mode.setValue(NewVm.VlanMode.UNTAGGED);
            mode.setWidth("8rem");
            vlanId.setWidth("12rem");
            vlanId.setPlaceholder("1-4094");
            allowed.setWidth("12rem");
            allowed.setPlaceholder("10, 20, 100-110");
            nativeVlan.setWidth("8rem");
            mac.setWidth("10rem");
            mac.setPlaceholder("generated");
            if (existing != null) {
                type.setValue(existing.type());
                mac.setValue(existing.mac() == null ? "" : existing.mac());
                switch (existing.vlan()) {
                    case VlanSetting.Untagged u -> mode.setValue(NewVm.VlanMode.UNTAGGED);
                    case VlanSetting.Access a -> {
                        mode.setValue(NewVm.VlanMode.ACCESS);
                        vlanId.setValue(a.tag());
                    }
                    case VlanSetting.Trunk t -> {
                        mode.setValue(NewVm.VlanMode.TRUNK);
                        allowed.setValue(VlanList.format(t.tags()));
                        nativeVlan.setValue(t.nativeTag());
                    }
                }
            }
            mode.addValueChangeListener(change -> showVlanFields());
            Button remove = new Button(VaadinIcon.TRASH.create(), click -> {
                adapters.remove(this);
                rows.remove(layout);
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            remove.setAriaLabel("Remove network adapter");
            remove.setTooltipText("Remove this network adapter");
            HorizontalLayout line = new HorizontalLayout(type, switchName, mode, vlanId, allowed, nativeVlan, mac, remove);
            line.setAlignItems(FlexComponent.Alignment.BASELINE);
            line.setWrap(true);
            layout.add(line);
            layout.addClassName("corral-adapter-row");
            showVlanFields();
        }

        private void showVlanFields() {
            vlanId.setVisible(mode.getValue() == NewVm.VlanMode.ACCESS);
            allowed.setVisible(mode.getValue() == NewVm.VlanMode.TRUNK);
            nativeVlan.setVisible(mode.getValue() == NewVm.VlanMode.TRUNK);
        }

        NewVm.Adapter request() {
            boolean trunk = mode.getValue() == NewVm.VlanMode.TRUNK;
            return new NewVm.Adapter(type.getValue(), switchName.getValue(), mode.getValue(),
                    mode.getValue() == NewVm.VlanMode.ACCESS ? number(vlanId) : null,
                    trunk ? allowed.getValue() : null, trunk ? number(nativeVlan) : null,
                    mac.getValue() == null || mac.getValue().isBlank() ? null : mac.getValue());
        }

        /** A number the field cannot hold (too big) is sent as out of range, so that the service says why. */
        private Integer number(IntegerField field) {
            if (field.getValue() == null && !field.isEmpty()) {
                return -1;
            }
            return field.getValue();
        }

        void fields(Map<String, HasValidation> fields) {
            String at = "networkAdapters[" + adapters.indexOf(this) + "]";
            fields.put(at, switchName);
            fields.put(at + ".switchName", switchName);
            fields.put(at + ".vlanId", vlanId);
            fields.put(at + ".allowedVlans", allowed);
            fields.put(at + ".nativeVlan", nativeVlan);
            fields.put(at + ".mac", mac);
        }
    }
}
