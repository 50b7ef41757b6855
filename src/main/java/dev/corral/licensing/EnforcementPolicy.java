package dev.corral.licensing;

import dev.corral.access.AccessPolicy;
import dev.corral.access.CurrentCaller;
import dev.corral.access.Permission;
import dev.corral.access.Scope;
import dev.corral.access.audit.AuditEvent;
import dev.corral.base.NotFoundException;
import dev.corral.hosts.HostGroupAdministration;
import dev.corral.hosts.HostGroupSummary;
import dev.corral.hosts.HostTree;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The enforcement mode: a global one (at first the default of the editions table) and overrides
 * per host group, which hold for the groups below them too. Changing one needs licensing.manage
 * where it applies (globally for the global mode), and is audited.
 */
@Service
@Transactional
public class EnforcementPolicy {

    private final ModeSettingRepository settings;
    private final EditionTable table;
    private final HostTree tree;
    private final HostGroupAdministration groups;
    private final AccessPolicy policy;
    private final LicensingAudit audit;
    private final Clock clock;

    EnforcementPolicy(ModeSettingRepository settings, EditionTable table, HostTree tree, HostGroupAdministration groups,
            AccessPolicy policy, LicensingAudit audit, Clock clock) {
        this.settings = settings;
        this.table = table;
        this.tree = tree;
        this.groups = groups;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The mode that holds somewhere and where it comes from.
     *
     * @param source "host group Branch", "the global setting" or "the default of the editions table"
     */
    public record Effective(EnforcementMode mode, String source) {
    }

    /** The global mode, and each host group the caller sees with its own mode (null: inherited) and the one that holds. */
    public record Overview(Effective global, boolean mayChangeGlobal, List<GroupMode> hostGroups) {
    }

    public record GroupMode(UUID id, String path, EnforcementMode own, Effective effective, boolean mayChange) {
    }

    /** The mode for hosts of this host group: the nearest group's own, else the global one. */
    @Transactional(readOnly = true)
    public Effective modeFor(UUID hostGroupId) {
        return effective(hostGroupId, all(), groupsById());
    }

    /** The modes of several host groups at once, read together. */
    @Transactional(readOnly = true)
    public Map<UUID, Effective> modesFor(java.util.Collection<UUID> hostGroupIds) {
        Map<String, ModeSetting> all = all();
        Map<UUID, HostGroupSummary> groups = groupsById();
        Map<UUID, Effective> modes = new java.util.HashMap<>();
        hostGroupIds.forEach(id -> modes.put(id, effective(id, all, groups)));
        return modes;
    }

    @Transactional(readOnly = true)
    public Overview overview() {
        Map<String, ModeSetting> all = all();
        Map<UUID, HostGroupSummary> paths = groupsById();
        List<GroupMode> modes = groups.visibleGroups().stream().map(g -> new GroupMode(g.id(), g.path(),
                        own(all, g.id()), effective(g.id(), all, paths),
                        policy.allows(Permission.LICENSING_MANAGE, Scope.hostGroup(g.id()))))
                .toList();
        return new Overview(effective(null, all, paths), policy.allows(Permission.LICENSING_MANAGE, Scope.GLOBAL), modes);
    }

    /** Sets the global mode, which holds wherever no host group has its own. */
    public Effective setGlobal(EnforcementMode mode) {
        Objects.requireNonNull(mode);
        policy.require(Permission.LICENSING_MANAGE, Scope.GLOBAL);
        Effective before = modeFor(null);
        if (settings.findById(ModeSetting.GLOBAL).map(ModeSetting::mode).orElse(null) == mode) {
            return before;
        }
        store(null, mode);
        audit.record("licensing.mode", "licensing", null, "global enforcement mode", AuditEvent.Outcome.SUCCESS,
                "Set the global licensing enforcement mode to " + mode.code() + " (was " + before.mode().code() + ", from "
                        + before.source() + ").");
        return modeFor(null);
    }

    /** Gives the host group its own mode, or with null lets it inherit again. */
    public Effective setForGroup(UUID hostGroupId, EnforcementMode mode) {
        HostGroupSummary group = visibleGroup(hostGroupId);
        policy.require(Permission.LICENSING_MANAGE, Scope.hostGroup(hostGroupId));
        Effective before = modeFor(hostGroupId);
        EnforcementMode own = settings.findById(ModeSetting.key(hostGroupId)).map(ModeSetting::mode).orElse(null);
        if (own == mode) {
            return before;
        }
        if (mode == null) {
            settings.findById(ModeSetting.key(hostGroupId)).ifPresent(settings::delete);
            settings.flush();
        } else {
            store(hostGroupId, mode);
        }
        Effective after = modeFor(hostGroupId);
        audit.record("licensing.mode", "host-group", hostGroupId, group.path(), AuditEvent.Outcome.SUCCESS,
                "Licensing enforcement for host group " + group.path() + ": " + before.mode().code() + " (from "
                        + before.source() + ") → " + (mode == null ? after.mode().code() + ", inherited from " + after.source()
                        : mode.code()) + ".");
        return after;
    }

    private void store(UUID hostGroupId, EnforcementMode mode) {
        String user = CurrentCaller.get().user();
        ModeSetting setting = settings.findById(ModeSetting.key(hostGroupId))
                .orElseGet(() -> new ModeSetting(hostGroupId, mode, user, clock.instant()));
        setting.change(mode, user, clock.instant());
        settings.saveAndFlush(setting);
    }

    private HostGroupSummary visibleGroup(UUID id) {
        return groups.visibleGroups().stream().filter(g -> g.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("There is no such host group, or your roles do not let you see it."));
    }

    private Effective effective(UUID hostGroupId, Map<String, ModeSetting> all, Map<UUID, HostGroupSummary> groups) {
        java.util.Set<UUID> seen = new java.util.HashSet<>();
        for (HostGroupSummary g = hostGroupId == null ? null : groups.get(hostGroupId); g != null && seen.add(g.id());
                g = g.parentId() == null ? null : groups.get(g.parentId())) {
            ModeSetting own = all.get(ModeSetting.key(g.id()));
            if (own != null) {
                return new Effective(own.mode(), "host group " + g.path());
            }
        }
        ModeSetting global = all.get(ModeSetting.GLOBAL);
        return global != null ? new Effective(global.mode(), "the global setting")
                : new Effective(table.defaultMode(), "the default of the editions table");
    }

    private static EnforcementMode own(Map<String, ModeSetting> all, UUID groupId) {
        ModeSetting setting = all.get(ModeSetting.key(groupId));
        return setting == null ? null : setting.mode();
    }

    private Map<String, ModeSetting> all() {
        return settings.findAll().stream().collect(Collectors.toMap(s -> ModeSetting.key(s.hostGroupId()), Function.identity()));
    }

    private Map<UUID, HostGroupSummary> groupsById() {
        return tree.groups().stream().collect(Collectors.toMap(HostGroupSummary::id, Function.identity()));
    }
}
