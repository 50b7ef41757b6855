package dev.corral.hosts.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import dev.corral.access.NotPermittedException;
import dev.corral.base.InvalidInputException;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import dev.corral.base.NotFoundException;
import dev.corral.engine.HostFacts;
import dev.corral.hosts.EditionCatalog;
import dev.corral.hosts.HostAdministration;
import dev.corral.hosts.HostChange;
import dev.corral.hosts.HostDetails;
import dev.corral.hosts.HostGroupSummary;
import dev.corral.hosts.HostHealth;
import dev.corral.hosts.HostTree;
import dev.corral.ui.PeopleTime;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;

/**
 * One host: what it is, whether it meets the hypervisor's requirements, what its VMs take, what it
 * cannot do, and the sections other features contribute (its Windows licence); its settings are
 * changed from here.
 */
@StyleSheet("context://styles/hosts.css")
@Route("hosts/:id")
@PageTitle("Host · Corral")
@PermitAll
class HostView extends VerticalLayout implements BeforeEnterObserver {

    private final HostAdministration administration;
    private final Clock clock;
    private final HostTree tree;
    private final EditionCatalog editions;
    private final List<HostPageSection> sections;

    HostView(HostAdministration administration, Clock clock, HostTree tree, EditionCatalog editions,
            ObjectProvider<HostPageSection> sections) {
        this.administration = administration;
        this.clock = clock;
        this.tree = tree;
        this.editions = editions;
        this.sections = sections.orderedStream().sorted(Comparator.comparingInt(HostPageSection::order)).toList();
        addClassNames("corral-view", "corral-host");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        try {
            render(administration.details(UUID.fromString(event.getRouteParameters().get("id").orElse(""))));
        } catch (IllegalArgumentException | NotFoundException e) {
            add(new H2("No such host"), new Paragraph("This host does not exist, or your roles do not let you see it."),
                    new RouterLink("Back to the hosts", HostsView.class));
        }
    }

    private void render(HostDetails details) {
        HostHealth.Status health = details.health();
        HorizontalLayout heading = new HorizontalLayout(new H2(details.host().name()),
                HostsView.badge(health == null ? null : health.reachable(), health == null ? null : health.problem()));
        if (details.maintenance()) {
            heading.add(HostsView.maintenanceBadge());
        }
        heading.setAlignItems(FlexComponent.Alignment.CENTER);
        HorizontalLayout actions = new HorizontalLayout(settingsButton(details), MaintenanceButton.of(administration, details,
                () -> rerender(details)), removeButton(details));
        add(new RouterLink("‹ Hosts", HostsView.class), heading, actions, facts(details));
        if (details.facts() == null) {
            Paragraph problem = new Paragraph("The host does not answer: " + details.factsProblem());
            problem.addClassName("corral-form-error");
            add(problem);
        }
        add(new H3("Requirements"), requirements(details), new H3("Allocation"), HostAllocationBars.of(details));
        sections.forEach(section -> section.create(details).ifPresent(this::add));
        add(new H3("Capabilities"), capabilities(details), new H3("Health"), health(health),
                new H3("Virtual machines"), HostVmLinks.of(details));
    }

    private void rerender(HostDetails details) {
        removeAll();
        render(administration.details(details.host().id()));
    }

    private Button settingsButton(HostDetails details) {
        Button edit = new Button("Edit settings", click -> {
            HostChange current = administration.current(details.host().id());
            new HostSettingsDialog(administration, details.host().id(), details.host().name(), current, editions,
                    groupChoices(current.hostGroupId()), () -> rerender(details)).open();
        });
        if (!administration.mayManage(details.host().id())) {
            edit.setEnabled(false);
            edit.setTooltipText("Your roles do not include host.manage on this host.");
        }
        return edit;
    }

    /** The groups the caller may move hosts to, and the host's own group, which it may keep. */
    private List<HostGroupSummary> groupChoices(UUID currentGroup) {
        List<HostGroupSummary> choices = new ArrayList<>(administration.registrableGroups());
        if (choices.stream().noneMatch(g -> g.id().equals(currentGroup))) {
            tree.group(currentGroup).ifPresent(choices::add);
            choices.sort(Comparator.comparing(HostGroupSummary::path, String.CASE_INSENSITIVE_ORDER));
        }
        return choices;
    }

