package dev.corral.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

class SignedInUserTest {

    @Test
    void groupsAreTheGroupAuthoritiesOnlySortedWithoutPrefix() {
        var authentication = UsernamePasswordAuthenticationToken.authenticated("branch-ops", null, List.of(
                new SimpleGrantedAuthority("GROUP_operators"),
                new SimpleGrantedAuthority("FACTOR_PASSWORD"),
                new SimpleGrantedAuthority("GROUP_branch-operators")));

        SignedInUser user = SignedInUser.from(authentication);

        assertThat(user.name()).isEqualTo("branch-ops");
        assertThat(user.displayName()).as("no directory entry: the name stands in").isEqualTo("branch-ops");
        assertThat(user.groups()).containsExactly("branch-operators", "operators");
    }
}
