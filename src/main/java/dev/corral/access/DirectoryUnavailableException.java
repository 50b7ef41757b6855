package dev.corral.access;

import org.springframework.security.core.AuthenticationException;

/** The directory could not be asked: the user's password was neither accepted nor refused. */
class DirectoryUnavailableException extends AuthenticationException {

    DirectoryUnavailableException(Throwable cause) {
        super("The directory cannot be reached, so nobody can sign in right now. Try again shortly, "
                + "or tell your administrator if it persists.", cause);
    }
}
