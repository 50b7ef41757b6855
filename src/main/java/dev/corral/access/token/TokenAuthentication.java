package dev.corral.access.token;

import java.util.Collection;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** A caller signed in by API token: the owner's name, with the owner's groups as they are now. */
final class TokenAuthentication extends AbstractAuthenticationToken {

    private final String owner;

    TokenAuthentication(String owner, Collection<? extends GrantedAuthority> groups) {
        super(groups);
        this.owner = owner;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return owner;
    }

    @Override
    public String getName() {
        return owner;
    }

    static boolean isCurrent() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof TokenAuthentication;
    }
}
