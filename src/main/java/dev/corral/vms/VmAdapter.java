package dev.corral.vms;

import dev.corral.engine.VlanSetting;
import dev.corral.engine.VmSpec;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;

/** One network adapter of a VM as the inventory records it, with the VLANs it uses. */
@Entity
@Table(name = "vm_adapter")
class VmAdapter {

    @Embeddable
    record Key(@Column(name = "vm_id") UUID vmId, @Column(name = "idx") int index) implements Serializable {
    }

    @EmbeddedId
    private Key key;

    @Column(name = "host_id", nullable = false)
    private UUID hostId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private VmSpec.AdapterType type;

    @Column(name = "switch_name", nullable = false, length = 100)
    private String switchName;

    @Column(name = "vlan_mode", nullable = false, length = 10)
    @Enumerated(EnumType.STRING)
    private NewVm.VlanMode vlanMode;

    @Column(name = "native_vlan")
    private Integer nativeVlan;

    @Column(length = 17)
    private String mac;

    @Column(name = "static_mac", nullable = false)
    private boolean staticMac;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "vm_adapter_vlan", joinColumns = {@JoinColumn(name = "vm_id", referencedColumnName = "vm_id"),
            @JoinColumn(name = "idx", referencedColumnName = "idx")})
    @Column(name = "vlan", nullable = false)
    @BatchSize(size = 200)
    private java.util.Set<Integer> vlans = new TreeSet<>();

    protected VmAdapter() {
    }

    VmAdapter(UUID vmId, int index, UUID hostId, VmSpec.NetworkAdapter adapter, boolean staticMac) {
        this.key = new Key(vmId, index);
        this.hostId = hostId;
        this.type = adapter.type();
        this.switchName = adapter.switchName();
        this.mac = adapter.mac();
        this.staticMac = staticMac;
        switch (adapter.vlan()) {
            case VlanSetting.Untagged u -> vlanMode = NewVm.VlanMode.UNTAGGED;
            case VlanSetting.Access a -> {
                vlanMode = NewVm.VlanMode.ACCESS;
                vlans.add(a.tag());
            }
            case VlanSetting.Trunk t -> {
                vlanMode = NewVm.VlanMode.TRUNK;
                vlans.addAll(t.tags());
                nativeVlan = t.nativeTag();
            }
        }
    }

    UUID vmId() {
        return key.vmId();
    }

    int index() {
        return key.index();
    }

    UUID hostId() {
        return hostId;
    }

    String mac() {
        return mac;
    }

    boolean staticMac() {
        return staticMac;
    }

    VmSpec.NetworkAdapter adapter() {
        SortedSet<Integer> tags = new TreeSet<>(vlans);
        VlanSetting vlan = switch (vlanMode) {
            case UNTAGGED -> new VlanSetting.Untagged();
            case ACCESS -> new VlanSetting.Access(tags.first());
            case TRUNK -> new VlanSetting.Trunk(tags, nativeVlan);
        };
        return new VmSpec.NetworkAdapter(type, switchName, vlan, mac);
    }
}
