package dev.corral.access.token;

import dev.corral.access.PrincipalDirectory;
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
 * Signs API calls in by {@code Authorization: Bearer <token>}. The owner's groups are read from
 * the directory and kept for two minutes, so a user who leaves a group loses its rights on API
 * calls within minutes.
 */
public class BearerTokenFilter extends OncePerRequestFilter {

    static final Duration GROUPS_FRESH_FOR = Duration.ofMinutes(2);

    private final ApiTokens tokens;
    private final PrincipalDirectory directory;
    private final Clock clock;
    private final Map<String, CachedGroups> groups = new ConcurrentHashMap<>();

    public BearerTokenFilter(ApiTokens tokens, PrincipalDirectory directory, Clock clock) {
        this.tokens = tokens;
        this.directory = directory;
        this.clock = clock;
    }

    private record CachedGroups(List<GrantedAuthority> authorities, Instant readAt) {
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
        Optional<List<GrantedAuthority>> groups;
        try {
            groups = groupsOf(owner.get());
        } catch (dev.corral.base.ServiceUnavailableException | dev.corral.base.RuleViolationException e) {
            Problems.write(response, Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "directory-unavailable",
                    "Directory unavailable", e.getMessage()));
            return;
        }
        if (groups.isEmpty()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"Corral\"");
            Problems.write(response, Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated",
                    "The owner of this API token is no longer in the directory."));
            return;
        }
        SecurityContextHolder.getContext().setAuthentication(new TokenAuthentication(owner.get(), groups.get()));
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** The owner's groups, read at most every two minutes; empty when the owner has left the directory. */
    private Optional<List<GrantedAuthority>> groupsOf(String owner) {
        Instant now = clock.instant();
        CachedGroups cached = groups.get(owner.toLowerCase());
        if (cached != null && cached.readAt().plus(GROUPS_FRESH_FOR).isAfter(now)) {
            return Optional.ofNullable(cached.authorities());
        }
        List<GrantedAuthority> fresh = directory.groupsOf(owner).map(found -> found.stream()
                .<GrantedAuthority>map(g -> new SimpleGrantedAuthority(SignedInUser.GROUP_PREFIX + g)).toList()).orElse(null);
        groups.put(owner.toLowerCase(), new CachedGroups(fresh, now));
        return Optional.ofNullable(fresh);
    }
}
