package dev.corral.licensing.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import dev.corral.access.NotPermittedException;
import dev.corral.base.NotFoundException;
import dev.corral.licensing.EnforcementMode;
import dev.corral.licensing.EnforcementPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The enforcement mode: the global one, and each host group's own or inherited. Those without
 * licensing.manage where a mode applies see it and why they cannot change it.
 */
class EnforcementPanel extends Div {

    /** What a host group may choose: its own mode, or the one above it. */
    private static final String INHERIT = "Inherit";

    private final EnforcementPolicy policy;
    private final Runnable changed;

    EnforcementPanel(EnforcementPolicy policy, Runnable changed) {
        this.policy = policy;
        this.changed = changed;
        addClassName("corral-licensing-policy");
        render();
    }

    private void render() {
        removeAll();
        EnforcementPolicy.Overview overview = policy.overview();
        Select<EnforcementMode> global = new Select<>();
        global.setAriaLabel("Global enforcement mode");
        global.setItems(EnforcementMode.values());
        global.setItemLabelGenerator(EnforcementMode::label);
        global.setValue(overview.global().mode());
        global.setEnabled(overview.mayChangeGlobal());
        if (!overview.mayChangeGlobal()) {
            global.setTooltipText("Your roles do not include licensing.manage everywhere.");
        }
        global.addValueChangeListener(event -> {
            if (event.isFromClient()) {
                apply(() -> policy.setGlobal(event.getValue()), "Global enforcement mode: " + event.getValue().code() + ".");
            }
        });
        Span label = new Span("Global mode, for host groups without their own:");
        Span meaning = new Span(overview.global().mode().label() + ": an operation exceeding a host's rights is "
                + overview.global().mode().meaning() + " (" + overview.global().source() + ").");
        meaning.addClassName("corral-licensing-intro");
        Div globalRow = new Div(label, global, meaning);
        globalRow.addClassName("corral-licensing-policy-global");
        add(globalRow, groups(overview.hostGroups()));
    }

    private Grid<EnforcementPolicy.GroupMode> groups(List<EnforcementPolicy.GroupMode> modes) {
        Grid<EnforcementPolicy.GroupMode> grid = new Grid<>();
        grid.addClassName("corral-licensing-modes");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setSelectionMode(Grid.SelectionMode.NONE);
        grid.setAllRowsVisible(true);
        grid.addColumn(EnforcementPolicy.GroupMode::path).setHeader("Host group").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::chooser).setHeader("Own mode").setWidth("11rem").setFlexGrow(0);
        grid.addColumn(m -> m.effective().mode().label() + " (from " + m.effective().source() + ")")
                .setHeader("Applies").setAutoWidth(true).setFlexGrow(1);
        grid.setItems(modes);
        return grid;
    }

    private Select<String> chooser(EnforcementPolicy.GroupMode group) {
        Select<String> select = new Select<>();
        select.setAriaLabel("Enforcement mode of " + group.path());
        List<String> choices = new ArrayList<>(List.of(INHERIT));
        for (EnforcementMode mode : EnforcementMode.values()) {
            choices.add(mode.label());
        }
        select.setItems(choices);
        select.setValue(group.own() == null ? INHERIT : group.own().label());
        select.setWidthFull();
        select.setEnabled(group.mayChange());
        if (!group.mayChange()) {
            select.setTooltipText("Your roles do not include licensing.manage on host group " + group.path() + ".");
        }
        select.addValueChangeListener(event -> {
            if (event.isFromClient()) {
                EnforcementMode mode = mode(event.getValue()).orElse(null);
                apply(() -> policy.setForGroup(group.id(), mode), "Host group " + group.path() + ": "
                        + (mode == null ? "inherits its enforcement mode" : "enforcement mode " + mode.code()) + ".");
            }
        });
        return select;
    }

    private static Optional<EnforcementMode> mode(String label) {
        return java.util.Arrays.stream(EnforcementMode.values()).filter(m -> m.label().equals(label)).findFirst();
    }

    private void apply(Supplier<EnforcementPolicy.Effective> change, String done) {
        try {
            change.get();
            Notification.show(done, 4000, Notification.Position.BOTTOM_END).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (NotPermittedException | NotFoundException e) {
            Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        render();
        changed.run();
    }
}
