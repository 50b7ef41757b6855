package dev.corral.access;

import dev.corral.base.SignedInUser;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashSet;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The signed-in caller of the current request, and where the request came from. */
public final class CurrentCaller {

    private CurrentCaller() {
    }

    /** The caller, or an exception: every service call is made on behalf of someone. */
    public static Caller get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || authentication.getName() == null
                || "anonymousUser".equals(authentication.getName())) {
            throw new NotPermittedException(null, Scope.GLOBAL, "Sign in first.");
        }
        SignedInUser user = SignedInUser.from(authentication);
        return new Caller(user.name(), new HashSet<>(user.groups()));
    }

    public static Optional<HttpServletRequest> request() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return Optional.of(attributes.getRequest());
        }
        return Optional.empty();
    }

    public static String sourceAddress() {
        return request().map(HttpServletRequest::getRemoteAddr).orElse(null);
    }

    public static Channel channel() {
        return request().map(r -> r.getRequestURI() != null && r.getRequestURI().startsWith(r.getContextPath() + "/api/")
                ? Channel.API : Channel.CONSOLE).orElse(Channel.SYSTEM);
    }
}
