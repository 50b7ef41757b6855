package dev.corral.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.corral.base.SignedInUser;
import jakarta.annotation.security.PermitAll;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The application shell: the side navigation, the signed-in user with their groups, sign out,
 * and the footers features contribute (the recent jobs strip). Navigation goes by path so the
 * shell does not depend on the features it lists.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    MainLayout(AuthenticationContext authenticationContext, java.util.List<ShellFooter> footers) {
        setPrimarySection(Section.DRAWER);
        addToDrawer(brand(), new Scroller(navigation()));
        addToNavbar(new DrawerToggle(), userBar(authenticationContext));
        // Beside the routed view in the content area, so navigating replaces the view and keeps the footers.
        footers.stream().sorted(java.util.Comparator.comparingInt(ShellFooter::order))
                .forEach(footer -> footer.create().ifPresent(component -> getElement().appendChild(component.getElement())));
    }

    private static Div brand() {
        Span name = new Span("Corral");
        name.addClassName("corral-brand-name");
        Div brand = new Div(VaadinIcon.CLUSTER.create(), name);
        brand.addClassName("corral-brand");
        return brand;
    }

    private static SideNav navigation() {
        SideNav nav = new SideNav();
        nav.addItem(
                new SideNavItem("Dashboard", "", VaadinIcon.DASHBOARD.create()),
                new SideNavItem("Hosts", "hosts", VaadinIcon.SERVER.create()),
                new SideNavItem("Virtual machines", "vms", VaadinIcon.DESKTOP.create()),
                new SideNavItem("Networks", "networks", VaadinIcon.CONNECT.create()),
                new SideNavItem("Licensing", "licensing", VaadinIcon.DIPLOMA.create()),
                new SideNavItem("Sprawl", "sprawl", VaadinIcon.SPLIT.create()),
                new SideNavItem("Audit", "audit", VaadinIcon.CLIPBOARD_TEXT.create()),
                new SideNavItem("Access", "access", VaadinIcon.KEY.create()));
        nav.addClassName("corral-nav");
        return nav;
    }

    private static HorizontalLayout userBar(AuthenticationContext authenticationContext) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        SignedInUser user = SignedInUser.from(authentication);
        Span name = new Span(user.displayName());
        name.addClassName("corral-user-name");
        name.setTitle("Signed in as " + user.name());
        Span groups = new Span(user.groups().isEmpty() ? "no directory groups" : String.join(", ", user.groups()));
        groups.addClassName("corral-user-groups");
        groups.setTitle("Your directory groups, nested groups included");
        Div who = new Div(name, groups);
        who.addClassName("corral-user");
        Button signOut = new Button("Sign out", VaadinIcon.SIGN_OUT.create(), click -> authenticationContext.logout());
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout bar = new HorizontalLayout(who, signOut);
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.addClassName("corral-user-bar");
        return bar;
    }
}
