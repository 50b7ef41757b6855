package dev.corral.access;

/**
 * The caller may not do this here. The message names the missing permission and the scope, fit
 * to show a user; the console shows it as a message, the API as 403 problem+json.
 */
public class NotPermittedException extends RuntimeException {

    private final Permission permission;
    private final Scope scope;

    public NotPermittedException(Permission permission, Scope scope, String message) {
        super(message);
        this.permission = permission;
        this.scope = scope;
    }

    public Permission permission() {
        return permission;
    }

    public Scope scope() {
        return scope;
    }
}
