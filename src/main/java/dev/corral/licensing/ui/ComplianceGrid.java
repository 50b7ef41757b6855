package dev.corral.licensing.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import dev.corral.licensing.LicensingCompliance.HostCompliance;
import java.util.List;

/** One line per host: edition, licences, rights, Windows VMs running, headroom, enforcement and status. */
class ComplianceGrid extends Grid<HostCompliance> {

    ComplianceGrid() {
        super(HostCompliance.class, false);
        addClassName("corral-licensing-grid");
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        setSelectionMode(SelectionMode.NONE);
        setAllRowsVisible(true);
        addComponentColumn(ComplianceGrid::host).setHeader("Host").setWidth("8rem").setFlexGrow(0)
                .setComparator(HostCompliance::hostName);
        addComponentColumn(ComplianceGrid::edition).setHeader("Edition").setWidth("11rem").setFlexGrow(1)
                .setComparator(h -> h.edition() == null ? "" : h.edition());
        addColumn(h -> h.licenceCount() == null ? "—" : String.valueOf(h.licenceCount())).setHeader("Licences")
                .setWidth("5.5rem").setFlexGrow(0);
        addColumn(ComplianceGrid::allowed).setHeader("Rights").setWidth("5.5rem").setFlexGrow(0)
                .setTooltipGenerator(h -> "Running Windows VMs the edition allows");
        addColumn(h -> String.valueOf(h.windowsRunning())).setHeader("Running").setWidth("5.5rem").setFlexGrow(0)
                .setTooltipGenerator(StatusBadge::runningNames);
        addColumn(h -> h.headroom() == null ? "—" : String.valueOf(h.headroom())).setHeader("Headroom").setWidth("6.5rem")
                .setFlexGrow(0);
        addColumn(h -> label(h.mode())).setHeader("Mode").setWidth("5.5rem").setFlexGrow(0)
                .setTooltipGenerator(h -> "Enforcement mode, from " + h.modeSource());
        addComponentColumn(StatusBadge::of).setHeader("Status").setWidth("9.5rem").setFlexGrow(0)
                .setTooltipGenerator(h -> h.statusText() + (h.warnings().isEmpty() ? "" : ". " + String.join(" ", h.warnings())));
    }

    void show(List<HostCompliance> hosts) {
        setItems(hosts);
    }

    /** The host's link, with its host group beneath. */
    private static Div host(HostCompliance h) {
        Span group = new Span(h.hostGroup());
        group.addClassName("corral-licensing-group");
        Div cell = new Div(new Anchor("hosts/" + h.hostId(), h.hostName()), group);
        cell.addClassName("corral-licensing-host-cell");
        return cell;
    }

    static String label(String mode) {
        return mode.isEmpty() ? mode : Character.toUpperCase(mode.charAt(0)) + mode.substring(1);
    }

    private static Span edition(HostCompliance h) {
        if (h.edition() == null) {
            Span none = new Span("none recorded");
            none.addClassName("corral-licensing-unknown");
            return none;
        }
        Span edition = new Span(h.edition() + (h.editionKnown() ? "" : " (unknown edition)"));
        if (!h.editionKnown()) {
            edition.addClassName("corral-licensing-unknown");
        }
        return edition;
    }

    private static String allowed(HostCompliance h) {
        return switch (h.status()) {
            case UNLIMITED -> "unlimited";
            case UNKNOWN_EDITION, NO_EDITION -> "—";
            default -> String.valueOf(h.rights());
        };
    }
}
