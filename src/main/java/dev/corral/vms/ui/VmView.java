package dev.corral.vms.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import dev.corral.jobs.JobChanged;
import dev.corral.jobs.JobState;
import dev.corral.jobs.JobView;
import dev.corral.vms.VmAction;
import dev.corral.vms.VmConfiguration;
import dev.corral.vms.VmDetails;
import dev.corral.vms.VmEvents;
import dev.corral.vms.VmNotFoundException;
import dev.corral.vms.VmService;
import dev.corral.vms.VmSnapshots;
import dev.corral.vms.VmStateChanged;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;

/** One VM: what it is, its state as its host reports it, and the actions the user may take. */
@StyleSheet("context://styles/vm-snapshots.css")
@Route("vms/:id")
@PageTitle("VM · Corral")
@PermitAll
class VmView extends VerticalLayout implements BeforeEnterObserver {

    private final VmService vms;
    private final VmSnapshots snapshots;
    private final VmConfiguration configuration;
    private final VmEvents events;
    private final Clock clock;
    private final dev.corral.jobs.JobService jobs;
    private final dev.corral.vms.VmLeases leases;
    private final dev.corral.vms.VmConsoles consoles;
    private UUID id;
    private Runnable unlisten;

    VmView(VmService vms, VmSnapshots snapshots, VmConfiguration configuration, VmEvents events, Clock clock,
            dev.corral.jobs.JobService jobs, dev.corral.vms.VmLeases leases, dev.corral.vms.VmConsoles consoles) {
        this.consoles = consoles;
        this.jobs = jobs;
        this.leases = leases;
        this.vms = vms;
        this.snapshots = snapshots;
        this.configuration = configuration;
        this.events = events;
        this.clock = clock;
        addClassName("corral-view");
    }

