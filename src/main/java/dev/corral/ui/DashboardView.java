package dev.corral.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.corral.base.SignedInUser;
import jakarta.annotation.security.PermitAll;
import org.springframework.security.core.context.SecurityContextHolder;

/** The landing page after sign-in. */
@Route("")
@PageTitle("Dashboard · Corral")
@PermitAll
class DashboardView extends VerticalLayout {

    DashboardView() {
        addClassName("corral-view");
        SignedInUser user = SignedInUser.from(SecurityContextHolder.getContext().getAuthentication());
        H2 welcome = new H2("Welcome, " + user.displayName());
        Paragraph who = new Paragraph("You are signed in as " + user.name() + ". The directory places you in "
                + (user.groups().isEmpty() ? "no groups." : "these groups: " + String.join(", ", user.groups()) + "."));
        who.addClassName("corral-dashboard-who");
        Paragraph fleet = new Paragraph("The fleet overview (hosts, running VMs, capacity, licensing and sprawl "
                + "at a glance) arrives with the inventory. Until then the console has no hosts to summarise.");
        UnorderedList live = new UnorderedList(
                new ListItem("Sign-in against the directory, with nested groups and lock-out after repeated failures."),
                new ListItem("The REST API's first resource: GET /api/v1/me with HTTP Basic."));
        add(welcome, who, new H3("Fleet"), fleet, new H3("Working today"), live);
    }
}
