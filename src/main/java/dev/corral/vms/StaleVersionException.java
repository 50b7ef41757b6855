package dev.corral.vms;

/** The VM's configuration changed since the caller read it: 409, and the caller's change is not applied. */
public class StaleVersionException extends RuntimeException {

    public StaleVersionException(String vmName) {
        super("VM " + vmName + " was changed by someone else since you opened it; reload it and make your change again.");
    }
}