    private Button removeButton(HostDetails details) {
        Button remove = new Button("Remove host", click -> confirmRemove(details));
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        if (!administration.mayManage(details.host().id())) {
            remove.setEnabled(false);
            remove.setTooltipText("Your roles do not include host.manage on this host.");
        } else if (details.allocation().vms() > 0) {
            remove.setEnabled(false);
            remove.setTooltipText("VMs are registered on this host; migrate or delete them first.");
        }
        return remove;
    }

    private void confirmRemove(HostDetails details) {
        String name = details.host().name();
        ConfirmDialog confirm = new ConfirmDialog("Remove " + name + "?", "Remove host " + name + " from the inventory? "
                + "The host and its VMs are not touched; Corral stops managing it, and roles assigned on it are removed.",
                "Remove", yes -> {
                    try {
                        administration.remove(details.host().id());
                        Notification.show("Removed host " + name + ".", 4000, Notification.Position.BOTTOM_END);
                        UI.getCurrent().navigate(HostsView.class);
                    } catch (InvalidInputException | NotPermittedException | NotFoundException e) {
                        Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE)
                                .addThemeVariants(NotificationVariant.LUMO_ERROR);
                    }
                });
        confirm.setCancelable(true);
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    private static Div facts(HostDetails details) {
        Div facts = new Div();
        facts.addClassName("corral-facts");
        fact(facts, "Host group", details.hostGroupPath());
        if (details.host().uri() != null) {
            fact(facts, "Engine URI", details.host().uri());
        }
        fact(facts, "Windows edition", orDash(details.host().edition()));
        fact(facts, "Licences", details.licenceCount() == null ? "—" : String.valueOf(details.licenceCount()));
        fact(facts, "Cluster", orDash(details.host().cluster()));
        HostFacts f = details.facts();
        if (f != null) {
            fact(facts, "Hypervisor", f.hypervisor());
            fact(facts, "CPU model", f.cpuModel());
            fact(facts, "Processors", f.sockets() + " socket" + plural(f.sockets()) + " × " + f.coresPerSocket() + " core"
                    + plural(f.coresPerSocket()) + " × " + f.threadsPerCore() + " thread" + plural(f.threadsPerCore())
                    + " = " + f.logicalProcessors() + " logical processor" + plural(f.logicalProcessors()));
            fact(facts, "Memory", HostAllocationBars.gib(f.memoryTotalMiB()) + " total, "
                    + HostAllocationBars.gib(f.memoryFreeMiB()) + " free");
        }
        return facts;
    }

    private static Div requirements(HostDetails details) {
        Div list = new Div();
        list.addClassName("corral-host-requirements");
        for (HostDetails.RequirementCheck check : details.requirements()) {
            Span badge = new Span(check.requirement());
            badge.addClassNames("corral-badge", check.met() == null ? "corral-badge-unknown"
                    : check.met() ? "corral-badge-ok" : "corral-badge-error");
            Span sentence = new Span(check.sentence());
            Div row = new Div(badge, sentence);
            row.addClassName("corral-host-requirement");
            list.add(row);
        }
        return list;
    }

    private static Div capabilities(HostDetails details) {
        Div list = new Div();
        list.addClassName("corral-host-capabilities");
        if (details.facts() == null) {
            list.add(new Paragraph("Unknown until the host answers."));
        } else if (details.missingCapabilities().isEmpty()) {
            list.add(new Paragraph("This host supports every operation Corral offers."));
        }
        for (HostDetails.MissingCapability missing : details.missingCapabilities()) {
            Span what = new Span("No " + missing.capability());
            what.addClassName("corral-host-capability");
            list.add(new Div(what, new Span(missing.reason())));
        }
        return list;
    }

    private Paragraph health(HostHealth.Status health) {
        if (health == null) {
            return new Paragraph("Corral has not contacted this host yet.");
        }
        Paragraph text = new Paragraph();
        if (health.lastContact() != null) {
            Span last = new Span("Last contact " + PeopleTime.relative(health.lastContact(), clock.instant()) + ".");
            last.setTitle(PeopleTime.exact(health.lastContact()));
            text.add(new Span(health.reachable() ? "Answering. " : "Not answering: " + health.problem() + " "), last);
        } else {
            text.setText(health.reachable() ? "Answering." : "Has never answered: " + health.problem());
        }
        return text;
    }

    private static void fact(Div facts, String label, String value) {
        Span name = new Span(label);
        name.addClassName("corral-fact-label");
        facts.add(new Div(name, new Span(value)));
    }

    private static String orDash(String value) {
        return value == null ? "—" : value;
    }

    private static String plural(int n) {
        return n == 1 ? "" : "s";
    }
}
