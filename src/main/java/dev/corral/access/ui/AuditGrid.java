package dev.corral.access.ui;

import dev.corral.ui.PeopleTime;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.data.renderer.LitRenderer;
import dev.corral.access.audit.AuditEntry;
import java.time.Clock;

/** The audit records, dense: one line each, the exact time and the full details on hover. */
class AuditGrid extends Grid<AuditEntry> {

    AuditGrid(Clock clock) {
        addClassName("corral-audit-grid");
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        setSelectionMode(SelectionMode.NONE);
        addColumn(e -> PeopleTime.relative(e.time(), clock.instant())).setHeader("Time")
                .setTooltipGenerator(e -> e.time().toString()).setWidth("7rem").setFlexGrow(0);
        addColumn(AuditEntry::principal).setHeader("Principal").setWidth("7rem").setFlexGrow(0)
                .setTooltipGenerator(AuditEntry::principal);
        addColumn(e -> orDash(e.sourceAddress())).setHeader("Source").setWidth("7rem").setFlexGrow(0);
        addColumn(e -> AuditOutcomes.channel(e.channel())).setHeader("Channel").setWidth("5rem").setFlexGrow(0);
        addColumn(AuditEntry::action).setHeader("Action").setWidth("8rem").setFlexGrow(0)
                .setTooltipGenerator(AuditEntry::action);
        addColumn(AuditGrid::object).setHeader("Object").setWidth("9rem").setFlexGrow(1)
                .setTooltipGenerator(AuditGrid::objectTooltip);
        addColumn(outcomeBadge()).setHeader("Outcome").setWidth("6rem").setFlexGrow(0);
        addColumn(e -> orDash(e.details())).setHeader("Details").setWidth("10rem").setFlexGrow(3)
                .setTooltipGenerator(e -> e.details() == null ? null : e.details());
    }

    private static LitRenderer<AuditEntry> outcomeBadge() {
        return LitRenderer.<AuditEntry>of(
                        "<span class=\"corral-outcome corral-outcome-${item.tone}\">${item.label}</span>")
                .withProperty("tone", e -> AuditOutcomes.tone(e.outcome()))
                .withProperty("label", e -> AuditOutcomes.label(e.outcome()));
    }

    private static String object(AuditEntry e) {
        String name = e.objectName() != null ? e.objectName() : e.objectId();
        if (name == null) {
            return e.objectType() == null ? "—" : e.objectType();
        }
        return e.objectType() == null ? name : e.objectType() + " " + name;
    }

    private static String objectTooltip(AuditEntry e) {
        return e.objectId() == null ? object(e) : object(e) + " (id " + e.objectId() + ")";
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "—" : text;
    }
}
