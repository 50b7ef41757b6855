package dev.corral.console.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import dev.corral.console.ConsoleService;
import dev.corral.console.ConsoleSession;
import dev.corral.console.ConsoleSessions;
import jakarta.annotation.security.PermitAll;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * A VM's screen in the browser, as VMConnect gives it: scaled to the window with the pointer
 * exact, keyboard captured while the screen has focus, Ctrl+Alt+Del, typing text or the
 * clipboard as keystrokes, full screen, reconnect, and a status line (connected, who else
 * watches, how long until an idle session closes).
 */
@StyleSheet("context://styles/console.css")
@Route("vms/:id/console")
@PageTitle("Console · Corral")
@PermitAll
class ConsoleView extends VerticalLayout implements BeforeEnterObserver {

    private final ConsoleService consoles;
    private final ConsoleSessions sessions;
    private final ConsoleScreen screen = new ConsoleScreen();
    private final Span status = new Span();
    private final Span keyboard = new Span();
    private UUID id;
    private ConsoleService.Opening opening;
    private boolean connected;
    private Registration poll;

    ConsoleView(ConsoleService consoles, ConsoleSessions sessions) {
        this.consoles = consoles;
        this.sessions = sessions;
        addClassNames("corral-view", "corral-console-view");
        setSizeFull();
        status.addClassName("corral-console-status");
        status.getElement().setAttribute("role", "status");
        keyboard.addClassName("corral-console-keyboard");
        screen.onConnected(() -> {
            connected = true;
            refreshStatus();
        });
        screen.onDisconnected(clean -> {
            connected = false;
            refreshStatus();
        });
        screen.onKeyboard(captured -> keyboard.setText(captured
                ? "Keyboard captured: keys go to the VM (click outside the screen to release)"
                : "Click the screen to type into the VM"));
        screen.onFullscreenRefused(() -> keyboard.setText("The browser refused full screen."));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        try {
            id = UUID.fromString(event.getRouteParameters().get("id").orElse(""));
        } catch (IllegalArgumentException e) {
            refuse("No such VM", "This VM does not exist, or your roles do not let you see it.");
            return;
        }
        Optional<String> refusal = open();
        if (refusal.isPresent()) {
            refuse("No console", refusal.get());
            return;
        }
        render();
    }

    /** Asks for a ticket; the reason in words when there is none. */
    private Optional<String> open() {
        try {
            opening = consoles.open(id);
            return Optional.empty();
        } catch (RuntimeException e) {
            // Every refusal of the service (no right, hidden VM, a host without a screen, too many sessions) says why.
            opening = null;
            return Optional.of(e.getMessage() == null ? "The console cannot be opened." : e.getMessage());
        }
    }

    private void refuse(String title, String why) {
        removeAll();
        Paragraph reason = new Paragraph(why);
        reason.addClassName("corral-console-refusal");
        add(new H2(title), reason, back());
    }

    private com.vaadin.flow.component.html.Anchor back() {
        com.vaadin.flow.component.html.Anchor link = new com.vaadin.flow.component.html.Anchor("vms/" + id, "‹ Back to the VM");
        link.getElement().setAttribute("router-link", true);
        return link;
    }

    private void render() {
        H2 title = new H2(opening.vmName());
        title.addClassName("corral-console-title");
        Button ctrlAltDel = new Button("Ctrl+Alt+Del", click -> screen.ctrlAltDel());
        Button type = new Button("Type text…", VaadinIcon.KEYBOARD.create(), click -> new TypeTextDialog(screen).open());
        Button full = new Button("Full screen", VaadinIcon.EXPAND_SQUARE.create(), click -> screen.fullscreen());
        Button reconnect = new Button("Reconnect", VaadinIcon.REFRESH.create(), click -> reconnect());
        Checkbox fit = new Checkbox("Scale to window", true);
        fit.addValueChangeListener(change -> screen.scale(change.getValue()));
        HorizontalLayout bar = new HorizontalLayout(back(), title, ctrlAltDel, type, full, reconnect, fit);
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.setWrap(true);
        bar.addClassName("corral-console-bar");
        HorizontalLayout line = new HorizontalLayout(status, keyboard);
        line.addClassName("corral-console-line");
        add(bar, line, screen);
        setFlexGrow(1, screen);
        keyboard.setText("Click the screen to type into the VM");
        status.setText("Connecting to " + opening.vmName() + "…");
    }

    private void reconnect() {
        screen.disconnect();
        Optional<String> refusal = open();
        if (refusal.isPresent()) {
            connected = false;
            status.setText("Cannot reconnect: " + refusal.get());
            return;
        }
        status.setText("Connecting to " + opening.vmName() + "…");
        screen.connect(opening.path().substring(1));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        if (opening != null) {
            screen.connect(opening.path().substring(1));
        }
        UI ui = event.getUI();
        ui.setPollInterval(1000);
        poll = ui.addPollListener(tick -> refreshStatus());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (poll != null) {
            poll.remove();
            poll = null;
        }
        event.getUI().setPollInterval(-1);
        // The screen's element has left the page; its script closes the WebSocket itself (corral-console.js).
    }

    private void refreshStatus() {
        if (opening == null) {
            return;
        }
        Optional<ConsoleSession> session = sessions.byTicket(opening.ticket());
        if (session.isEmpty()) {
            Optional<String> why = sessions.endedBecause(opening.ticket());
            status.setText(why.map(w -> "Disconnected: " + w).orElse(connected ? "Connected" : "Connecting to " + opening.vmName() + "…")
                    + (why.isPresent() ? " Reconnect to open it again." : ""));
            status.getElement().setAttribute("data-state", why.isPresent() ? "disconnected" : "connecting");
            return;
        }
        var viewers = sessions.viewersOf(id).stream().map(ConsoleSession::user).toList();
        String others = viewers.size() <= 1 ? "only you are watching"
                : viewers.size() + " viewers: " + String.join(", ", viewers);
        Duration left = sessions.idleLeft(session.get());
        status.setText("Connected · " + others + " · closes after " + clock(left) + " more without input");
        status.getElement().setAttribute("data-state", "connected");
    }

    private static String clock(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String.format("%d:%02d", s / 60, s % 60);
    }
}
