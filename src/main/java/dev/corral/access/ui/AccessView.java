package dev.corral.access.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.corral.access.AccessPolicy;
import dev.corral.access.AssignmentService;
import dev.corral.access.Grant;
import dev.corral.access.NotPermittedException;
import dev.corral.access.Permission;
import dev.corral.access.RoleService;
import dev.corral.access.RoleView;
import dev.corral.access.Scope;
import dev.corral.access.directory.DirectorySearch;
import dev.corral.base.InvalidInputException;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

/** Who may do what where: assignments, roles, and the explanation of any decision. */
@Route("access")
@PageTitle("Access · Corral")
@PermitAll
class AccessView extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final AssignmentService assignments;
    private final AccessPolicy policy;
    private final Grid<Grant> grid = new Grid<>(Grant.class, false);
    private final DirectorySearch directory;
    private final RoleService roleService;

    AccessView(AssignmentService assignments, AccessPolicy policy, DirectorySearch directory, RoleService roleService) {
        this.assignments = assignments;
        this.roleService = roleService;
        this.directory = directory;
        this.policy = policy;
        addClassName("corral-view");
        setSizeFull();
        TabSheet tabs = new TabSheet();
        tabs.setSizeFull();
        tabs.add("Assignments", assignmentsTab());
        tabs.add("Roles", rolesTab());
        tabs.add("Explain", new ExplainPanel(assignments, policy));
        add(new H2("Access"), new Paragraph("Roles are sets of permissions; assignments give a role to a directory user "
                + "or group at a scope of the inventory, and everything below it. No Access wins over every grant."),
                yourAccess(), tabs);
    }

    /** What the signed-in user holds, and through which group. */
    private Div yourAccess() {
        UnorderedList list = new UnorderedList();
        list.addClassName("corral-your-access");
        assignments.mine().forEach(g -> list.add(new ListItem(g.role().name() + " on " + assignments.describe(g.scope())
                + (g.principalType() == dev.corral.access.PrincipalType.GROUP ? " (via group " + g.principalName() + ")" : ""))));
        Div section = new Div(new Span("Your access: "));
        section.addClassName("corral-your-access-section");
        if (list.getChildren().findAny().isEmpty()) {
            section.add(new Span("no role is assigned to you or your groups; ask an administrator."));
        } else {
            section.add(list);
        }
        return section;
    }

    private VerticalLayout assignmentsTab() {
        grid.addColumn(g -> g.principalType().name().toLowerCase() + " " + g.principalName()).setHeader("Principal")
                .setSortable(true).setFlexGrow(2);
        grid.addColumn(g -> g.role().name()).setHeader("Role").setSortable(true).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(g -> assignments.describe(g.scope())).setHeader("Scope").setSortable(true).setFlexGrow(2);
        grid.addColumn(g -> quota(g)).setHeader("Quota").setFlexGrow(2).setTooltipGenerator(AccessView::quota);
        grid.addColumn(g -> g.createdBy() + ", " + WHEN.format(g.createdAt())).setHeader("Created").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(this::removeButton).setHeader("").setFlexGrow(0).setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText("No assignments you may see. Assignments appear here for the scopes where you manage access.");
        Button add = new Button("Assign role", VaadinIcon.PLUS.create(), click -> new AssignDialog(assignments, directory, this::refresh).open());
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        if (!assignments.canAssignAnywhere()) {
            add.setEnabled(false);
            add.setTooltipText("Your roles do not include access.manage anywhere.");
        }
        refresh();
        VerticalLayout tab = new VerticalLayout(add, grid);
        tab.setPadding(false);
        tab.setSizeFull();
        return tab;
    }

    private void refresh() {
        grid.setItems(assignments.assignments());
    }

    private Button removeButton(Grant grant) {
        Button remove = new Button(VaadinIcon.TRASH.create());
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        remove.setAriaLabel("Remove assignment of " + grant.role().name() + " to " + grant.principalName());
        boolean allowed = policy.allows(Permission.ACCESS_MANAGE, grant.scope());
        remove.setEnabled(allowed);
        remove.setTooltipText(allowed ? "Remove this assignment" : "You do not manage access on " + assignments.describe(grant.scope()) + ".");
        remove.addClickListener(click -> confirmRemoval(grant));
        return remove;
    }

    private void confirmRemoval(Grant grant) {
        ConfirmDialog confirm = new ConfirmDialog("Remove assignment?",
                "Remove role " + grant.role().name() + " from " + grant.principalType().name().toLowerCase() + " "
                        + grant.principalName() + " on " + assignments.describe(grant.scope()) + "? They lose its rights at once.",
                "Remove", yes -> remove(grant));
        confirm.setCancelable(true);
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    private void remove(Grant grant) {
        try {
            assignments.unassign(grant.id());
            refresh();
            Notification.show("Assignment removed.", 3000, Notification.Position.BOTTOM_END);
        } catch (NotPermittedException | InvalidInputException e) {
            Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private static String quota(Grant grant) {
        if (grant.quota().isUnlimited()) {
            return grant.role().ownedVmsOnly() ? "unlimited" : "";
        }
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (grant.quota().vms() != null) {
            parts.add(grant.quota().vms() + " VMs");
        }
        if (grant.quota().vcpus() != null) {
            parts.add(grant.quota().vcpus() + " vCPUs");
        }
        if (grant.quota().memoryMiB() != null) {
            parts.add(grant.quota().memoryMiB() / 1024 + " GiB RAM");
        }
        if (grant.quota().storageGiB() != null) {
            parts.add(grant.quota().storageGiB() + " GiB disk");
        }
        return String.join(" · ", parts);
    }

    private VerticalLayout rolesTab() {
        Grid<RoleView> roles = new Grid<>(RoleView.class, false);
        roles.addColumn(RoleView::name).setHeader("Role").setFlexGrow(1);
        roles.addColumn(r -> r.deniesAll() ? "Denies everything at its scope and below"
                : r.permissions().stream().map(Permission::code).sorted().collect(Collectors.joining(", ")))
                .setHeader("Permissions").setFlexGrow(4);
        roles.addColumn(r -> r.builtIn() ? "built in" + (r.ownedVmsOnly() ? ", owned VMs only" : "") : "custom")
                .setHeader("Kind").setFlexGrow(1);
        roles.setItemDetailsRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(r -> new Paragraph(r.description())));
        roles.addThemeVariants(GridVariant.LUMO_COMPACT);
        roles.setItems(assignments.roles());
        Button add = new Button("New role", VaadinIcon.PLUS.create(),
                click -> new RoleDialog(roleService, () -> roles.setItems(assignments.roles())).open());
        if (!policy.allows(Permission.ACCESS_MANAGE, Scope.GLOBAL)) {
            add.setEnabled(false);
            add.setTooltipText("Custom roles are made by those who manage access everywhere.");
        }
        VerticalLayout tab = new VerticalLayout(add, roles);
        tab.setPadding(false);
        tab.setSizeFull();
        return tab;
    }

    /** "May P do X on O?" with the assignments that decide it. */
    static final class ExplainPanel extends VerticalLayout {
        ExplainPanel(AssignmentService assignments, AccessPolicy policy) {
            setPadding(false);
            TextField principal = new TextField("User");
            principal.setPlaceholder("e.g. branch-ops");
            ComboBox<Permission> permission = new ComboBox<>("Permission");
            permission.setItems(Permission.values());
            permission.setItemLabelGenerator(p -> p.code() + " — " + p.description());
            permission.setWidth("22em");
            ComboBox<Scope> object = new ComboBox<>("On");
            object.setItems(scopes(assignments));
            object.setItemLabelGenerator(assignments::describe);
            object.setValue(Scope.GLOBAL);
            object.setWidth("18em");
            Div result = new Div();
            result.addClassName("corral-explain");
            Button explain = new Button("Explain", click -> {
                principal.setInvalid(false);
                if (principal.getValue().isBlank() || permission.isEmpty()) {
                    principal.setInvalid(principal.getValue().isBlank());
                    principal.setErrorMessage("Name a directory user.");
                    permission.setInvalid(permission.isEmpty());
                    permission.setErrorMessage("Choose a permission.");
                    return;
                }
                result.removeAll();
                try {
                    AccessPolicy.Decision decision = policy.explain(principal.getValue().strip(), permission.getValue(),
                            object.getValue() == null ? Scope.GLOBAL : object.getValue());
                    result.add(decisionView(decision));
                } catch (NotPermittedException | dev.corral.base.RuleViolationException e) {
                    result.add(new Paragraph(e.getMessage()));
                }
            });
            explain.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            HorizontalLayout form = new HorizontalLayout(principal, permission, object, explain);
            form.setAlignItems(FlexComponent.Alignment.BASELINE);
            form.setWrap(true);
            add(form, result);
        }

        private static java.util.List<Scope> scopes(AssignmentService assignments) {
            java.util.List<Scope> all = new java.util.ArrayList<>(java.util.List.of(Scope.GLOBAL));
            all.addAll(assignments.assignableScopes().stream().filter(s -> s.kind() != Scope.Kind.GLOBAL).toList());
            return all;
        }

        private static Div decisionView(AccessPolicy.Decision decision) {
            Span verdict = new Span(decision.allowed() ? "Allowed" : "Not allowed");
            verdict.addClassNames("corral-badge", decision.allowed() ? "corral-badge-ok" : "corral-badge-error");
            UnorderedList because = new UnorderedList();
            decision.because().forEach(line -> because.add(new ListItem(line)));
            Div view = new Div(verdict, new Paragraph(decision.summary()));
            if (!decision.because().isEmpty()) {
                view.add(new Paragraph("Assignments that apply:"), because);
            }
            return view;
        }
    }
}
