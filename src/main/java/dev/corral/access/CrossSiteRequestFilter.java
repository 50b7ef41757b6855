package dev.corral.access;

import dev.corral.base.api.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses state-changing API calls (POST, PUT, PATCH, DELETE) that a browser marks as coming from
 * a page of another site: an {@code Origin} that is neither Corral's own nor configured, or, with no
 * Origin, {@code Sec-Fetch-Site: cross-site/same-site}. A page elsewhere could otherwise ride the
 * Basic credentials a browser keeps. Scripts send no Origin and are not affected. Runs before
 * sign-in, so such a call never counts as a sign-in attempt; refusals are logged, not audited,
 * since nobody is signed in yet.
 */
class CrossSiteRequestFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(CrossSiteRequestFilter.class);
    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final Set<String> allowedOrigins;

    CrossSiteRequestFilter(ApiProperties properties) {
        this.allowedOrigins = properties.allowedOrigins().stream().map(Origins::normalised)
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String refusal = STATE_CHANGING.contains(request.getMethod().toUpperCase(Locale.ROOT)) ? refusal(request) : null;
        if (refusal == null) {
            chain.doFilter(request, response);
            return;
        }
        log.warn("Cross-site {} {} from {} refused: {}", request.getMethod(), request.getRequestURI(),
                request.getRemoteAddr(), refusal.replaceAll("\\p{Cntrl}", "?"));
        Problems.write(response, Problems.of(HttpStatus.FORBIDDEN, "cross-site-request", "Cross-site request",
                refusal));
    }

    /** Why the call is refused, or null when it may go on. */
    private String refusal(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null) {
            String site = request.getHeader("Sec-Fetch-Site");
            return "cross-site".equalsIgnoreCase(site) || "same-site".equalsIgnoreCase(site)
                    ? "A page of another site may not change anything in Corral." : null;
        }
        String wanted = Origins.normalised(origin);
        if (Origins.isOwn(request, origin) || allowedOrigins.contains(wanted)) {
            return null;
        }
        return "Pages of " + Origins.printable(origin) + " may not change anything in Corral; only Corral's own pages "
                + "(and origins in corral.api.allowed-origins) may.";
    }
}
