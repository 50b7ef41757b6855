package dev.corral.engine.libvirt;

import dev.corral.engine.EngineException;
import org.libvirt.Error.ErrorNumber;
import org.libvirt.LibvirtException;

/** Turns libvirt's error codes into the port's exception types, with a sentence for the user. */
final class LibvirtErrors {

    private LibvirtErrors() {
    }

    static ErrorNumber code(LibvirtException e) {
        return e.getError() == null || e.getError().getCode() == null ? ErrorNumber.VIR_ERR_UNKNOWN
                : e.getError().getCode();
    }

    /** libvirt's own message, without a trailing period so it can end our sentence. */
    static String message(LibvirtException e) {
        String message = e.getError() != null && e.getError().getMessage() != null ? e.getError().getMessage()
                : e.getMessage();
        if (message == null || message.isBlank()) {
            return "no reason given";
        }
        message = message.strip();
        return message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
    }

    static boolean isNotFound(LibvirtException e) {
        return switch (code(e)) {
            case VIR_ERR_NO_DOMAIN, VIR_ERR_NO_NETWORK, VIR_ERR_NO_DOMAIN_SNAPSHOT, VIR_ERR_NO_INTERFACE,
                    VIR_ERR_NO_STORAGE_POOL, VIR_ERR_NO_STORAGE_VOL, VIR_ERR_NO_NODE_DEVICE -> true;
            default -> false;
        };
    }

    /**
     * @param doing what failed, as the start of a sentence naming host and VM, e.g. "Could not
     *              start VM web01 on host hv1"
     */
    static EngineException map(LibvirtException e, String doing) {
        String text = doing + ": " + message(e) + ".";
        if (isNotFound(e)) {
            return new EngineException.NotFound(text);
        }
        return switch (code(e)) {
            case VIR_ERR_OPERATION_INVALID -> new EngineException.InvalidState(text);
            case VIR_ERR_NO_SUPPORT, VIR_ERR_OPERATION_UNSUPPORTED, VIR_ERR_ARGUMENT_UNSUPPORTED ->
                    new EngineException.Unsupported(text);
            // System and RPC errors are not among these: libvirt raises them for ordinary failures
            // (a missing image, a save file it may not write); a dead connection is caught before.
            case VIR_ERR_NO_CONNECT, VIR_ERR_INVALID_CONN, VIR_ERR_OPEN_FAILED, VIR_ERR_AUTH_FAILED,
                    VIR_ERR_AUTH_UNAVAILABLE, VIR_ERR_AUTH_CANCELLED -> new EngineException.HostUnreachable(text, e);
            case VIR_ERR_XML_ERROR, VIR_ERR_XML_DETAIL, VIR_ERR_XML_INVALID_SCHEMA, VIR_ERR_INVALID_ARG,
                    VIR_ERR_INVALID_MAC, VIR_ERR_DOM_EXIST, VIR_ERR_NETWORK_EXIST -> new EngineException.InvalidSpec(text);
            default -> new EngineException.Failed(text, e);
        };
    }
}
