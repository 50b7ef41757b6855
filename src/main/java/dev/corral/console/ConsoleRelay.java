package dev.corral.console;

import dev.corral.engine.ConsoleStream;
import dev.corral.engine.EngineException;
import dev.corral.vms.VmConsoles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.BinaryWebSocketHandler;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

/**
 * Relays RFB between a browser's WebSocket and a VM's display. The handshake interceptor has
 * taken the ticket; here the session is admitted, the display reached through the engine and its
 * security settled, and then bytes pass both ways untouched: the display's on a thread of their
 * own, the browser's as they arrive. Either side closing ends the session, once, audited.
 */
@Component
class ConsoleRelay extends BinaryWebSocketHandler {

    static final String TICKET = "corral.console.ticket";
    private static final Logger log = LoggerFactory.getLogger(ConsoleRelay.class);
    private static final int SEND_TIME_LIMIT_MS = 10_000;
    private static final int BUFFER_LIMIT = 16 * 1024 * 1024;

    private final VmConsoles consoles;
    private final ConsoleSessions sessions;
    private final Map<String, Link> links = new ConcurrentHashMap<>();

    ConsoleRelay(VmConsoles consoles, ConsoleSessions sessions) {
        this.consoles = consoles;
        this.sessions = sessions;
    }

    /** One relayed connection: the browser's socket, the display's stream, and the session they make. */
    private static final class Link {
        final WebSocketSession browser;
        final BrowserSide protocol = new BrowserSide();
        volatile ConsoleStream display;
        volatile ConsoleSession session;

        Link(WebSocketSession browser) {
            this.browser = browser;
        }
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession raw) {
        ConsoleTickets.Ticket ticket = (ConsoleTickets.Ticket) raw.getAttributes().get(TICKET);
        WebSocketSession browser = new ConcurrentWebSocketSessionDecorator(raw, SEND_TIME_LIMIT_MS, BUFFER_LIMIT);
        Link link = new Link(browser);
        ConsoleSessions.Admission admission = sessions.admit(ticket, reason -> close(link, reason));
        if (admission.session() == null) {
            close(link, admission.refusal());
            return;
        }
        link.session = admission.session();
        links.put(raw.getId(), link);
        Thread.ofVirtual().name("console-" + ticket.target().vmName()).start(() -> pump(link, ticket.target()));
    }

    /** Reaches the display, settles its security, greets the browser, then carries the display's bytes to it. */
    private void pump(Link link, VmConsoles.Target target) {
        try {
            link.display = consoles.connect(target);
            if (link.session.endReason() != null) {
                link.display.close();
                return;
            }
            DisplayHandshake.negotiate(link.display.input(), link.display.output(), link.display.password());
            link.browser.sendMessage(new BinaryMessage(BrowserSide.GREETING));
            InputStream in = link.display.input();
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (n > 0) {
                    link.browser.sendMessage(new BinaryMessage(java.util.Arrays.copyOf(buffer, n))); // the decorator may queue it
                }
            }
            sessions.end(link.session, "The VM's display closed the connection.");
        } catch (EngineException e) {
            sessions.end(link.session, e.getMessage());
        } catch (DisplayHandshake.Failed e) {
            log.warn("Console of {}: {}", target.vmName(), e.getMessage());
            sessions.end(link.session, e.getMessage());
        } catch (IOException | RuntimeException e) {
            if (link.session.endReason() == null) {
                log.info("Console of {} lost its connection: {}", target.vmName(), e.toString());
                sessions.end(link.session, "The connection to the VM's display was lost.");
            }
        }
    }

    @Override
    protected void handleBinaryMessage(WebSocketSession raw, BinaryMessage message) throws IOException {
        Link link = links.get(raw.getId());
        if (link == null || link.display == null) {
            return; // the display is not reached yet; the browser speaks only after the greeting
        }
        BrowserSide.Step step = link.protocol.feed(message.getPayload());
        if (step.error() != null) {
            sessions.end(link.session, step.error());
            return;
        }
        if (step.toBrowser() != null) {
            link.browser.sendMessage(new BinaryMessage(step.toBrowser()));
        }
        if (step.toDisplay() != null) {
            link.display.output().write(step.toDisplay());
            link.display.output().flush();
        }
        if (step.input()) {
            sessions.input(link.session);
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession raw, CloseStatus status) {
        Link link = links.remove(raw.getId());
        if (link != null && link.session != null) {
            sessions.end(link.session, "Closed by the viewer.");
        }
    }

    @Override
    public void handleTransportError(WebSocketSession raw, Throwable exception) {
        log.debug("Console WebSocket {} failed: {}", raw.getId(), exception.toString());
    }

    /** Closes both sides; the browser is told why in the close frame (at most 123 bytes of it). */
    private void close(Link link, String reason) {
        ConsoleStream display = link.display;
        if (display != null) {
            display.close();
        }
        if (link.browser.isOpen()) {
            try {
                link.browser.close(new CloseStatus(4000, fit(reason)));
            } catch (IOException | RuntimeException e) {
                log.debug("Closing a console WebSocket failed: {}", e.toString());
            }
        }
    }

    private static String fit(String reason) {
        byte[] bytes = reason.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= 123) {
            return reason;
        }
        String cut = reason;
        while (cut.getBytes(StandardCharsets.UTF_8).length > 120) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "…";
    }
}
