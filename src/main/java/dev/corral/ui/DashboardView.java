package dev.corral.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
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

    DashboardView(java.util.List<DashboardSection> sections) {
        addClassName("corral-view");
        SignedInUser user = SignedInUser.from(SecurityContextHolder.getContext().getAuthentication());
        H2 welcome = new H2("Welcome, " + user.displayName());
        Paragraph who = new Paragraph("You are signed in as " + user.name() + ". The directory places you in "
                + (user.groups().isEmpty() ? "no groups." : "these groups: " + String.join(", ", user.groups()) + "."));
        who.addClassName("corral-dashboard-who");
        add(welcome, who);
        sections.stream().sorted(java.util.Comparator.comparingInt(DashboardSection::order))
                .forEach(section -> section.create().ifPresent(this::add));
    }
}
