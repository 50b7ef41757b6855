package dev.corral.vms.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.corral.engine.VlanSetting;
import dev.corral.engine.VmSpec;
import dev.corral.vms.VlanList;
import java.util.Locale;

/** A VM's disks and network adapters, as its host reports them. */
class VmHardwareSection extends VerticalLayout {

    VmHardwareSection(VmSpec spec) {
        addClassName("corral-hardware");
        setPadding(false);
        setSpacing(false);
        setWidthFull();
        add(new H3("Disks"));
        if (spec == null) {
            add(new Paragraph("The host does not answer, so its disks and adapters cannot be shown."));
            return;
        }
        if (spec.disks().isEmpty()) {
            add(new Paragraph("No disks."));
        } else {
            Grid<VmSpec.Disk> disks = new Grid<>();
            disks.addColumn(VmSpec.Disk::name).setHeader("Name").setAutoWidth(true);
            disks.addColumn(d -> label(d.kind().name())).setHeader("Kind").setAutoWidth(true);
            disks.addColumn(d -> d.bus().name()).setHeader("Controller").setAutoWidth(true);
            disks.addColumn(d -> d.kind() == VmSpec.DiskKind.PASS_THROUGH ? "—" : d.sizeGiB() + " GiB").setHeader("Size")
                    .setAutoWidth(true);
            disks.addColumn(d -> d.source() == null ? "" : d.source()).setHeader("Image or volume").setFlexGrow(1)
                    .setTooltipGenerator(d -> d.parent() == null ? d.source() : d.source() + " (parent " + d.parent() + ")");
            disks.setItems(spec.disks());
            disks.setAllRowsVisible(true);
            disks.addThemeVariants(GridVariant.LUMO_COMPACT);
            disks.addClassName("corral-vm-disks");
            add(disks);
        }
        add(new H3("Network adapters"));
        if (spec.networkAdapters().isEmpty()) {
            add(new Paragraph("No network adapters: the VM is not connected to any network."));
        } else {
            Grid<VmSpec.NetworkAdapter> adapters = new Grid<>();
            adapters.addColumn(a -> label(a.type().name())).setHeader("Type").setAutoWidth(true);
            adapters.addColumn(VmSpec.NetworkAdapter::switchName).setHeader("Virtual switch").setFlexGrow(1);
            adapters.addColumn(a -> vlan(a.vlan())).setHeader("VLAN").setFlexGrow(1);
            adapters.addColumn(a -> a.mac() == null ? "generated" : a.mac()).setHeader("MAC address").setAutoWidth(true);
            adapters.setItems(spec.networkAdapters());
            adapters.setAllRowsVisible(true);
            adapters.addThemeVariants(GridVariant.LUMO_COMPACT);
            adapters.addClassName("corral-vm-adapters");
            add(adapters);
        }
    }

    static String vlan(VlanSetting vlan) {
        return switch (vlan) {
            case VlanSetting.Untagged u -> "untagged";
            case VlanSetting.Access a -> "access " + a.tag();
            case VlanSetting.Trunk t -> "trunk " + VlanList.format(t.tags())
                    + (t.nativeTag() == null ? "" : " (native " + t.nativeTag() + ")");
        };
    }

    private static String label(String constant) {
        String text = constant.toLowerCase(Locale.ROOT).replace('_', '-');
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
