package dev.corral.engine;

/**
 * A hypervisor operation that did not happen, with a message fit to show a user. The subclasses
 * say why, so callers can answer 503, 404, 409, 422 or "not supported" without parsing text.
 */
public abstract sealed class EngineException extends RuntimeException
        permits EngineException.HostUnreachable, EngineException.NotFound, EngineException.InvalidState,
        EngineException.Capacity, EngineException.Unsupported, EngineException.InvalidSpec,
        EngineException.Failed {

    protected EngineException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The host did not answer; nothing is known to have changed. */
    public static final class HostUnreachable extends EngineException {
        public HostUnreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The VM, snapshot, switch or host named does not exist there. */
    public static final class NotFound extends EngineException {
        public NotFound(String message) {
            super(message, null);
        }
    }

    /** The object exists but its state does not allow the operation (start a running VM…). */
    public static final class InvalidState extends EngineException {
        public InvalidState(String message) {
            super(message, null);
        }
    }

    /** The host lacks the resources: memory to start, processors for the vCPUs asked. */
    public static final class Capacity extends EngineException {
        public Capacity(String message) {
            super(message, null);
        }
    }

    /** This host's hypervisor cannot do this at all; see {@link HostCapabilities}. */
    public static final class Unsupported extends EngineException {
        public Unsupported(String message) {
            super(message, null);
        }
    }

    /** The request itself is wrong: a name, a VLAN tag, a size, a duplicate. */
    public static final class InvalidSpec extends EngineException {
        public InvalidSpec(String message) {
            super(message, null);
        }
    }

    /** The hypervisor refused or failed for another reason, which the message gives. */
    public static final class Failed extends EngineException {
        public Failed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
