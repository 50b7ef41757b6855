package dev.corral.sprawl.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.RouterLink;
import dev.corral.sprawl.FindingKind;
import dev.corral.sprawl.LeaseNotices;
import dev.corral.sprawl.SprawlFindings;
import dev.corral.ui.DashboardSection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The dashboard's sprawl: the user's own leases that end within the notice period (or have ended),
 * each with a link to renew it, and the open findings on what the user may see, by kind.
 */
@org.springframework.stereotype.Component
class SprawlDashboardSection implements DashboardSection {

    private final SprawlFindings findings;
    private final LeaseNotices notices;

    SprawlDashboardSection(SprawlFindings findings, LeaseNotices notices) {
        this.findings = findings;
        this.notices = notices;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public Optional<Component> create() {
        List<LeaseNotices.Expiring> mine = notices.forCaller();
        SprawlFindings.Summary summary = findings.summary();
        if (mine.isEmpty() && summary.openTotal() == 0) {
            return Optional.empty();
        }
        Div section = new Panel();
        section.add(new H3("Sprawl"));
        section.addClassNames("corral-dashboard-section", "corral-sprawl-dashboard");
        if (!mine.isEmpty()) {
            section.add(leases(mine));
        }
        if (summary.openTotal() > 0) {
            Div stats = new Div();
            stats.addClassName("corral-stat-row");
            for (FindingKind kind : FindingKind.values()) {
                long count = summary.open().getOrDefault(kind, 0L);
                if (count > 0) {
                    String counted = kind.counted(count);
                    stats.add(SprawlView.stat(String.format(Locale.ROOT, "%,d", count), counted.substring(counted.indexOf(' ') + 1)));
                }
            }
            section.add(stats);
        }
        section.add(new RouterLink("Open sprawl tracking", SprawlView.class));
        return Optional.of(section);
    }

    /** The section, with the sprawl stylesheet. */
    @com.vaadin.flow.component.dependency.StyleSheet("context://styles/sprawl.css")
    static final class Panel extends Div {
    }

    private Div leases(List<LeaseNotices.Expiring> mine) {
        UnorderedList list = new UnorderedList();
        for (LeaseNotices.Expiring lease : mine) {
            list.add(new ListItem(new Anchor("vms/" + lease.vmId(), lease.name()), new Span(" on " + lease.hostName() + ": lease "
                    + lease.when() + " (" + lease.expires() + "), then " + lease.action().label().toLowerCase(Locale.ROOT)
                    + ".")));
        }
        Div notice = new Div(VaadinIcon.CLOCK.create(), new Div(new Span(mine.size() == 1 ? "One of your VMs' lease ends within "
                + notices.noticeDays() + " days or has ended; renew it on its page if it is still needed."
                : mine.size() + " of your VMs' leases end within " + notices.noticeDays() + " days or have ended; renew "
                        + "those still needed on their pages."), list));
        notice.addClassName("corral-sprawl-leases");
        return notice;
    }
}
