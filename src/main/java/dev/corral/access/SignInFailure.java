package dev.corral.access;

import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;

/** Why a sign-in failed, in the terms the sign-in page explains to a user. */
public enum SignInFailure {
    WRONG_CREDENTIALS,
    LOCKED,
    ACCOUNT_DISABLED,
    DIRECTORY_UNAVAILABLE;

    public static SignInFailure of(Object exception) {
        return switch (exception) {
            case DirectoryUnavailableException unavailable -> DIRECTORY_UNAVAILABLE;
            case LockedException locked -> LOCKED;
            case DisabledException disabled -> ACCOUNT_DISABLED;
            case null, default -> WRONG_CREDENTIALS;
        };
    }
}