    private SnapshotSection snapshotSection;
    private volatile dev.corral.engine.VmState shownState;

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            id = UUID.fromString(event.getRouteParameters().get("id").orElse(""));
        } catch (IllegalArgumentException e) {
            missing();
            return;
        }
        render();
    }

    private void missing() {
        removeAll();
        add(new H2("No such VM"), new Paragraph("This VM does not exist, or your roles do not let you see it."),
                new RouterLink("Back to the virtual machines", VirtualMachinesView.class));
    }

    /** Draws the VM as it is now; one deleted meanwhile (or no longer visible) is said to be gone. */
    private void render() {
        VmDetails details;
        VmSnapshots.Overview overview;
        try {
            details = vms.details(id);
            overview = snapshots.overview(id);
        } catch (VmNotFoundException | dev.corral.base.NotFoundException e) {
            missing();
            return;
        }
        removeAll();
        shownState = details.vm().state();
        H2 title = new H2(details.vm().name());
        HorizontalLayout heading = new HorizontalLayout(title, StateBadge.of(details.vm().state()));
        heading.setAlignItems(FlexComponent.Alignment.CENTER);
        add(new RouterLink("‹ Virtual machines", VirtualMachinesView.class), heading, actions(details, overview));
        leaseNotice(details.provenance().lease());
        add(facts(details));
        if (details.hostProblem() != null) {
            Paragraph problem = new Paragraph("The host does not answer: " + details.hostProblem());
            problem.addClassName("corral-form-error");
            add(problem);
        }
        add(new VmHardwareSection(details.live() == null ? null : details.live().spec()));
        // Redrawn when the VM changes: the snapshot a user had selected stays selected.
        String selectedSnapshot = snapshotSection == null ? null : snapshotSection.selectedId();
        snapshotSection = new SnapshotSection(snapshots, id, details.vm().name(), overview, clock.instant());
        snapshotSection.reselect(selectedSnapshot);
        add(snapshotSection);
        add(new VmJobHistory(jobs, id, clock.instant()));
    }

    private HorizontalLayout actions(VmDetails details, VmSnapshots.Overview overview) {
        HorizontalLayout bar = new HorizontalLayout();
        bar.setWrap(true);
        for (VmAction action : VmAction.values()) {
            Button button = new Button(action.label(), click -> run(() -> vms.act(id, action)));
            disableIf(button, details.unavailableActions().get(action.code()));
            bar.add(button);
        }
        Button delete = new Button("Delete", click -> confirmDelete(details.vm().name()));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        disableIf(delete, details.unavailableActions().get("delete"));
        Button edit = new Button("Edit", click -> new EditVmDialog(configuration, details.vm(), details.provenance(),
                details.live() == null ? java.util.List.of() : details.live().spec().networkAdapters()).open());
        disableIf(edit, details.unavailableActions().get(VmService.CONFIGURE));
        Button migrate = new Button("Migrate", click -> new MigrateDialog(snapshots, id, details.vm().name(),
                details.vm().hostName()).open());
        disableIf(migrate, overview.unavailable().get(VmSnapshots.MIGRATE));
        bar.add(edit, migrate, delete);
        if (consoles.permitted(id)) {
            Button console = new Button("Console", com.vaadin.flow.component.icon.VaadinIcon.DESKTOP.create(),
                    click -> UI.getCurrent().navigate("vms/" + id + "/console"));
            console.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            String whyNot = details.capabilities() == null ? "The host does not answer."
                    : details.capabilities().whyNot(dev.corral.engine.Capability.CONSOLE).orElse(null);
            disableIf(console, whyNot);
            bar.addComponentAsFirst(console);
            if (whyNot == null) {
                // The console's script (noVNC, some fifty modules) is fetched while the user reads this
                // page, so a click on Console waits only for the connection.
                console.getElement().executeJs("import(new URL('console/corral-console.js', document.baseURI).href).catch(() => {})");
            }
        }
        if (details.provenance().lease() != null) {
            Button renew = new Button("Renew lease", click -> renewLease(details.vm().name(), details.provenance().lease()));
            if (!leases.mayRenew(id)) {
                renew.setEnabled(false);
                renew.setTooltipText("Only the VM's owner, or whoever holds vm.ownership on it, renews its lease.");
            }
            bar.add(renew);
        }
        return bar;
    }

    /** Says so when the lease ends within the notice period, or has ended. */
    private void leaseNotice(dev.corral.vms.VmLease lease) {
        if (lease == null) {
            return;
        }
        java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(java.time.ZoneOffset.UTC));
        long days = java.time.temporal.ChronoUnit.DAYS.between(today, lease.expires());
        if (days > leases.noticeDays()) {
            return;
        }
        String when = days < 0 ? "ended " + -days + (days == -1 ? " day" : " days") + " ago"
                : days == 0 ? "ends today" : "ends in " + days + (days == 1 ? " day" : " days");
        Paragraph notice = new Paragraph("This VM's lease " + when + " (" + lease.expires() + "); then: "
                + lease.action().label().toLowerCase(java.util.Locale.ROOT) + ". Renew it if the VM is still needed.");
        notice.addClassName("corral-lease-notice");
        notice.getStyle().set("margin", "0").set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("border-radius", "var(--lumo-border-radius-m)")
                .set("border-left", "4px solid var(--lumo-warning-color, hsl(48, 100%, 50%))")
                .set("background", "var(--lumo-warning-color-10pct, #fff4d6)")
                .set("color", "var(--lumo-warning-text-color, #8a5a00)").set("font-size", "var(--lumo-font-size-s)");
        add(notice);
    }

    /** A small dialog: the lease's new last day (within the host group's longest lease) and what happens then. */
    private void renewLease(String name, dev.corral.vms.VmLease lease) {
        com.vaadin.flow.component.dialog.Dialog dialog = new com.vaadin.flow.component.dialog.Dialog();
        dialog.setHeaderTitle("Renew the lease of " + name);
        java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(java.time.ZoneOffset.UTC));
        java.time.LocalDate latest = leases.latestEnd(id);
        com.vaadin.flow.component.datepicker.DatePicker expires = new com.vaadin.flow.component.datepicker.DatePicker("Lease ends");
        expires.setMin(today.plusDays(1));
        expires.setMax(latest);
        java.time.LocalDate proposal = today.plusDays(30);
        expires.setValue(proposal.isAfter(latest) ? latest : proposal);
        expires.setHelperText("At the latest " + latest + ".");
        com.vaadin.flow.component.select.Select<dev.corral.vms.VmLease.Action> then = new com.vaadin.flow.component.select.Select<>();
        then.setLabel("When it ends");
        then.setItems(dev.corral.vms.VmLease.Action.values());
        then.setItemLabelGenerator(dev.corral.vms.VmLease.Action::label);
        then.setValue(lease.action());
        Paragraph error = new Paragraph();
        error.addClassName("corral-form-error");
        Button save = new Button("Renew", click -> {
            expires.setInvalid(false);
            error.setText("");
            try {
                dev.corral.vms.VmLease renewed = leases.renew(id, expires.getValue(), then.getValue());
                dialog.close();
                Notification.show("The lease of " + name + " now ends " + renewed.expires() + ".", 4000,
                        Notification.Position.BOTTOM_END).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                render();
            } catch (dev.corral.base.InvalidInputException | dev.corral.base.RuleViolationException e) {
                expires.setErrorMessage(e.getMessage());
                expires.setInvalid(true);
            } catch (dev.corral.access.NotPermittedException | dev.corral.base.NotFoundException | VmNotFoundException e) {
                error.setText(e.getMessage());
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new com.vaadin.flow.component.formlayout.FormLayout(expires, then), error);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), save);
        dialog.open();
    }

    static void disableIf(Button button, String reason) {
        if (reason != null) {
            button.setEnabled(false);
            button.setTooltipText(reason);
        }
    }

    private void confirmDelete(String name) {
        ConfirmDialog confirm = new ConfirmDialog("Delete " + name + "?", "Delete VM " + name
                + " from its host, with its snapshots? This cannot be undone.", "Delete", yes -> run(() -> vms.delete(id)));
        confirm.setCancelable(true);
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    private void run(Supplier<JobView> operation) {
        Submit.job(operation);
    }

    private Div facts(VmDetails details) {
        Div facts = new Div();
        facts.addClassName("corral-facts");
        fact(facts, "Host", details.vm().hostName());
        fact(facts, "Owner", details.vm().owner() == null ? "—" : details.vm().owner());
        fact(facts, "Virtual processors", String.valueOf(details.vm().vcpus()));
        fact(facts, "Memory", String.format("%.1f GiB", details.vm().memoryMiB() / 1024.0));
        fact(facts, "Configuration version", String.valueOf(details.vm().version()));
        dev.corral.vms.VmProvenance about = details.provenance();
        fact(facts, "Purpose", about.purpose() == null ? "—" : about.purpose());
        fact(facts, "Created", about.createdAt() == null ? "before Corral recorded it"
                : dev.corral.ui.PeopleTime.exact(about.createdAt()) + " by " + about.createdBy());
        fact(facts, "Lease", about.lease() == null ? "none" : "ends " + about.lease().expires() + "; then: "
                + about.lease().action().label().toLowerCase());
        fact(facts, "Tags", about.tags().isEmpty() ? "—" : dev.corral.vms.VmTags.format(about.tags()));
        if (details.live() != null) {
            fact(facts, "Guest OS", details.live().spec().guestOs().name());
            fact(facts, "Architecture", details.live().spec().architecture().name().toLowerCase());
            details.live().integration().forEach(s -> fact(facts, "Integration: " + s.service().name().toLowerCase()
                    .replace('_', ' '), s.status().name().toLowerCase().replace('_', ' ')));
        }
        return facts;
    }

    private static void fact(Div facts, String label, String value) {
        Span name = new Span(label);
        name.addClassName("corral-fact-label");
        facts.add(new Div(name, new Span(value)));
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        UI ui = attach.getUI();
        unlisten = events.listen(event -> {
            if (event instanceof VmStateChanged changed && changed.vmId().equals(id) && changed.state() != shownState) {
                // Only a new state redraws the page: a redraw under the user's pointer would lose their click.
                ui.access(this::render);
            } else if (event instanceof JobChanged changed && id != null && id.equals(changed.job().vmId())
                    && !changed.job().state().isActive()) {
                ui.access(() -> finished(changed.job()));
            }
        });
    }

    private void finished(JobView job) {
        Notification note = Notification.show(job.message(), 5000, Notification.Position.BOTTOM_END);
        note.addThemeVariants(job.state() == JobState.SUCCEEDED ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_ERROR);
        if (job.state() == JobState.SUCCEEDED && job.kind().equals("vm.delete")) {
            UI.getCurrent().navigate(VirtualMachinesView.class);
        } else {
            render();
        }
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        if (unlisten != null) {
            unlisten.run();
        }
    }
}
