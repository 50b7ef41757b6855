package dev.corral.hosts.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.treegrid.TreeGrid;
import dev.corral.access.NotPermittedException;
import dev.corral.base.InvalidInputException;
import dev.corral.base.NotFoundException;
import dev.corral.hosts.HostGroupAdministration;
import dev.corral.hosts.HostGroupSummary;
import dev.corral.hosts.NewHostGroup;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The host-group tree with New group, Rename and Delete acting on the selected group. */
class HostGroupPanel extends VerticalLayout {

    private final HostGroupAdministration groups;
    private final Runnable changed;
    private final TreeGrid<HostGroupSummary> tree = new TreeGrid<>();
    private final Button create = new Button("New group", click -> create());
    private final Button rename = new Button("Rename", click -> rename());
    private final Button delete = new Button("Delete", click -> confirmDelete());

    HostGroupPanel(HostGroupAdministration groups, Runnable changed) {
        this.groups = groups;
        this.changed = changed;
        addClassName("corral-host-groups");
        setPadding(false);
        setWidth("18rem");
        setHeightFull();
        tree.addHierarchyColumn(HostGroupSummary::name).setHeader("Host groups");
        tree.addThemeVariants(GridVariant.LUMO_COMPACT);
        tree.addClassName("corral-host-group-tree");
        tree.setEmptyStateText("No host groups you may see.");
        tree.asSingleSelect().addValueChangeListener(change -> actionsFor(change.getValue()));
        List.of(create, rename, delete).forEach(b -> b.addThemeVariants(ButtonVariant.LUMO_SMALL));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        HorizontalLayout actions = new HorizontalLayout(create, rename, delete);
        actions.setSpacing(true);
        actions.addClassName("corral-host-group-actions");
        add(new H3("Host groups"), actions, tree);
        setFlexGrow(1, tree);
        refresh();
    }

    HostGroupSummary selected() {
        return tree.asSingleSelect().getValue();
    }

    void refresh() {
        List<HostGroupSummary> all = groups.visibleGroups();
        Set<UUID> ids = all.stream().map(HostGroupSummary::id).collect(Collectors.toSet());
        List<HostGroupSummary> roots = all.stream().filter(g -> g.parentId() == null || !ids.contains(g.parentId())).toList();
        tree.setItems(roots, parent -> all.stream().filter(g -> parent.id().equals(g.parentId())).toList());
        tree.expandRecursively(roots, 3);
        actionsFor(null);
    }

    private void actionsFor(HostGroupSummary group) {
        boolean here = groups.mayManage(group == null ? null : group.id());
        enable(create, here, group == null
                ? "A top-level host group needs host.manage everywhere; select a group to create one inside it."
                : "Your roles do not include host.manage on host group " + group.path() + ".");
        String why = group == null ? "Select a host group first."
                : "Your roles do not include host.manage on host group " + group.path() + ".";
        enable(rename, group != null && here, why);
        enable(delete, group != null && here, why);
    }

    private static void enable(Button button, boolean enabled, String reason) {
        button.setEnabled(enabled);
        button.setTooltipText(enabled ? null : reason);
    }

    private void create() {
        HostGroupSummary parent = selected();
        String title = parent == null ? "New top-level host group" : "New host group in " + parent.path();
        new HostGroupNameDialog(title, "", "Create", name -> {
            groups.create(new NewHostGroup(name, parent == null ? null : parent.id()));
            done("Created host group " + name + ".");
        }).open();
    }

    private void rename() {
        HostGroupSummary group = Objects.requireNonNull(selected());
        new HostGroupNameDialog("Rename host group " + group.path(), group.name(), "Rename", name -> {
            groups.rename(group.id(), name);
            done("Renamed host group " + group.name() + " to " + name.strip() + ".");
        }).open();
    }

    private void confirmDelete() {
        HostGroupSummary group = Objects.requireNonNull(selected());
        ConfirmDialog confirm = new ConfirmDialog("Delete " + group.name() + "?", "Delete host group " + group.path()
                + "? Roles assigned on it are removed too.", "Delete", yes -> delete(group));
        confirm.setCancelable(true);
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    private void delete(HostGroupSummary group) {
        try {
            groups.delete(group.id());
            done("Deleted host group " + group.path() + ".");
        } catch (InvalidInputException | NotPermittedException | NotFoundException e) {
            Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void done(String message) {
        Notification.show(message, 3000, Notification.Position.BOTTOM_END).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        refresh();
        changed.run();
    }
}
