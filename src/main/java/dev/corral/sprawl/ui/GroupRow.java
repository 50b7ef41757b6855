package dev.corral.sprawl.ui;

import dev.corral.sprawl.FindingKind;
import dev.corral.sprawl.SprawlFindings;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One host group's open findings, by kind, for the counts table. */
record GroupRow(String hostGroup, Map<FindingKind, Long> counts) {

    long count(FindingKind kind) {
        return counts.getOrDefault(kind, 0L);
    }

    /** "3 unmanaged VMs, 1 idle VM", in the kinds' order. */
    String breakdown() {
        List<String> parts = new ArrayList<>();
        for (FindingKind kind : FindingKind.values()) {
            long count = count(kind);
            if (count > 0) {
                parts.add(kind.counted(count));
            }
        }
        return String.join(", ", parts);
    }

    long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    static List<GroupRow> of(SprawlFindings.Summary summary) {
        Map<String, Map<FindingKind, Long>> groups = new LinkedHashMap<>();
        summary.byHostGroup().stream().sorted(java.util.Comparator.comparing(SprawlFindings.GroupCount::hostGroup,
                String.CASE_INSENSITIVE_ORDER)).forEach(c -> groups.computeIfAbsent(c.hostGroup(),
                        g -> new EnumMap<>(FindingKind.class)).merge(c.kind(), c.count(), Long::sum));
        List<GroupRow> rows = new ArrayList<>();
        groups.forEach((group, counts) -> rows.add(new GroupRow(group, counts)));
        return rows;
    }
}
