package dev.corral.sprawl.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import dev.corral.sprawl.FindingResolver;
import dev.corral.sprawl.FindingState;
import dev.corral.sprawl.FindingView;
import dev.corral.sprawl.Resolution;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The actions above the findings grid: each enabled when every selected finding allows it (the
 * tooltip says why not), asking for what it needs or for confirmation, then resolving the selected
 * findings together and telling how each went.
 */
class FindingActions extends HorizontalLayout {

    private final FindingResolver resolver;
    private final Clock clock;
    private final Supplier<Set<FindingView>> selection;
    private final Runnable changed;
    private final Map<Resolution.Action, Button> actions = new EnumMap<>(Resolution.Action.class);

    FindingActions(FindingResolver resolver, Clock clock, Supplier<Set<FindingView>> selection, Runnable changed) {
        this.resolver = resolver;
        this.clock = clock;
        this.selection = selection;
        this.changed = changed;
        addClassName("corral-sprawl-bulk");
        setWrap(true);
        setSpacing("var(--lumo-space-s)");
        for (Resolution.Action action : List.of(Resolution.Action.ADOPT, Resolution.Action.EXTEND_LEASE,
                Resolution.Action.REASSIGN, Resolution.Action.REMOVE, Resolution.Action.DELETE_VM,
                Resolution.Action.DELETE_SNAPSHOT, Resolution.Action.IGNORE, Resolution.Action.REOPEN)) {
            String label = action.label() + (needsInput(action) ? "…" : "");
            Button button = new Button(label, click -> start(action));
            button.addThemeVariants(ButtonVariant.LUMO_SMALL);
            if (action == Resolution.Action.REMOVE || action == Resolution.Action.DELETE_VM
                    || action == Resolution.Action.DELETE_SNAPSHOT) {
                button.addThemeVariants(ButtonVariant.LUMO_ERROR);
            }
            actions.put(action, button);
            add(button);
        }
    }

    private static boolean needsInput(Resolution.Action action) {
        return action == Resolution.Action.ADOPT || action == Resolution.Action.EXTEND_LEASE
                || action == Resolution.Action.REASSIGN || action == Resolution.Action.IGNORE;
    }

    /** Enables each action that every selected finding allows; says why the others are off. */
    void update() {
        Set<FindingView> selected = selection.get();
        actions.forEach((action, button) -> {
            String why = whyNot(action, selected);
            button.setEnabled(why == null);
            button.setTooltipText(why == null ? action.label() + " the " + selected.size() + " selected" : why);
        });
    }

    static String whyNot(Resolution.Action action, Set<FindingView> selected) {
        if (selected.isEmpty()) {
            return "Select findings first.";
        }
        for (FindingView f : selected) {
            if (f.state() == FindingState.RESOLVED) {
                return f.objectName() + " is resolved already.";
            }
            if (action == Resolution.Action.REOPEN && f.state() != FindingState.IGNORED) {
                return "Only ignored findings can be re-opened.";
            }
            if (action == Resolution.Action.IGNORE && f.state() == FindingState.IGNORED) {
                return f.objectName() + " is ignored already.";
            }
            if (action != Resolution.Action.IGNORE && action != Resolution.Action.REOPEN && !f.kind().actions().contains(action)) {
                return "A finding of kind " + f.kind().label().toLowerCase(Locale.ROOT) + " is not resolved by "
                        + action.label().toLowerCase(Locale.ROOT) + ".";
            }
        }
        return null;
    }

    private void start(Resolution.Action action) {
        List<FindingView> chosen = new ArrayList<>(selection.get());
        if (chosen.isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        if (needsInput(action)) {
            new ResolveDialog(resolver, action, chosen, today, this::report).open();
            return;
        }
        String what = chosen.size() == 1 ? chosen.getFirst().objectName() : chosen.size() + " findings";
        String text = switch (action) {
            case REMOVE -> "Remove " + what + " from the inventory? The hosts no longer have "
                    + (chosen.size() == 1 ? "it" : "them") + "; the inventory's record and its assignments go.";
            case DELETE_VM -> "Delete " + what + " from " + (chosen.size() == 1 ? "its host" : "their hosts")
                    + ", with the snapshots? This cannot be undone.";
            case DELETE_SNAPSHOT -> "Delete the snapshot" + (chosen.size() == 1 ? " " + what : "s of " + what)
                    + "? Its children move to its parent.";
            default -> action.label() + " " + what + "?";
        };
        ConfirmDialog confirm = new ConfirmDialog(action.label() + " " + what + "?", text, action.label(),
                yes -> report(resolver.resolveAll(chosen.stream().map(FindingView::id).toList(), Resolution.of(action))));
        confirm.setCancelable(true);
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    /** Tells how the resolution went, and refreshes. */
    private void report(List<FindingResolver.Outcome> outcomes) {
        List<FindingResolver.Outcome> failed = outcomes.stream().filter(o -> !o.resolved()).toList();
        int ok = outcomes.size() - failed.size();
        if (ok > 0) {
            String text = outcomes.size() == 1 ? outcomes.getFirst().objectName() + ": " + outcomes.getFirst().message()
                    : ok + " finding" + (ok == 1 ? "" : "s") + " resolved.";
            Notification.show(text, 5000, Notification.Position.BOTTOM_END).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        }
        if (!failed.isEmpty()) {
            String text = String.join(" ", failed.stream().limit(5).map(o -> o.objectName() + ": " + o.message()).toList())
                    + (failed.size() > 5 ? " (and " + (failed.size() - 5) + " more)" : "");
            Notification.show(text, 8000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        changed.run();
    }
}
