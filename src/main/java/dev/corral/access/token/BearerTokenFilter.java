package dev.corral.access.token;

import dev.corral.access.Channel;
import dev.corral.access.CurrentCaller;
import dev.corral.access.PrincipalDirectory;
import dev.corral.access.audit.AuditEvent;
import dev.corral.access.audit.AuditTrail;
import dev.corral.base.SignedInUser;
import dev.corral.base.api.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs API calls in by {@code Authorization: Bearer <token>}. The owner's groups and account
 * status are read from the directory together and kept for two minutes, so a user who leaves a
 * group loses its rights, and a user the directory disables or locks loses their tokens, on API
 * calls within minutes.
 */
public class BearerTokenFilter extends OncePerRequestFilter {

    static final Duration GROUPS_FRESH_FOR = Duration.ofMinutes(2);

    private final ApiTokens tokens;
    private final PrincipalDirectory directory;
    private final Clock clock;
    private final AuditTrail audit;
    private final Map<String, CachedAccount> accounts = new ConcurrentHashMap<>();

    public BearerTokenFilter(ApiTokens tokens, PrincipalDirectory directory, Clock clock, AuditTrail audit) {
        this.tokens = tokens;
        this.directory = directory;
        this.clock = clock;
        this.audit = audit;
    }

    /** The owner as last read: null authorities when the directory no longer has them. */
    private record CachedAccount(List<GrantedAuthority> authorities, boolean maySignIn, Instant readAt) {
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<String> owner = tokens.ownerOf(header.substring(7).strip());
        if (owner.isEmpty()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"Corral\"");
            Problems.write(response, Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated",
                    "This API token is unknown, expired or revoked."));
            return;
        }
        CachedAccount account;
        try {
            account = accountOf(owner.get());
        } catch (dev.corral.base.ServiceUnavailableException | dev.corral.base.RuleViolationException e) {
            Problems.write(response, Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "directory-unavailable",
                    "Directory unavailable", e.getMessage()));
            return;
        }
        if (account.authorities() == null) {
            unauthenticated(response, "The owner of this API token is no longer in the directory.");
            return;
        }
        if (!account.maySignIn()) {
            audit.record(new AuditEvent(owner.get(), CurrentCaller.sourceAddress(), Channel.API, "sign-in", null,
                    null, null, AuditEvent.Outcome.REFUSED, "The account is disabled or locked in the directory."));
            unauthenticated(response, "The owner of this API token is disabled or locked in the directory.");
            return;
        }
        SecurityContextHolder.getContext().setAuthentication(new TokenAuthentication(owner.get(), account.authorities()));
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static void unauthenticated(HttpServletResponse response, String detail) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"Corral\"");
        Problems.write(response, Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated", detail));
    }

    /** The owner's groups and status, read at most every two minutes. */
    private CachedAccount accountOf(String owner) {
        Instant now = clock.instant();
        String key = owner.toLowerCase(java.util.Locale.ROOT);
        CachedAccount cached = accounts.get(key);
        if (cached != null && cached.readAt().plus(GROUPS_FRESH_FOR).isAfter(now)) {
            return cached;
        }
        CachedAccount fresh = directory.accountOf(owner)
                .map(found -> new CachedAccount(found.groups().stream()
                        .<GrantedAuthority>map(g -> new SimpleGrantedAuthority(SignedInUser.GROUP_PREFIX + g)).toList(),
                        found.maySignIn(), now))
                .orElse(new CachedAccount(null, false, now));
        accounts.put(key, fresh);
        return fresh;
    }
}
