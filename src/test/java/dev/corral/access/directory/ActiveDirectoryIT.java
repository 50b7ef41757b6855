package dev.corral.access.directory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corral.access.PrincipalDirectory;
import dev.corral.access.directory.DirectoryPrincipal.Type;
import dev.corral.support.ApiClient;
import dev.corral.support.ApiClient.Response;
import dev.corral.support.SambaDomainController;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The {@code ad} profile against a real Samba domain controller ({@link SambaDomainController}),
 * configured as the README says: sign-in by sAMAccountName or UPN whatever the UPN's suffix,
 * nested groups, accounts the domain disabled, expired or locked refused as such and never counted
 * as wrong passwords, explain answering as the decision, API tokens of refused accounts refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "ad"})
class ActiveDirectoryIT {

    private static final String PASSWORD = SambaDomainController.PASSWORD;
    private static final String DISABLED = "This account is disabled in the directory.";

    @LocalServerPort
    int port;

    @Autowired
    DirectorySearch search;

    @Autowired
    PrincipalDirectory principals;

    @BeforeAll
    static void sambaRuns() {
        SambaDomainController.shared();
    }

    @DynamicPropertySource
    static void activeDirectory(DynamicPropertyRegistry registry) {
        SambaDomainController samba = SambaDomainController.shared();
        registry.add("corral.directory.ad-domain", () -> SambaDomainController.DOMAIN);
        registry.add("corral.directory.ad-url", samba::url);
        registry.add("corral.directory.ad-root-dn", () -> SambaDomainController.ROOT_DN);
        registry.add("corral.directory.ad-service-account", () -> SambaDomainController.SERVICE_ACCOUNT);
        registry.add("corral.directory.ad-service-password", () -> PASSWORD);
        registry.add("corral.directory.group-bases", () -> SambaDomainController.GROUPS);
        // A real directory's first administrators, as an organisation would name them.
        String[][] first = {{"GROUP", "corral-admins", "Administrator", "global"},
            {"GROUP", "branch-operators", "VM Operator", "host-group:Branch"},
            {"GROUP", "developers", "Self-Service User", "host-group:Branch"},
            {"GROUP", "auditors", "Auditor", "global"}};
        for (int i = 0; i < first.length; i++) {
            String[] entry = first[i];
            String key = "corral.access.initial-assignments[" + i + "].";
            registry.add(key + "principal-type", () -> entry[0]);
            registry.add(key + "principal-name", () -> entry[1]);
            registry.add(key + "role", () -> entry[2]);
            registry.add(key + "scope", () -> entry[3]);
        }
    }

    @Test
    void signsInBySamAccountNameOrUpnAsTheStoredAccountName() {
        for (String name : List.of("dana", "DANA", "dana@corp.acme.test", "Dana@CORP.Acme.Test")) {
            Response me = me(name, PASSWORD);

            assertThat(me.status()).as(name).isEqualTo(200);
            assertThat(me.json().get("name").asString()).as("the account name, however typed").isEqualTo("dana");
            assertThat(me.json().get("displayName").asString()).isEqualTo("Dana Nested");
            assertThat(groups(me)).as("vm-operators, inside corral-admins").containsExactlyInAnyOrder("vm-operators",
                    "corral-admins");
        }
    }

    /** #21 point 2: a UPN suffix other than the domain's; right passwords are never a lock-out. */
    @Test
    void anAccountWhoseUpnHasAnotherSuffixSignsInEveryTime() {
        for (int attempt = 1; attempt <= 6; attempt++) {
            for (String name : List.of("erin.smith@acme.com", "erin.smith", "erin.smith@corp.acme.test")) {
                Response me = me(name, PASSWORD);

                assertThat(me.status()).as(name + ", attempt " + attempt + ": " + me.body()).isEqualTo(200);
                assertThat(me.json().get("name").asString()).isEqualTo("erin.smith");
            }
        }
        assertThat(me("erin.smith@acme.com", "wrong").status()).isEqualTo(401);
    }

    /** #21 point 2: Administrator has no UPN at all. */
    @Test
    void administratorWithoutUpnSignsIn() {
        for (String name : List.of("Administrator", "administrator@corp.acme.test")) {
            Response me = me(name, SambaDomainController.ADMINISTRATOR_PASSWORD);

            assertThat(me.status()).as(name + ": " + me.body()).isEqualTo(200);
            assertThat(me.json().get("name").asString()).isEqualTo("Administrator");
        }
    }

