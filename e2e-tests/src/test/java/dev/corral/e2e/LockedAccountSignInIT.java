package dev.corral.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import dev.corral.support.OpenLdapServer;
import java.nio.file.Path;
import javax.naming.directory.BasicAttribute;
import javax.naming.directory.DirContext;
import javax.naming.directory.ModificationItem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.ldap.core.LdapTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An account that OpenLDAP's password policy has locked (a real slapd, the ldap profile) signs in
 * with the right password: the sign-in page says the account is disabled or locked in the
 * directory, not that the password is wrong, and once unlocked the same sign-in works.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "ldap"})
class LockedAccountSignInIT extends BrowserTest {

    private static final String SUFFIX = "dc=corral,dc=local";
    private static final String AUDITOR = "uid=auditor,ou=people";
    private static OpenLdapServer server;

    @Autowired
    LdapTemplate ldap;

    @DynamicPropertySource
    static void directory(DynamicPropertyRegistry registry) throws Exception {
        server = OpenLdapServer.start(SUFFIX, Path.of("config/directory/corral-demo.ldif"));
        server.connect(registry, SUFFIX);
        registry.add("corral.access.initial-assignments[0].principal-type", () -> "GROUP");
        registry.add("corral.access.initial-assignments[0].principal-name", () -> "auditors");
        registry.add("corral.access.initial-assignments[0].role", () -> "Auditor");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aLockedAccountIsToldSoAndSignsInOnceUnlocked() {
        lock(DirContext.ADD_ATTRIBUTE, "000001010000Z");
        try {
            LoginPage login = openLogin().signInExpectingFailure("auditor", "demo");
            assertThat(login.errorMessage()).containsText("disabled or locked");
            screenshot("sign-in-account-locked");
        } finally {
            lock(DirContext.REMOVE_ATTRIBUTE, null);
        }
        ShellPage shell = openLogin().signInAs("auditor", "demo");
        assertThat(shell.userName()).hasText("Audra Auditor");
    }

    private void lock(int operation, String value) {
        BasicAttribute attribute = value == null ? new BasicAttribute("pwdAccountLockedTime")
                : new BasicAttribute("pwdAccountLockedTime", value);
        ldap.modifyAttributes(AUDITOR, new ModificationItem[] {new ModificationItem(operation, attribute)});
    }
}
