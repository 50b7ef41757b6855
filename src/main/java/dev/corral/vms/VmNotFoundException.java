package dev.corral.vms;

/** No such VM, or none the caller may see: 404 either way. */
public class VmNotFoundException extends RuntimeException {

    public VmNotFoundException(String message) {
        super(message);
    }
}