    @Test
    void aNameBeyondAsciiSignsIn() {
        for (String name : List.of("jürgen", "JÜRGEN", "jürgen@corp.acme.test")) {
            Response me = me(name, PASSWORD);

            assertThat(me.status()).as(name + ": " + me.body()).isEqualTo(200);
            assertThat(me.json().get("name").asString()).isEqualTo("jürgen");
            assertThat(me.json().get("displayName").asString()).isEqualTo("Jürgen Müller");
            assertThat(groups(me)).containsExactly("branch-operators");
        }
    }

    @Test
    void groupsNestedInACycleCountOnceAndOnlySecurityGroupsUnderTheGroupBase() {
        Response me = me("dev", PASSWORD);

        assertThat(me.status()).isEqualTo(200);
        assertThat(groups(me)).as("not corral-admins of OU=Projects, not the distribution list announcements")
                .containsExactlyInAnyOrder("developers", "engineering");
        assertThat(new ApiClient(port).get("/api/v1/audit", "dev", PASSWORD).status())
                .as("an Administrator's endpoint").isEqualTo(403);
        assertThat(principals.groupsOf("dev")).as("read with the service account, as for API tokens")
                .contains(Set.of("developers", "engineering"));
    }

    @Test
    void wrongPasswordsAndHostileNamesSignNobodyIn() {
        assertThat(me("bea", "wrong").status()).isEqualTo(401);
        assertThat(me("bea", "").status()).isEqualTo(401);
        for (String name : List.of("*)(sAMAccountName=*", "bea)(|(a=*", "*", "nobody", "bea@other.example.com",
                "@" + SambaDomainController.DOMAIN, "bea@x@" + SambaDomainController.DOMAIN, "*@acme.com")) {
            Response me = me(name, PASSWORD);
            assertThat(me.status()).as(name).isEqualTo(401);
            assertThat(me.json().get("type").asString()).as(name).endsWith("unauthenticated");
        }
    }

    /** #21 point 2: refusals that are not a wrong password are not counted as one. */
    @Test
    void disabledExpiredAndLockedAccountsAreRefusedAsSuchAndNeverCounted() {
        for (String account : List.of("disabled.user", "expired.user", "locked.user")) {
            for (int attempt = 1; attempt <= 6; attempt++) {
                Response me = me(account, PASSWORD);

                assertThat(me.status()).as(account).isEqualTo(401);
                assertThat(me.json().get("type").asString()).as(account + ", attempt " + attempt).endsWith("account-disabled");
            }
        }
        assertThat(me("disabled.user", PASSWORD).json().get("detail").asString()).isEqualTo(DISABLED);
        assertThat(me("expired.user", PASSWORD).json().get("detail").asString())
                .isEqualTo("This account has expired in the directory.");
        assertThat(me("locked.user", PASSWORD).json().get("detail").asString())
                .isEqualTo("This account is locked out in the directory after wrong passwords; it unlocks by itself"
                        + " after the domain's lock-out time, or when a directory administrator unlocks it.");
        assertThat(me("disabled.user", "wrong").json().get("type").asString())
                .as("a wrong password for a disabled account is a wrong password").endsWith("unauthenticated");
        assertThat(refusals("locked.user")).contains("The account is disabled or locked in the directory.");
    }

    @Test
    void anAccountEnabledAgainSignsInAtOnce() {
        String careful = SambaDomainController.userDn("careful");
        SambaDomainController samba = SambaDomainController.shared();
        samba.replace(careful, "userAccountControl", "514");
        try {
            for (int attempt = 1; attempt <= 6; attempt++) {
                assertThat(me("careful", PASSWORD).json().get("detail").asString()).isEqualTo(DISABLED);
            }
        } finally {
            samba.replace(careful, "userAccountControl", "512");
        }
        assertThat(me("careful", PASSWORD).status()).as("six refusals counted nothing").isEqualTo(200);
    }

