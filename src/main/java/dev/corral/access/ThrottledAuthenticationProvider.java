package dev.corral.access;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Wraps the directory: refuses a locked user name before asking the directory, counts wrong
 * passwords, and turns "the directory cannot be reached" into its own error. Passwords are never
 * logged; user names are logged with control characters removed.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(ThrottledAuthenticationProvider.class);

    private final AuthenticationProvider directory;
    private final SignInThrottle throttle;
    private final dev.corral.access.audit.AuditTrail audit;

    ThrottledAuthenticationProvider(AuthenticationProvider directory, SignInThrottle throttle,
            dev.corral.access.audit.AuditTrail audit) {
        this.directory = directory;
        this.throttle = throttle;
        this.audit = audit;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String name = authentication.getName() == null ? "" : authentication.getName();
        if (name.isBlank() || name.length() > SignInThrottle.MAX_NAME_LENGTH) {
            refused(name, "Wrong user name or password.");
            throw new BadCredentialsException("Wrong user name or password.");
        }
        Duration locked = throttle.remainingLock(name).orElse(null);
        if (locked != null) {
            log.warn("Sign-in refused for locked user name '{}'", printable(name));
            refused(name, "The user name is locked after repeated failures.");
            throw new LockedException(lockedMessage(locked));
        }
        try {
            Authentication result = directory.authenticate(authentication);
            throttle.recordSuccess(name);
            return result;
        } catch (BadCredentialsException e) {
            recordFailure(name);
            log.info("Sign-in failed for user name '{}': wrong user name or password", printable(name));
            refused(name, "Wrong user name or password.");
            throw new BadCredentialsException("Wrong user name or password.");
        } catch (InternalAuthenticationServiceException e) {
            log.warn("Sign-in failed for user name '{}': the directory could not be reached ({})",
                    printable(name), rootCauseName(e));
            throw new DirectoryUnavailableException(e);
        }
    }

    private void recordFailure(String name) {
        try {
            throttle.recordFailure(name);
        } catch (ConcurrencyFailureException raced) {
            // Another node or thread counted a failure for this name at the same moment: count again.
            throttle.recordFailure(name);
        }
    }

    /** A refused sign-in, in the audit trail; the password never is. */
    private void refused(String name, String reason) {
        audit.record(new dev.corral.access.audit.AuditEvent(printable(name.isBlank() ? "(blank)" : name),
                CurrentCaller.sourceAddress(), CurrentCaller.channel(), "sign-in", null, null, null,
                dev.corral.access.audit.AuditEvent.Outcome.REFUSED, reason));
    }

    static String lockedMessage(Duration remaining) {
        long minutes = Math.max(1, (remaining.toSeconds() + 59) / 60);
        return "Too many failed sign-ins for this user name. Try again in " + minutes
                + (minutes == 1 ? " minute." : " minutes.");
    }

    private static String rootCauseName(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }

    private static String printable(String name) {
        return name.replaceAll("\\p{Cntrl}", "?");
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
