package dev.corral.engine.libvirt;

import dev.corral.engine.EngineException;
import org.libvirt.Library;
import org.libvirt.LibvirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * libvirt's default event loop, started once per JVM before the first connection opens: remote
 * connections need it for keepalive, every connection for lifecycle events.
 */
final class EventLoop {

    private static final Logger log = LoggerFactory.getLogger(EventLoop.class);
    private static boolean started;

    private EventLoop() {
    }

    static synchronized void ensureStarted() {
        if (started) {
            return;
        }
        try {
            Library.initEventLoop();
        } catch (LibvirtException e) {
            throw new EngineException.Failed("Could not start libvirt's event loop: " + LibvirtErrors.message(e) + ".", e);
        } catch (LinkageError e) {
            log.error("Could not load libvirt's native library", e);
            throw new EngineException.Failed("The libvirt library is not installed on the Corral server "
                    + "(Debian package libvirt0), so it cannot reach libvirt hosts.", e);
        }
        Thread thread = new Thread(EventLoop::run, "libvirt-events");
        thread.setDaemon(true);
        thread.start();
        started = true;
    }

    private static void run() {
        while (true) {
            try {
                Library.processEvent();
            } catch (LibvirtException | RuntimeException e) {
                log.warn("libvirt event loop iteration failed: {}", e.getMessage());
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
