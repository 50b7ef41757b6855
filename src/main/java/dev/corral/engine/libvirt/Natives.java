package dev.corral.engine.libvirt;

import dev.corral.engine.EngineException;
import java.util.function.Supplier;
import org.libvirt.Domain;
import org.libvirt.DomainSnapshot;
import org.libvirt.Interface;
import org.libvirt.LibvirtException;
import org.libvirt.Network;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Releases libvirt's native objects as soon as a call is done with them: libvirt-java frees them
 * only in deprecated finalizers, which may never run. And one way to look an object up by name.
 */
final class Natives {

    private static final Logger log = LoggerFactory.getLogger(Natives.class);

    /** A lookup that libvirt answers with "no such object" when it does not exist. */
    @FunctionalInterface
    interface Lookup<T> {
        T run() throws LibvirtException;
    }

    private Natives() {
    }

    /** Frees each domain, network, snapshot or interface given; nulls are skipped. */
    static void free(Object... objects) {
        for (Object object : objects) {
            try {
                switch (object) {
                    case null -> { }
                    case Domain domain -> domain.free();
                    case Network network -> network.free();
                    case DomainSnapshot snapshot -> snapshot.free();
                    case Interface iface -> iface.free();
                    case Object[] array -> free(array);
                    default -> throw new IllegalArgumentException("Not a libvirt object: " + object.getClass());
                }
            } catch (LibvirtException e) {
                log.debug("Freeing a libvirt object failed: {}", LibvirtErrors.message(e));
            }
        }
    }

    /** The object, or null where libvirt says it does not exist. */
    static <T> T orNull(Lookup<T> lookup) throws LibvirtException {
        try {
            return lookup.run();
        } catch (LibvirtException e) {
            if (LibvirtErrors.isNotFound(e)) {
                return null;
            }
            throw e;
        }
    }

    /** The object, or {@link EngineException.NotFound} with the message given. */
    static <T> T orNotFound(Lookup<T> lookup, Supplier<String> message) throws LibvirtException {
        T found = orNull(lookup);
        if (found == null) {
            throw new EngineException.NotFound(message.get());
        }
        return found;
    }
}
