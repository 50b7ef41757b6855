package dev.corral.access;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Wraps the directory: counts each attempt per directory user and source address before asking
 * the directory (so a burst of guesses gets no more than the limit evaluated), refuses a locked
 * pair, and turns "the directory cannot be reached" into its own error. Passwords are never
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
        String typed = authentication.getName() == null ? "" : authentication.getName();
        if (typed.isBlank() || typed.length() > SignInThrottle.MAX_NAME_LENGTH) {
            refused(typed, "Wrong user name or password.");
            throw new BadCredentialsException("Wrong user name or password.");
        }
        SignInThrottleEntry.Key key = throttle.keyOf(typed, CurrentCaller.sourceAddress());
        String name = key.userName();
        SignInThrottle.Verdict verdict = throttle.admit(key);
        if (!verdict.admitted()) {
            log.warn("Sign-in refused for locked user name '{}' from {}", printable(name), key.sourceAddress());
            refused(name, "The user name is locked after repeated failures.");
            throw new LockedException(verdict.remaining() == null ? BUSY_MESSAGE : lockedMessage(verdict.remaining()));
        }
        try {
            Authentication result = directory.authenticate(asTheDirectoryTakesIt(authentication));
            throttle.succeeded(key);
            return result;
        } catch (BadCredentialsException e) {
            throttle.failed(key);
            log.info("Sign-in failed for user name '{}': wrong user name or password", printable(name));
            refused(name, "Wrong user name or password.");
            throw new BadCredentialsException("Wrong user name or password.");
        } catch (DisabledException e) {
            // The right password for an account the directory disabled or locked: not a guess, so
            // not counted against the name, but refused and audited with the reason.
            throttle.abandoned(key);
            log.info("Sign-in refused for user name '{}': the account is disabled or locked in the directory",
                    printable(name));
            refused(name, "The account is disabled or locked in the directory.");
            throw e;
        } catch (InternalAuthenticationServiceException e) {
            throttle.abandoned(key);
            log.warn("Sign-in failed for user name '{}': the directory could not be reached ({})",
                    printable(name), rootCauseName(e));
            throw new DirectoryUnavailableException(e);
        } catch (RuntimeException e) {
            throttle.abandoned(key);
            throw e;
        }
    }

    // The directory gets the name with compatibility forms folded (full-width letters are letters)
    // and surrounding spaces dropped, the spelling the throttle counts.
    private static Authentication asTheDirectoryTakesIt(Authentication typed) {
        UsernamePasswordAuthenticationToken request = UsernamePasswordAuthenticationToken.unauthenticated(
                SignInThrottle.directoryName(typed.getName()), typed.getCredentials());
        request.setDetails(typed.getDetails());
        return request;
    }

    /** A refused sign-in, in the audit trail; the password never is. */
    private void refused(String name, String reason) {
        audit.record(new dev.corral.access.audit.AuditEvent(printable(name.isBlank() ? "(blank)" : name),
                CurrentCaller.sourceAddress(), CurrentCaller.channel(), "sign-in", null, null, null,
                dev.corral.access.audit.AuditEvent.Outcome.REFUSED, reason));
    }

    static final String BUSY_MESSAGE = "Too many sign-ins at once for this user name. Try again in a moment.";

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
