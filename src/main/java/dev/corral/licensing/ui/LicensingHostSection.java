package dev.corral.licensing.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.progressbar.ProgressBarVariant;
import com.vaadin.flow.router.RouterLink;
import dev.corral.hosts.HostDetails;
import dev.corral.hosts.ui.HostPageSection;
import dev.corral.licensing.LicensingCompliance;
import dev.corral.licensing.LicensingViolations;
import dev.corral.ui.PeopleTime;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The Windows licence on a host's page: the rights used against those granted as a bar, the
 * enforcement mode, where the host passes what its edition supports, and its latest violations.
 */
@org.springframework.stereotype.Component
class LicensingHostSection implements HostPageSection {

    private static final int RECENT = 5;

    private final LicensingCompliance compliance;
    private final LicensingViolations violations;
    private final Clock clock;

    LicensingHostSection(LicensingCompliance compliance, LicensingViolations violations, Clock clock) {
        this.compliance = compliance;
        this.violations = violations;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Optional<Component> create(HostDetails details) {
        return compliance.host(details.host().id()).map(host -> new Section(host,
                compliance.editionWarnings(details.host(), details.facts()), violations.recentOn(host.hostId(), RECENT), clock));
    }

    @StyleSheet("context://styles/licensing.css")
    private static final class Section extends Div {

        Section(LicensingCompliance.HostCompliance host, List<String> warnings, List<LicensingViolations.Entry> recent,
                Clock clock) {
            addClassName("corral-licensing-host");
            add(new H3("Windows licensing"));
            Div status = new Div(StatusBadge.of(host),
                    new Span("Enforcement: " + host.mode() + " (from " + host.modeSource() + ")."));
            status.addClassName("corral-licensing-status");
            add(status);
            if (host.status() == LicensingCompliance.Status.WITHIN || host.status() == LicensingCompliance.Status.AT_LIMIT
                    || host.status() == LicensingCompliance.Status.OVER) {
                add(bar(host));
            }
            add(new Paragraph(StatusBadge.runningNames(host)));
            if (!warnings.isEmpty()) {
                UnorderedList list = new UnorderedList();
                warnings.forEach(w -> list.add(new ListItem(w)));
                Div callout = new Div(VaadinIcon.WARNING.create(), list);
                callout.addClassNames("corral-callout-warning", "corral-licensing-warnings-callout");
                add(callout);
            }
            if (!recent.isEmpty()) {
                add(new Paragraph("Latest violations:"));
                UnorderedList list = new UnorderedList();
                list.addClassName("corral-licensing-recent");
                for (LicensingViolations.Entry e : recent) {
                    Span when = new Span(PeopleTime.relative(e.time(), clock.instant()));
                    when.setTitle(PeopleTime.exact(e.time()));
                    list.add(new ListItem(when, new Span(" · " + e.vmName() + " · " + e.principal() + " · " + e.details())));
                }
                add(list);
            }
            add(new RouterLink("Licensing of every host", LicensingView.class));
        }

        private static Div bar(LicensingCompliance.HostCompliance host) {
            int allowed = host.rights();
            int used = host.windowsRunning();
            ProgressBar bar = new ProgressBar(0, Math.max(1, Math.max(used, allowed)), used);
            String text = used + " of " + allowed + " running Windows VM right" + (allowed == 1 ? "" : "s") + " used"
                    + (used > allowed ? " (over by " + (used - allowed) + ")" : "");
            bar.getElement().setAttribute("aria-label", "Windows VM rights: " + text);
            if (used > allowed) {
                bar.addThemeVariants(ProgressBarVariant.LUMO_ERROR);
            }
            Span name = new Span("Windows VM rights");
            name.addClassName("corral-fact-label");
            Div row = new Div(name, bar, new Span(text));
            row.addClassName("corral-licensing-bar");
            return row;
        }
    }
}
