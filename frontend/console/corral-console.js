// The VM console in the browser: noVNC's RFB client on Corral's console WebSocket.
// The Vaadin view (ConsoleView) calls attach() with the ticketed path, and the functions on
// element.corralConsole for its toolbar. noVNC draws, scales and maps the pointer; this file
// only wires it to the page.
import RFB from './novnc/core/rfb.js';
import keysyms from './novnc/core/input/keysymdef.js';
import { initLogging } from './novnc/core/util/logging.js';

// noVNC logs a refused or closed connection as a console error; the view says why in words.
initLogging('none');

const RETURN = 0xff0d;
const TAB = 0xff09;
const SHIFT = 0xffe1;
// Characters that need Shift on a US keyboard: a display that maps keysyms to scan codes (QEMU)
// then types them as shown.
const SHIFTED = new Set('~!@#$%^&*()_+{}|:"<>?ABCDEFGHIJKLMNOPQRSTUVWXYZ');

function keysymOf(ch) {
    if (ch === '\n') return RETURN;
    if (ch === '\t') return TAB;
    return keysyms.lookup(ch.codePointAt(0));
}

export function attach(host, path) {
    detach(host);
    let target = host.querySelector('.corral-console-target');
    if (!target) {
        target = document.createElement('div');
        target.className = 'corral-console-target';
        host.appendChild(target);
    }
    const url = new URL(path, document.baseURI);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    const rfb = new RFB(target, url.href, { shared: true });
    rfb.scaleViewport = host.dataset.scale !== 'actual';
    rfb.background = '#1b1f24';
    rfb.focusOnClick = true;
    const started = performance.now();
    host.dataset.attachedAt = String(Math.round(started));
    rfb.addEventListener('connect', () => {
        host.dataset.state = 'connected';
        host.dataset.connectedMs = String(Math.round(performance.now() - started));
        host.dataset.connectedAt = String(Math.round(performance.now()));
        rfb.focus();
        host.$server.connected();
    });
    rfb.addEventListener('disconnect', (e) => {
        host.dataset.state = 'disconnected';
        host.$server.disconnected(!!(e.detail && e.detail.clean));
    });
    rfb.addEventListener('desktopname', (e) => { host.dataset.desktop = e.detail.name; });
    target.addEventListener('focusin', () => host.$server.keyboard(true));
    target.addEventListener('focusout', () => host.$server.keyboard(false));
    host.corralConsole = {
        rfb,
        ctrlAltDel() { rfb.sendCtrlAltDel(); rfb.focus(); },
        type(text) {
            for (const ch of text) {
                const shift = SHIFTED.has(ch);
                if (shift) rfb.sendKey(SHIFT, 'ShiftLeft', true);
                rfb.sendKey(keysymOf(ch), null);
                if (shift) rfb.sendKey(SHIFT, 'ShiftLeft', false);
            }
            rfb.focus();
        },
        async clipboard() {
            try {
                return await navigator.clipboard.readText();
            } catch (e) {
                return null;
            }
        },
        fullscreen() {
            if (document.fullscreenElement) {
                document.exitFullscreen();
            } else {
                host.requestFullscreen().catch(() => host.$server.fullscreenRefused());
            }
        },
        scale(fit) {
            host.dataset.scale = fit ? 'fit' : 'actual';
            rfb.scaleViewport = fit;
            rfb.clipViewport = !fit;
        },
        close() { rfb.disconnect(); },
    };
    host.dataset.state = 'connecting';
    // Leaving the view removes this element from the page, and a script the server sends to a
    // removed element never runs: the page itself notices and closes the connection.
    const gone = new MutationObserver(() => {
        if (!host.isConnected) {
            gone.disconnect();
            detach(host);
        }
    });
    gone.observe(document.body, { childList: true, subtree: true });
    host.corralConsole.gone = gone;
}

export function detach(host) {
    if (!(host instanceof Element)) return;
    if (host.corralConsole) {
        if (host.corralConsole.gone) host.corralConsole.gone.disconnect();
        try { host.corralConsole.close(); } catch (e) { /* already closed */ }
        host.corralConsole = null;
    }
    const target = host.querySelector('.corral-console-target');
    if (target) target.replaceChildren();
}
