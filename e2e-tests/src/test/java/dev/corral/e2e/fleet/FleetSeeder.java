package dev.corral.e2e.fleet;

import dev.corral.engine.VmState;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes the fleet into the inventory with JDBC batches, as Corral would hold it after registering
 * the hosts and creating the VMs: host groups, hosts with their capacity, VMs with provenance,
 * leases, tags, runtime state as the hosts report it, and network adapters with their VLANs. The
 * switch tables are left to Corral's own switch cache, which reads them from the hosts.
 */
final class FleetSeeder {

    private static final int BATCH = 5_000;

    private final FleetPlan plan;
    private final JdbcTemplate jdbc;
    private final Timestamp now = Timestamp.from(Instant.now());

    FleetSeeder(FleetPlan plan, JdbcTemplate jdbc) {
        this.plan = plan;
        this.jdbc = jdbc;
    }

    /** Answers how long it took, in milliseconds. */
    long seed() {
        long began = System.nanoTime();
        groups();
        hosts();
        for (int from = 0; from < plan.hosts; from += 250) {
            vms(from, Math.min(plan.hosts, from + 250));
        }
        return (System.nanoTime() - began) / 1_000_000;
    }

    private void groups() {
        for (FleetPlan.Root root : FleetPlan.Root.values()) {
            Integer present = jdbc.queryForObject("select count(*) from host_group where id = ?", Integer.class, root.id());
            if (present == 0) {
                jdbc.update("insert into host_group (id, name, parent_id, version) values (?, ?, null, 0)", root.id(), root.name);
            }
        }
        List<Object[]> rows = new ArrayList<>();
        for (int g = 0; g < plan.groups; g++) {
            rows.add(new Object[] {plan.groupId(g), plan.groupName(g), plan.rootOf(g).id()});
        }
        jdbc.batchUpdate("insert into host_group (id, name, parent_id, version) values (?, ?, ?, 0)", rows);
    }

    private void hosts() {
        List<Object[]> hosts = new ArrayList<>();
        List<Object[]> runtime = new ArrayList<>();
        for (int h = 0; h < plan.hosts; h++) {
            hosts.add(new Object[] {plan.hostId(h), plan.hostName(h), "sim://" + plan.hostName(h), plan.groupId(plan.groupOf(h)),
                "Windows Server 2022 Datacenter"});
            runtime.add(new Object[] {plan.hostId(h), now, now, FleetPlan.SOCKETS * FleetPlan.CORES * FleetPlan.THREADS,
                FleetPlan.HOST_MEMORY_MIB});
        }
        batch("insert into host (id, name, uri, host_group_id, edition, version, maintenance) values (?, ?, ?, ?, ?, 0, false)",
                hosts);
        batch("insert into host_runtime (host_id, reachable, last_contact, updated_at, logical_processors, memory_total_mib) "
                + "values (?, true, ?, ?, ?, ?)", runtime);
    }

    private void vms(int fromHost, int toHost) {
        List<Object[]> vms = new ArrayList<>();
        List<Object[]> runtime = new ArrayList<>();
        List<Object[]> tags = new ArrayList<>();
        List<Object[]> adapters = new ArrayList<>();
        List<Object[]> vlans = new ArrayList<>();
        LocalDate today = LocalDate.ofInstant(now.toInstant(), ZoneOffset.UTC);
        Timestamp reported = Timestamp.from(now.toInstant().minus(Duration.ofMinutes(1)));
        for (int h = fromHost; h < toHost; h++) {
            UUID host = plan.hostId(h);
            for (FleetPlan.PlannedVm vm : plan.vmsOf(h)) {
                vms.add(new Object[] {vm.id(), host, vm.name(), vm.owner(), vm.vcpus(), vm.memoryMiB(), 40L, vm.family().name(),
                    vm.guestName(), "Benchmark " + vm.name(), vm.owner(), Timestamp.from(now.toInstant().minusSeconds(60L * vm.k())),
                    vm.leased() ? Date.valueOf(today.plusDays(30)) : null, vm.leased() ? "NOTIFY" : null});
                runtime.add(new Object[] {vm.id(), vm.state().name(), heartbeat(vm.state()), reported, vm.state().name(),
                    Timestamp.from(now.toInstant().minus(Duration.ofHours(vm.k() % 2_000)))});
                vm.tags().forEach((key, value) -> tags.add(new Object[] {vm.id(), key, value}));
                if (vm.switchName() != null) {
                    adapters.add(new Object[] {vm.id(), host, vm.switchName(), vm.vlan() == null ? "UNTAGGED" : "ACCESS"});
                    if (vm.vlan() != null) {
                        vlans.add(new Object[] {vm.id(), vm.vlan()});
                    }
                }
            }
        }
        batch("insert into vm (id, host_id, name, owner, vcpus, memory_mib, storage_gib, guest_family, guest_name, purpose, "
                + "created_by, created_at, lease_expires, lease_action, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                vms);
        batch("insert into vm_runtime (vm_id, state, heartbeat, updated_at, known_state, state_since) values (?, ?, ?, ?, ?, ?)",
                runtime);
        batch("insert into vm_tag (vm_id, tag_key, tag_value) values (?, ?, ?)", tags);
        batch("insert into vm_adapter (vm_id, idx, host_id, type, switch_name, vlan_mode, native_vlan, mac, static_mac) "
                + "values (?, 0, ?, 'SYNTHETIC', ?, ?, null, null, false)", adapters);
        batch("insert into vm_adapter_vlan (vm_id, idx, vlan) values (?, 0, ?)", vlans);
    }

    /** What the simulator's heartbeat service reports in each state (and so what a resync would record). */
    private static String heartbeat(VmState state) {
        return switch (state) {
            case RUNNING -> "OK";
            case PAUSED -> "NO_CONTACT";
            default -> "NOT_RUNNING";
        };
    }

    /** Gives a delegated administrator's group a role at one of the fleet's root host groups, as the demo does. */
    void assign(String group, String role, FleetPlan.Root root) {
        UUID roleId = jdbc.queryForObject("select id from access_role where name = ?", UUID.class, role);
        Integer present = jdbc.queryForObject("select count(*) from access_assignment where principal_key = ? and scope_id = ?",
                Integer.class, group.toLowerCase(java.util.Locale.ROOT), root.id());
        if (present == 0) {
            jdbc.update("insert into access_assignment (id, principal_type, principal_name, principal_key, role_id, scope_kind, "
                    + "scope_id, created_by, created_at) values (?, 'GROUP', ?, ?, ?, 'HOST_GROUP', ?, 'benchmark', ?)",
                    UUID.randomUUID(), group, group.toLowerCase(java.util.Locale.ROOT), roleId, root.id(), now);
        }
    }

    private void batch(String sql, List<Object[]> rows) {
        for (int i = 0; i < rows.size(); i += BATCH) {
            jdbc.batchUpdate(sql, rows.subList(i, Math.min(rows.size(), i + BATCH)));
        }
    }
}
