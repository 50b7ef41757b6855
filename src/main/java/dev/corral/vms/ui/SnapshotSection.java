package dev.corral.vms.ui;

import dev.corral.ui.PeopleTime;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.treegrid.TreeGrid;
import dev.corral.engine.SnapshotInfo;
import dev.corral.vms.VmSnapshots;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A VM's snapshot tree with its operations: take, apply, delete (one or with its children). Each
 * button is disabled with the reason where the caller's roles or the host do not allow it.
 */
class SnapshotSection extends VerticalLayout {

    static final String WARNING = "Snapshots are for test and development, not production: they slow the VM's disks "
            + "and are not backups.";

    private final VmSnapshots service;
    private final UUID vmId;
    private final String vmName;
    private final Instant now;
    private final List<SnapshotInfo> snapshots;
    private final Map<String, String> unavailable;
    private final TreeGrid<SnapshotInfo> tree = new TreeGrid<>();
    private final Button apply = new Button("Apply snapshot", click -> selected().ifPresent(this::confirmApply));
    private final Button rename = new Button("Rename", click -> selected().ifPresent(this::openRename));
    private final Button delete = new Button("Delete snapshot", click -> selected().ifPresent(s -> confirmDelete(s, false)));
    private final Button deleteTree = new Button("Delete with children", click -> selected().ifPresent(s -> confirmDelete(s, true)));

    SnapshotSection(VmSnapshots service, UUID vmId, String vmName, VmSnapshots.Overview overview, Instant now) {
        this.service = service;
        this.vmId = vmId;
        this.vmName = vmName;
        this.now = now;
        this.snapshots = overview.snapshots();
        this.unavailable = overview.unavailable();
        addClassName("corral-snapshots");
        setPadding(false);
        add(new H3("Snapshots"), warning(), toolbar());
        if (overview.hostProblem() != null) {
            Paragraph problem = new Paragraph("The snapshots cannot be read: " + overview.hostProblem());
            problem.addClassName("corral-form-error");
            add(problem);
        } else if (snapshots.isEmpty()) {
            Paragraph empty = new Paragraph("No snapshots yet. Take one before a risky change, such as a patch, "
                    + "to return to it if the change goes wrong.");
            empty.addClassName("corral-planned-note");
            add(empty);
        } else {
            add(tree());
        }
        updateButtons();
    }

    private static Div warning() {
        Div callout = new Div(VaadinIcon.WARNING.create(), new Span(WARNING));
        callout.addClassName("corral-callout-warning");
        callout.getElement().setAttribute("role", "note");
        return callout;
    }

    private HorizontalLayout toolbar() {
        Button take = new Button("Take snapshot", click -> new TakeSnapshotDialog(service, vmId, vmName).open());
        take.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        VmView.disableIf(take, unavailable.get(VmSnapshots.TAKE));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        deleteTree.addThemeVariants(ButtonVariant.LUMO_ERROR);
        HorizontalLayout bar = new HorizontalLayout(take, apply, rename, delete, deleteTree);
        bar.setWrap(true);
        return bar;
    }

    private TreeGrid<SnapshotInfo> tree() {
        tree.addHierarchyColumn(SnapshotInfo::name).setHeader("Name").setFlexGrow(2);
        tree.addColumn(s -> PeopleTime.relative(s.createdAt(), now)).setHeader("Taken")
                .setTooltipGenerator(s -> PeopleTime.exact(s.createdAt()));
        tree.addComponentColumn(s -> StateBadge.of(s.vmState())).setHeader("State then");
        tree.addComponentColumn(SnapshotSection::currentMarker).setHeader("Current")
                .setTooltipGenerator(s -> s.current() ? "The VM runs on from this snapshot; a new one becomes its child." : null);
        List<SnapshotInfo> roots = snapshots.stream().filter(s -> s.parentId() == null || byId(s.parentId()) == null).toList();
        tree.setItems(roots, this::children);
        tree.expandRecursively(roots, Integer.MAX_VALUE);
        tree.setAllRowsVisible(true);
        tree.addSelectionListener(selection -> updateButtons());
        // A click on the selected snapshot keeps it selected (the selection also outlives a redraw of the page).
        ((com.vaadin.flow.component.grid.GridSingleSelectionModel<SnapshotInfo>) tree.getSelectionModel()).setDeselectAllowed(false);
        tree.setAriaLabel("Snapshot tree of " + vmName);
        tree.addClassName("corral-snapshot-tree");
        return tree;
    }

