/**
 * The VM console: a VM's screen in the browser, relayed by Corral.
 *
 * <p>The path of one session:
 * <ol>
 * <li>{@link dev.corral.console.ConsoleService} (from the view, or {@code POST /api/v1/vms/{id}/console})
 *     asks {@link dev.corral.vms.VmConsoles} whether the caller may open this VM's console
 *     ({@code vm.console} at the VM's scope, the VM visible, running, on a host with the CONSOLE
 *     capability); refusals are audited there, like every other refusal of a service. It then
 *     issues a {@link dev.corral.console.ConsoleTickets ticket}: 256 random bits, bound to the
 *     user and the VM (their source address is kept for the audit trail), valid for seconds, good
 *     for one handshake.</li>
 * <li>{@link dev.corral.console.ConsoleHandshake} takes the ticket at {@code /console/ws} before
 *     any upgrade (whatever happens next, it cannot be presented again), checks the Origin and the
 *     per-user limit, and answers 403 to anything else, audited (as {@code anonymous} where no
 *     valid ticket names the caller).</li>
 * <li>{@link dev.corral.console.ConsoleRelay} admits the session ({@link
 *     dev.corral.console.ConsoleSessions}: the second-viewer policy), reaches the display through
 *     the engine port ({@link dev.corral.engine.HostConnection#openConsole}), settles the display's
 *     RFB security itself ({@link dev.corral.console.DisplayHandshake}: None or VNC's DES
 *     challenge, so a display's password never leaves Corral) and then offers the browser RFB with
 *     security None ({@link dev.corral.console.BrowserSide}). From there bytes pass untouched; the
 *     browser's messages are parsed only to tell a person's input (keys, pointer, paste) from
 *     update requests, for the idle timeout ({@link dev.corral.console.ClientMessages}).</li>
 * <li>{@link dev.corral.console.ConsoleSessions} sweeps every second: idle sessions, sessions whose
 *     right is gone (read again every recheck interval against the directory and the
 *     assignments), and take-overs end, each with its reason in the close frame and in the
 *     audit trail ({@link dev.corral.console.ConsoleAudit}).</li>
 * </ol>
 *
 * <p>Threads: each session's display-to-browser pump runs on a virtual thread and sends through
 * a {@code ConcurrentWebSocketSessionDecorator} (bounded time and buffer), so a slow browser ends
 * its own session and nobody else's. The browser's side (frontend/console/corral-console.js) is
 * noVNC, pinned and fetched at build time, served as it is under {@code /console/novnc/}.
 */
package dev.corral.console;
