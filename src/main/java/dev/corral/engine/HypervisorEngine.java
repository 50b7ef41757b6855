package dev.corral.engine;

import java.net.URI;

/** One kind of hypervisor access (the simulator, libvirt), chosen by the host URI's scheme. */
public interface HypervisorEngine {

    String name();

    boolean handles(URI uri);

    /** Opens a connection; throws {@link EngineException.HostUnreachable} if the host does not answer. */
    HostConnection connect(URI uri);
}
