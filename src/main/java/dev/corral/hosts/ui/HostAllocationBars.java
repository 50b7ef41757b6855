package dev.corral.hosts.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.progressbar.ProgressBarVariant;
import dev.corral.engine.HostFacts;
import dev.corral.hosts.HostAllocation;
import dev.corral.hosts.HostDetails;
import java.util.Locale;

/** The registered VMs' vCPUs and memory against what the host has, as bars; over-commitment shows red. */
final class HostAllocationBars {

    private HostAllocationBars() {
    }

    static Div of(HostDetails details) {
        Div bars = new Div();
        bars.addClassName("corral-host-allocation");
        HostAllocation.Allocation a = details.allocation();
        HostFacts facts = details.facts();
        if (facts == null) {
            bars.add(new Paragraph(a.vms() + " registered VM" + (a.vms() == 1 ? "" : "s") + ": " + a.vcpus() + " vCPUs, "
                    + gib(a.memoryMiB()) + "; the host's capacity is unknown until it answers."));
            return bars;
        }
        bars.add(bar("Virtual processors", a.vcpus() + " vCPUs allocated of " + facts.logicalProcessors()
                + " logical processors", a.vcpus(), facts.logicalProcessors()));
        bars.add(bar("Memory", gib(a.memoryMiB()) + " allocated of " + gib(facts.memoryTotalMiB()), a.memoryMiB(),
                facts.memoryTotalMiB()));
        return bars;
    }

    private static Div bar(String label, String text, long used, long total) {
        ProgressBar bar = new ProgressBar(0, Math.max(1, Math.max(used, total)), used);
        bar.getElement().setAttribute("aria-label", label + ": " + text);
        if (used > total) {
            bar.addThemeVariants(ProgressBarVariant.LUMO_ERROR);
        }
        Span name = new Span(label);
        name.addClassName("corral-fact-label");
        Div row = new Div(name, bar, new Span(text + (used > total ? " (over-committed)" : "")));
        row.addClassName("corral-host-bar");
        return row;
    }

    static String gib(long mib) {
        return String.format(Locale.ROOT, "%.1f GiB", mib / 1024.0);
    }
}