    private void openRename(SnapshotInfo snapshot) {
        new TakeSnapshotDialog(service, vmId, vmName, snapshot).open();
    }

    private static Component currentMarker(SnapshotInfo snapshot) {
        if (!snapshot.current()) {
            return new Span();
        }
        Span marker = new Span(VaadinIcon.ARROW_LEFT.create(), new Span("Now here"));
        marker.addClassNames("corral-badge", "corral-badge-ok", "corral-snapshot-current");
        return marker;
    }

    private void updateButtons() {
        SnapshotInfo chosen = selected().orElse(null);
        String none = snapshots.isEmpty() ? "This VM has no snapshots." : "Select a snapshot in the tree first.";
        enable(apply, unavailable.get(VmSnapshots.APPLY), chosen == null ? none : null);
        enable(delete, unavailable.get(VmSnapshots.DELETE), chosen == null ? none : null);
        enable(rename, unavailable.get(VmSnapshots.DELETE), chosen == null ? none : null);
        enable(deleteTree, unavailable.get(VmSnapshots.DELETE), chosen == null ? none
                : children(chosen).isEmpty() ? "Snapshot " + chosen.name() + " has no children." : null);
    }

    private static void enable(Button button, String notAllowed, String notApplicable) {
        String reason = notAllowed != null ? notAllowed : notApplicable;
        button.setEnabled(reason == null);
        button.setTooltipText(reason);
    }

    private void confirmApply(SnapshotInfo snapshot) {
        ConfirmDialog confirm = new ConfirmDialog("Apply snapshot " + snapshot.name() + "?",
                vmName + " returns to snapshot " + snapshot.name() + ", taken " + PeopleTime.exact(snapshot.createdAt())
                        + ". Its current state is lost unless you take a snapshot of it first.",
                "Apply", yes -> Submit.job(() -> service.applySnapshot(vmId, snapshot.id())));
        confirm.setCancelable(true);
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    private void confirmDelete(SnapshotInfo snapshot, boolean subtree) {
        Div text = new Div();
        List<SnapshotInfo> below = descendants(snapshot);
        if (subtree) {
            text.add(new Paragraph("Delete snapshot " + snapshot.name() + " of " + vmName + " and these "
                    + below.size() + " snapshots below it?"));
            UnorderedList list = new UnorderedList(below.stream().map(s -> new ListItem(s.name())).toArray(ListItem[]::new));
            list.addClassName("corral-snapshot-children");
            text.add(list);
        } else {
            text.add(new Paragraph("Delete snapshot " + snapshot.name() + " of " + vmName + "?"
                    + (below.isEmpty() ? "" : " Its children move up to its parent.")));
        }
        text.add(new Paragraph("This cannot be undone."));
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(subtree ? "Delete " + snapshot.name() + " and its children?" : "Delete snapshot " + snapshot.name() + "?");
        confirm.setText(text);
        confirm.setConfirmText(subtree ? "Delete all " + (below.size() + 1) : "Delete permanently");
        confirm.setConfirmButtonTheme("error primary");
        confirm.setCancelable(true);
        confirm.addConfirmListener(yes -> Submit.job(() -> service.deleteSnapshot(vmId, snapshot.id(), subtree)));
        confirm.open();
    }

    /** The snapshot selected in the tree, so a redrawn section can select it again. */
    String selectedId() {
        return selected().map(SnapshotInfo::id).orElse(null);
    }

    /** Selects the snapshot with this id again, if it is still there. */
    void reselect(String id) {
        if (id != null) {
            snapshots.stream().filter(s -> s.id().equals(id)).findFirst().ifPresent(tree::select);
        }
    }

    private java.util.Optional<SnapshotInfo> selected() {
        return tree.getSelectedItems().stream().findFirst();
    }

    private List<SnapshotInfo> children(SnapshotInfo parent) {
        return snapshots.stream().filter(s -> Objects.equals(s.parentId(), parent.id())).toList();
    }

    private List<SnapshotInfo> descendants(SnapshotInfo root) {
        List<SnapshotInfo> found = new ArrayList<>();
        for (SnapshotInfo child : children(root)) {
            found.add(child);
            found.addAll(descendants(child));
        }
        return found;
    }

    private SnapshotInfo byId(String id) {
        return snapshots.stream().filter(s -> s.id().equals(id)).findFirst().orElse(null);
    }
}
