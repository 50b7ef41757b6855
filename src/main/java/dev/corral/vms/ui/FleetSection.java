package dev.corral.vms.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.RouterLink;
import dev.corral.engine.VmState;
import dev.corral.hosts.HostGroupSummary;
import dev.corral.hosts.HostTree;
import dev.corral.jobs.JobService;
import dev.corral.jobs.JobState;
import dev.corral.ui.DashboardSection;
import dev.corral.vms.VmFilter;
import dev.corral.vms.VmService;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/** The dashboard's fleet: the VMs the user may see by state and by host group, and the jobs under way. */
@org.springframework.stereotype.Component
class FleetSection implements DashboardSection {

    private static final List<VmState> SHOWN = List.of(VmState.RUNNING, VmState.PAUSED, VmState.SAVED, VmState.OFF, VmState.UNKNOWN);

    private final VmService vms;
    private final HostTree tree;
    private final JobService jobs;

    FleetSection(VmService vms, HostTree tree, JobService jobs) {
        this.vms = vms;
        this.tree = tree;
        this.jobs = jobs;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> create() {
        long total = vms.count(VmFilter.NONE);
        Div section = new Div();
        section.addClassName("corral-dashboard-section");
        section.add(new H3("Virtual machines"));
        if (total == 0) {
            section.add(new Span("You may see no VMs yet: your roles cover no host group with VMs."));
            return Optional.of(section);
        }
        Div states = new Div();
        states.addClassName("corral-stat-row");
        states.add(stat(String.format("%,d", total), "in all"));
        for (VmState state : SHOWN) {
            long count = vms.count(new VmFilter(null, null, null, null, state, null));
            if (count > 0) {
                states.add(stat(String.format("%,d", count), state.name().toLowerCase()));
            }
        }
        section.add(states, byHostGroup(), running(), new RouterLink("Open the virtual machines", VirtualMachinesView.class));
        return Optional.of(section);
    }

    private com.vaadin.flow.component.Component byHostGroup() {
        UnorderedList list = new UnorderedList();
        list.addClassName("corral-dashboard-list");
        for (HostGroupSummary group : tree.groups()) {
            long count = vms.count(new VmFilter(null, null, group.id(), null, null, null));
            if (count > 0) {
                list.add(new ListItem(group.path() + ": " + count + (count == 1 ? " VM" : " VMs")));
            }
        }
        return list;
    }

    private com.vaadin.flow.component.Component running() {
        var active = jobs.list(null, JobState.RUNNING, PageRequest.of(0, 5, Sort.by(Sort.Direction.DESC, "createdAt")));
        Span heading = new Span(active.getTotalElements() == 0 ? "No jobs running."
                : active.getTotalElements() + (active.getTotalElements() == 1 ? " job running:" : " jobs running:"));
        Div jobsDiv = new Div(heading);
        if (active.getTotalElements() > 0) {
            UnorderedList list = new UnorderedList();
            active.forEach(job -> list.add(new ListItem(job.message() + " (" + job.progress() + "%)")));
            jobsDiv.add(list);
        }
        return jobsDiv;
    }

    private static Div stat(String value, String label) {
        Span number = new Span(value);
        number.addClassName("corral-stat-value");
        Span caption = new Span(label);
        caption.addClassName("corral-stat-label");
        Div stat = new Div(number, caption);
        stat.addClassName("corral-stat");
        return stat;
    }
}
