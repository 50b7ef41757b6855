package dev.corral.access;

import java.util.UUID;

/**
 * Where in the inventory a grant applies, or which object an action is about: everything
 * (global), a host group and everything under it, a host and its VMs, or one VM.
 */
public record Scope(Kind kind, UUID id) {

    public static final Scope GLOBAL = new Scope(Kind.GLOBAL, null);

    public enum Kind { GLOBAL, HOST_GROUP, HOST, VM }

    public Scope {
        if (kind == null || (kind == Kind.GLOBAL) != (id == null)) {
            throw new IllegalArgumentException("A global scope has no id; every other scope has one");
        }
    }

    public static Scope hostGroup(UUID id) {
        return new Scope(Kind.HOST_GROUP, id);
    }

    public static Scope host(UUID id) {
        return new Scope(Kind.HOST, id);
    }

    public static Scope vm(UUID id) {
        return new Scope(Kind.VM, id);
    }
}
