package dev.corral.access.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.corral.access.DirectoryProperties;
import dev.corral.base.SignedInUser;
import dev.corral.support.SambaDomainController;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * {@link ActiveDirectorySignIn} on its own against the Samba domain, with a service account (the
 * account found first, then bound by DN) and without one (bound as typed, then read over that
 * bind): the same accounts, names and refusals either way.
 */
class ActiveDirectorySignInIT {

    private static SambaDomainController samba;

    @BeforeAll
    static void sambaRuns() {
        samba = SambaDomainController.shared();
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void signsInByAccountNameOrUpnAsTheStoredAccountName(boolean serviceAccount) {
        ActiveDirectorySignIn signIn = signIn(serviceAccount);

        assertThat(name(signIn, "dana", SambaDomainController.PASSWORD)).isEqualTo("dana");
        assertThat(name(signIn, "DANA@corp.acme.test", SambaDomainController.PASSWORD)).isEqualTo("dana");
        assertThat(name(signIn, "erin.smith@acme.com", SambaDomainController.PASSWORD)).isEqualTo("erin.smith");
        assertThat(name(signIn, "Erin.Smith", SambaDomainController.PASSWORD)).isEqualTo("erin.smith");
        assertThat(name(signIn, "JÜRGEN", SambaDomainController.PASSWORD)).isEqualTo("jürgen");
        assertThat(name(signIn, "administrator", SambaDomainController.ADMINISTRATOR_PASSWORD)).isEqualTo("Administrator");
        assertThat(signIn.authenticate(request("dana", SambaDomainController.PASSWORD)).getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder(SignedInUser.GROUP_PREFIX + "vm-operators", SignedInUser.GROUP_PREFIX + "corral-admins");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void refusalsSayWhetherThePasswordWasWrongOrTheAccountMayNotSignIn(boolean serviceAccount) {
        ActiveDirectorySignIn signIn = signIn(serviceAccount);

        assertThatThrownBy(() -> signIn.authenticate(request("auditor", "wrong"))).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> signIn.authenticate(request("nobody", SambaDomainController.PASSWORD)))
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> signIn.authenticate(request("erin.smith@other.example", SambaDomainController.PASSWORD)))
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> signIn.authenticate(request("disabled.user", SambaDomainController.PASSWORD)))
                .isInstanceOf(DisabledException.class).hasMessage("This account is disabled in the directory.");
        assertThatThrownBy(() -> signIn.authenticate(request("expired.user@corp.acme.test", SambaDomainController.PASSWORD)))
                .isInstanceOf(DisabledException.class).hasMessage("This account has expired in the directory.");
        assertThatThrownBy(() -> signIn.authenticate(request("locked.user", "wrong")))
                .isInstanceOf(DisabledException.class).hasMessageStartingWith("This account is locked out in the directory");
    }

    /** A benchmark, not a test of speed: the median of 9 sign-ins each way, reported. */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void signInTime(boolean serviceAccount) {
        ActiveDirectorySignIn signIn = signIn(serviceAccount);
        List<Duration> times = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long began = System.nanoTime();
            signIn.authenticate(request(i % 2 == 0 ? "dana" : "erin.smith@acme.com", SambaDomainController.PASSWORD));
            if (i > 0) { // the first warms up the JVM's LDAP classes
                times.add(Duration.ofNanos(System.nanoTime() - began));
            }
        }
        times.sort(null);
        System.out.println("Sign-in against Samba " + (serviceAccount ? "with" : "without") + " a service account: median "
                + times.get(times.size() / 2).toMillis() + " ms of " + times.size() + " (" + times.getFirst().toMillis()
                + "–" + times.getLast().toMillis() + " ms)");
        assertThat(times).hasSize(9);
    }

    private static ActiveDirectorySignIn signIn(boolean serviceAccount) {
        return new ActiveDirectorySignIn(new DirectoryProperties(DirectoryProperties.Mode.ACTIVE_DIRECTORY, null, null, null,
                null, null, List.of(SambaDomainController.GROUPS), SambaDomainController.DOMAIN, samba.url(), null,
                serviceAccount ? SambaDomainController.SERVICE_ACCOUNT : null,
                serviceAccount ? SambaDomainController.PASSWORD : null, false));
    }

    private static String name(ActiveDirectorySignIn signIn, String typed, String password) {
        return signIn.authenticate(request(typed, password)).getName();
    }

    private static Authentication request(String name, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(name, password);
    }
}
