package dev.corral.sprawl.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import dev.corral.sprawl.LeaseNotices;
import java.util.List;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Tells owners once per sign-in, on the first page they open, that leases of theirs end within the
 * notice period: a notification that names them and where to renew.
 */
@Component
class LeaseSignInNotice implements VaadinServiceInitListener {

    private static final String SHOWN = LeaseSignInNotice.class.getName() + ".shown";

    private final LeaseNotices notices;

    LeaseSignInNotice(LeaseNotices notices) {
        this.notices = notices;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addAfterNavigationListener(navigation -> {
            UI ui = init.getUI();
            VaadinSession session = ui.getSession();
            Authentication who = SecurityContextHolder.getContext().getAuthentication();
            if (session == null || who == null || !who.isAuthenticated() || who instanceof AnonymousAuthenticationToken
                    || session.getAttribute(SHOWN) != null) {
                return;
            }
            session.setAttribute(SHOWN, Boolean.TRUE);
            List<LeaseNotices.Expiring> mine;
            try {
                mine = notices.forCaller();
            } catch (RuntimeException e) {
                return; // a notice is a courtesy: it never stands in the way of the page
            }
            if (mine.isEmpty()) {
                return;
            }
            String text;
            if (mine.size() == 1) {
                LeaseNotices.Expiring lease = mine.getFirst();
                text = "The lease of your VM " + lease.name() + " " + lease.when() + " (" + lease.expires() + "). Renew it on "
                        + "the VM's page if it is still needed.";
            } else {
                text = "Leases of your VMs end soon: " + String.join(", ", mine.stream().limit(5)
                        .map(l -> l.name() + " (" + l.when() + ")").toList()) + (mine.size() > 5 ? " and "
                        + (mine.size() - 5) + " more" : "") + ". Renew them on their pages, or see them all in Sprawl.";
            }
            Notification note = Notification.show(text, 10_000, Notification.Position.TOP_CENTER);
            note.addThemeVariants(NotificationVariant.LUMO_WARNING);
        }));
    }
}