    /** The domain's own lock-out (3 wrong passwords): the right password then hears that it is locked. */
    @Test
    void theDomainsOwnLockOutIsReportedAsSuch() {
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(me("careless", "wrong-" + attempt).json().get("type").asString()).endsWith("unauthenticated");
        }
        try {
            Response me = me("careless", PASSWORD);

            assertThat(me.status()).isEqualTo(401);
            assertThat(me.json().get("type").asString()).endsWith("account-disabled");
            assertThat(me.json().get("detail").asString()).startsWith("This account is locked out in the directory");
        } finally {
            SambaDomainController.shared().replace(SambaDomainController.userDn("careless"), "lockoutTime", "0");
        }
        assertThat(me("careless", PASSWORD).status()).as("unlocked by an administrator").isEqualTo(200);
    }

    /** #21 point 3: the explanation comes from the same groups as the decision. */
    @Test
    void explainAnswersAsTheDecisionForRightsThroughNestedGroups() {
        ApiClient api = new ApiClient(port);
        assertThat(api.get("/api/v1/audit", "erin.smith", PASSWORD).status()).as("the decision").isEqualTo(200);

        for (String asker : List.of("dana", "erin.smith")) {
            Response explained = api.get("/api/v1/access/explain?principal=erin.smith&permission=audit.view", asker, PASSWORD);

            assertThat(explained.status()).as(explained.body()).isEqualTo(200);
            assertThat(explained.json().get("allowed").asBoolean()).as(asker + " asks: " + explained.body()).isTrue();
            assertThat(explained.json().get("summary").asString()).contains("via group corral-admins");
        }
    }

    @Test
    void tokensOfDisabledOrLockedAccountsAreRefused() {
        ApiClient api = new ApiClient(port);
        Response created = api.post("/api/v1/tokens", "careful", PASSWORD, "{\"name\":\"nightly report\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String token = created.json().get("value").asString();
        assertThat(api.bearer("GET", "/api/v1/me", token).status()).isEqualTo(200);
        assertThat(principals.accountOf("careful")).map(PrincipalDirectory.Account::maySignIn).contains(true);

        for (String account : List.of("disabled.user", "expired.user", "locked.user")) {
            assertThat(principals.accountOf(account)).as(account).map(PrincipalDirectory.Account::maySignIn).contains(false);
        }
        assertThat(principals.accountOf("careful@acme.com")).as("not a sAMAccountName").isEmpty();
    }

    @Test
    void searchFindsGroupsThenUsersButNoComputers() {
        assertThat(search.search("branch", 10)).extracting(DirectoryPrincipal::name).containsExactly("branch-operators", "bea");
        assertThat(search.search("Erin S", 10)).containsExactly(new DirectoryPrincipal(Type.USER, "erin.smith", "Erin Smith",
                SambaDomainController.userDn("erin.smith")));
        assertThat(search.search("jür", 10)).extracting(DirectoryPrincipal::name).containsExactly("jürgen");
        assertThat(search.search("*)(cn=*", 10)).isEmpty();
        assertThat(search.find(Type.USER, "dana")).map(DirectoryPrincipal::displayName).contains("Dana Nested");
        assertThat(search.find(Type.GROUP, "vm-operators")).map(DirectoryPrincipal::type).contains(Type.GROUP);
        assertThat(search.find(Type.USER, "CORRAL-DC$")).as("the domain controller is a computer, no user").isEmpty();
    }

    /** A domain controller that accepts connections but never answers: a clear 503 within the read timeout. */
    @Test
    void aFrozenDomainControllerIsReportedWithinTheTimeout() throws Exception {
        SambaDomainController samba = SambaDomainController.shared();
        samba.freeze();
        Response me;
        Duration took;
        try {
            Instant began = Instant.now();
            me = me("bea", PASSWORD);
            took = Duration.between(began, Instant.now());
        } finally {
            samba.thaw();
        }
        System.out.println("Sign-in against a frozen Samba answered " + me.status() + " after " + took.toMillis() + " ms");
        assertThat(me.status()).isEqualTo(503);
        assertThat(me.json().get("type").asString()).endsWith("directory-unavailable");
        assertThat(took).isLessThan(Duration.ofSeconds(20));
        assertThat(me("bea", PASSWORD).status()).as("answering again").isEqualTo(200);
    }

    private Response me(String name, String password) {
        return new ApiClient(port).get("/api/v1/me", name, password);
    }

    private List<String> refusals(String principal) {
        Response audit = new ApiClient(port).get("/api/v1/audit?outcome=REFUSED&principal=" + principal, "dana", PASSWORD);
        assertThat(audit.status()).as(audit.body()).isEqualTo(200);
        return audit.json().get("items").valueStream().map(e -> e.get("details").asString()).toList();
    }

    private static List<String> groups(Response me) {
        return me.json().get("groups").valueStream().map(g -> g.asString()).toList();
    }
}
