package dev.corral.access.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;

/** Active Directory's bind refusals and accountExpires, as a domain controller writes them. */
class ActiveDirectoryRefusalTest {

    private static String refused(String subCode) {
        return "[LDAP: error code 49 - 80090308: LdapErr: DSID-0C0903A9, comment: AcceptSecurityContext error, data "
                + subCode + ", v1db1]";
    }

    @Test
    void onlyAWrongNameOrPasswordIsBadCredentials() {
        assertThat(ActiveDirectorySignIn.refusal(refused("52e"))).isInstanceOf(BadCredentialsException.class);
        assertThat(ActiveDirectorySignIn.refusal(refused("525"))).isInstanceOf(BadCredentialsException.class);
        assertThat(ActiveDirectorySignIn.refusal("Invalid credentials")).isInstanceOf(BadCredentialsException.class);
        assertThat(ActiveDirectorySignIn.refusal(null)).isInstanceOf(BadCredentialsException.class);
        assertThat(ActiveDirectorySignIn.refusal(refused("533"))).isInstanceOf(DisabledException.class)
                .hasMessage("This account is disabled in the directory.");
        assertThat(ActiveDirectorySignIn.refusal(refused("775"))).isInstanceOf(DisabledException.class)
                .hasMessageStartingWith("This account is locked out in the directory");
        assertThat(ActiveDirectorySignIn.refusal(refused("701"))).hasMessage("This account has expired in the directory.");
        assertThat(ActiveDirectorySignIn.refusal(refused("532"))).isInstanceOf(DisabledException.class)
                .hasMessageStartingWith("This account's password has expired");
        assertThat(ActiveDirectorySignIn.refusal(refused("773"))).isInstanceOf(DisabledException.class)
                .hasMessageStartingWith("This account must change its password");
        assertThat(ActiveDirectorySignIn.refusal(refused("530"))).isInstanceOf(DisabledException.class);
        assertThat(ActiveDirectorySignIn.refusal(refused("531"))).isInstanceOf(DisabledException.class);
    }

    @Test
    void accountExpiresCountsFrom1601AndZeroOrTheLargestValueIsNever() {
        Instant now = Instant.parse("2026-06-01T08:00:00Z");
        long ntNow = (now.getEpochSecond() + 11_644_473_600L) * 10_000_000L;

        assertThat(ActiveDirectoryAccounts.expired(Long.toString(ntNow - 1), now)).isTrue();
        assertThat(ActiveDirectoryAccounts.expired(Long.toString(ntNow + 10_000_000L), now)).isFalse();
        assertThat(ActiveDirectoryAccounts.expired("0", now)).isFalse();
        assertThat(ActiveDirectoryAccounts.expired("9223372036854775807", now)).isFalse();
        assertThat(ActiveDirectoryAccounts.expired(null, now)).isFalse();
    }
}
