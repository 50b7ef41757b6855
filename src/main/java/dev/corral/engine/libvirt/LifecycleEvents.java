package dev.corral.engine.libvirt;

import dev.corral.engine.LifecycleEvent;
import dev.corral.engine.VmState;
import java.net.URI;
import java.time.Instant;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.libvirt.event.DomainEvent;
import org.libvirt.event.LifecycleListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lifecycle events of one host's domains, delivered to subscribers in order on a thread of their
 * own: libvirt's event thread only queues them, and the VM's state is read off that thread.
 */
final class LifecycleEvents implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LifecycleEvents.class);

    private final URI host;
    private final List<Consumer<LifecycleEvent>> subscribers = new CopyOnWriteArrayList<>();
    private final ExecutorService delivery;
    private final LifecycleListener listener = this::onLifecycleChange;
    private final Set<Connect> registeredOn = Collections.synchronizedSet(Collections.newSetFromMap(
            new IdentityHashMap<>()));

    LifecycleEvents(URI host) {
        this.host = host;
        this.delivery = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "libvirt-events-" + host);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Registers with a (re)opened connection. */
    void register(Connect connect) {
        try {
            connect.addLifecycleListener(listener);
            registeredOn.add(connect);
        } catch (LibvirtException e) {
            log.warn("Host {} gives no lifecycle events: {}", host, LibvirtErrors.message(e));
        }
    }

    AutoCloseable subscribe(Consumer<LifecycleEvent> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    private int onLifecycleChange(Domain domain, DomainEvent event) {
        try {
            UUID id = UUID.fromString(domain.getUUIDString());
            String name = domain.getName();
            delivery.execute(() -> {
                try {
                    deliver(domain, id, name, event);
                } finally {
                    Natives.free(domain);
                }
            });
        } catch (LibvirtException | RejectedExecutionException e) {
            Natives.free(domain);
            log.debug("Dropped a lifecycle event of host {}: {}", host, e.getMessage());
        }
        return 0;
    }

    private void deliver(Domain domain, UUID id, String name, DomainEvent event) {
        LifecycleEvent.Kind kind = switch (event.getType()) {
            case DEFINED -> LifecycleEvent.Kind.DEFINED;
            case UNDEFINED -> LifecycleEvent.Kind.UNDEFINED;
            default -> LifecycleEvent.Kind.STATE_CHANGED;
        };
        VmState state = kind == LifecycleEvent.Kind.UNDEFINED ? null : stateOf(domain, event);
        LifecycleEvent lifecycleEvent = new LifecycleEvent(host, id, name, kind, state, Instant.now());
        for (Consumer<LifecycleEvent> subscriber : subscribers) {
            try {
                subscriber.accept(lifecycleEvent);
            } catch (RuntimeException e) {
                log.warn("A subscriber to host {}'s events failed", host, e);
            }
        }
    }

    /** The domain's state now; from the event alone when the domain cannot be asked (it may be gone). */
    private static VmState stateOf(Domain domain, DomainEvent event) {
        try {
            return DomainStates.of(domain);
        } catch (LibvirtException e) {
            return DomainStates.ofEvent(event);
        }
    }

    /** Unregisters from a connection about to be closed. */
    void unregister(Connect connect) {
        if (!registeredOn.remove(connect)) {
            return;
        }
        try {
            connect.removeLifecycleListener(listener);
        } catch (LibvirtException e) {
            log.debug("Could not unregister from host {}'s events: {}", host, LibvirtErrors.message(e));
        }
    }

    /** The connections this host's listener is registered with; at most the live one. */
    List<Connect> registeredOn() {
        // List.copyOf, not Set.copyOf: Connect.equals asks libvirt, which fails on a closed connection.
        synchronized (registeredOn) {
            return List.copyOf(registeredOn);
        }
    }

    @Override
    public void close() {
        subscribers.clear();
        delivery.shutdownNow();
    }
}
