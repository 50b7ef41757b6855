package dev.corral.engine;

import java.io.Closeable;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/**
 * A VM's screen as a byte stream speaking RFB (the VNC protocol, RFC 6143) from its first byte:
 * the display's version greeting arrives on {@link #input()}. Closing it ends the connection to
 * the display and nothing else; the VM keeps running.
 */
public interface ConsoleStream extends Closeable {

    /** What the display sends. */
    InputStream input();

    /** What the display receives. */
    OutputStream output();

    /**
     * The password of the display's VNC authentication, where it asks for one; empty where it
     * offers no authentication (the simulator, libvirt's own channel). The relay answers the
     * challenge itself, so the password never reaches a browser.
     */
    Optional<String> password();

    @Override
    void close();
}
