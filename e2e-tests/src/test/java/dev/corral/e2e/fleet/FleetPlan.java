package dev.corral.e2e.fleet;

import dev.corral.engine.VmSpec;
import dev.corral.engine.VmState;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The simulated fleet, derived from its sizes alone so that every part of the benchmark (the
 * hosts' state files, the inventory rows, the queries) agrees on it: hosts in leaf host groups
 * under HQ, Branch and Sites; on each host a switch LAN carrying VLANs 10 to 50 and a switch
 * Internal; VMs with owners, tags, leases, snapshots, 40% Windows guests, most of them on a VLAN.
 */
final class FleetPlan {

    static final String[] ROLES = {"web", "app", "db", "file", "build", "test", "mail", "dc"};
    static final String[] TEAMS = {"atlas", "boreas", "cygnus", "draco", "eridanus", "fornax", "gemini", "hydra", "indus",
        "lyra", "mensa", "orion"};
    static final String[] ENVS = {"prod", "prod", "test", "dev"};
    static final int OWNERS = 200;
    static final int[] VLANS = {10, 20, 30, 40, 50};
    static final long HOST_MEMORY_MIB = 262_144;
    static final int SOCKETS = 2;
    static final int CORES = 16;
    static final int THREADS = 2;

    final int hosts;
    final int vms;
    final int groups;

    FleetPlan(int hosts, int vms, int groups) {
        if (hosts < 1 || vms < hosts || groups < 5) {
            throw new IllegalArgumentException("Need at least one VM per host and five host groups");
        }
        this.hosts = hosts;
        this.vms = vms;
        this.groups = groups;
    }

    static FleetPlan fromSystemProperties() {
        return new FleetPlan(Integer.getInteger("benchmark.hosts", 2_500), Integer.getInteger("benchmark.vms", 45_000),
                Integer.getInteger("benchmark.groups", 50));
    }

    boolean fullScale() {
        return hosts == 2_500 && vms == 45_000;
    }

    // ---- host groups: HQ and Branch are the demo directory's delegation roots (hq-admins, branch-operators)

    enum Root {
        HQ("HQ", "Rack %02d"), BRANCH("Branch", "Branch %02d"), SITES("Sites", "Site %02d");

        final String name;
        final String leafPattern;

        Root(String name, String leafPattern) {
            this.name = name;
            this.leafPattern = leafPattern;
        }

        /** As the demo fleet would have created it, so that the demo assignments find it. */
        UUID id() {
            return uuid("group/" + name);
        }
    }

    /** One in five leaf groups is under HQ, one in five under Branch, the rest under Sites. */
    Root rootOf(int group) {
        return switch (group % 5) {
            case 0 -> Root.HQ;
            case 1 -> Root.BRANCH;
            default -> Root.SITES;
        };
    }

    String groupName(int group) {
        return String.format(Locale.ROOT, rootOf(group).leafPattern, group + 1);
    }

    UUID groupId(int group) {
        return uuid("bench-group/" + group);
    }

    int groupOf(int host) {
        return host % groups;
    }

    /** The share of the fleet under HQ: what hq-admin sees. */
    int hostsUnderHq() {
        int count = 0;
        for (int h = 0; h < hosts; h++) {
            count += rootOf(groupOf(h)) == Root.HQ ? 1 : 0;
        }
        return count;
    }

    // ---- hosts

    String hostName(int host) {
        return String.format(Locale.ROOT, "bench-%04d", host);
    }

    UUID hostId(int host) {
        return uuid("host/" + hostName(host));
    }

    String hostMac(int host, int adapter) {
        return String.format(Locale.ROOT, "02:c0:%02x:%02x:%02x:%02x", (host >> 16) & 0xff, (host >> 8) & 0xff, host & 0xff,
                adapter);
    }

    /** How many VMs run on the host: the fleet's VMs spread as evenly as they go. */
    int vmsOn(int host) {
        return vms / hosts + (host < vms % hosts ? 1 : 0);
    }

    /** The fleet-wide index of the host's first VM. */
    int firstVm(int host) {
        return host * (vms / hosts) + Math.min(host, vms % hosts);
    }

    // ---- VMs, by fleet-wide index k on host h as its i-th VM

    record PlannedVm(int k, int host, String name, UUID id, String owner, int vcpus, long memoryMiB,
            VmSpec.GuestOs.Family family, String guestName, VmState state, String switchName, Integer vlan,
            List<String> snapshots, Map<String, String> tags, boolean leased) {
    }

    PlannedVm vm(int host, int i) {
        int k = firstVm(host) + i;
        String role = ROLES[k % ROLES.length];
        String name = String.format(Locale.ROOT, "%s-%04d-%02d", role, host, i);
        boolean windows = k % 5 < 2;
        String guestName = windows ? (k % 2 == 0 ? "Windows Server 2022" : "Windows Server 2019")
                : (k % 3 == 0 ? "Debian 12" : k % 3 == 1 ? "Rocky Linux 9" : "Ubuntu 24.04");
        int slot = k % 20;
        VmState state = slot < 12 ? VmState.RUNNING : slot < 17 ? VmState.OFF : slot < 19 ? VmState.SAVED : VmState.PAUSED;
        int net = k % 10;
        String switchName = net < 7 ? "LAN" : net < 9 ? "Internal" : null;
        Integer vlan = net < 7 ? VLANS[(k / 10) % VLANS.length] : null;
        List<String> snapshots = k % 6 == 0 ? List.of("before-patch")
                : k % 18 == 3 ? List.of("baseline", "before-upgrade") : List.of();
        Map<String, String> tags = k % 3 == 0
                ? Map.of("env", ENVS[k % 4], "team", TEAMS[(k / 4) % TEAMS.length], "role", role)
                : Map.of("env", ENVS[k % 4], "team", TEAMS[(k / 4) % TEAMS.length]);
        return new PlannedVm(k, host, name, uuid(hostName(host) + "/" + name), owner(k), 1 + k % 4,
                1024L << (k % 4), windows ? VmSpec.GuestOs.Family.WINDOWS : VmSpec.GuestOs.Family.LINUX, guestName,
                state, switchName, vlan, snapshots, tags, k % 10 == 1);
    }

    /** Owners independent of the role: user000 to user199, and the demo developer for one VM in 25. */
    static String owner(int k) {
        return k % 25 == 0 ? "dev" : String.format(Locale.ROOT, "user%03d", (k / 3 + k % 7 * 29) % OWNERS);
    }

    List<PlannedVm> vmsOf(int host) {
        List<PlannedVm> planned = new ArrayList<>();
        for (int i = 0; i < vmsOn(host); i++) {
            planned.add(vm(host, i));
        }
        return planned;
    }

    /** The simulator's ids: derived from the host's and the VM's names. */
    static UUID uuid(String text) {
        return UUID.nameUUIDFromBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
