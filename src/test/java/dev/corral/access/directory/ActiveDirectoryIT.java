package dev.corral.access.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.corral.access.DirectoryProperties;
import dev.corral.access.PrincipalDirectory;
import dev.corral.access.directory.DirectoryPrincipal.Type;
import dev.corral.access.directory.InMemoryActiveDirectory.InChainRule;
import dev.corral.support.ApiClient;
import dev.corral.support.ApiClient.Response;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The {@code ad} profile against an in-memory server that answers like Active Directory: sign-in
 * as {@code user} or {@code user@domain}, nested groups whether or not the server knows the
 * in-chain matching rule, hostile names refused, and the directory search through the service account.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "ad"})
class ActiveDirectoryIT {

    private static InMemoryActiveDirectory directory;

    @LocalServerPort
    int port;

    @Autowired
    DirectorySearch search;

    @Autowired
    PrincipalDirectory principals;

    @DynamicPropertySource
    static void activeDirectory(DynamicPropertyRegistry registry) throws Exception {
        directory = InMemoryActiveDirectory.start();
        registry.add("corral.directory.ad-domain", () -> InMemoryActiveDirectory.DOMAIN);
        registry.add("corral.directory.ad-url", directory::url);
        registry.add("corral.directory.ad-root-dn", () -> InMemoryActiveDirectory.ROOT);
        registry.add("corral.directory.ad-service-account", () -> InMemoryActiveDirectory.SERVICE_ACCOUNT);
        registry.add("corral.directory.ad-service-password", () -> InMemoryActiveDirectory.PASSWORD);
        registry.add("corral.directory.group-bases", () -> "ou=Groups," + InMemoryActiveDirectory.ROOT);
    }

    @AfterEach
    void answerInChainSearchesAgain() {
        directory.inChainRule(InChainRule.ANSWERED);
    }

    @AfterAll
    static void stop() {
        if (directory != null) {
            directory.close();
        }
    }

    @ParameterizedTest
    @EnumSource(InChainRule.class)
    void signsInAsUserOrUserAtDomainWithNestedGroups(InChainRule rule) {
        directory.inChainRule(rule);
        int inChainSearches = directory.inChainSearches();
        int entryReads = directory.entryReads();

        for (String name : List.of("branch-ops", "branch-ops@" + InMemoryActiveDirectory.DOMAIN, "Branch-Ops@CORP.Example.com")) {
            Response me = me(name, InMemoryActiveDirectory.PASSWORD);

            assertThat(me.status()).as(name).isEqualTo(200);
            assertThat(me.json().get("name").asString()).as("the account name, however typed").isEqualTo("branch-ops");
            assertThat(me.json().get("displayName").asString()).isEqualTo("Bea Branch");
            assertThat(groups(me)).as(name).containsExactly("branch-operators", "operators");
        }
        assertThat(directory.inChainSearches()).as("groups are asked for with the in-chain rule first")
                .isEqualTo(inChainSearches + 3);
        if (rule == InChainRule.ANSWERED) {
            assertThat(directory.entryReads()).as("no group read one by one").isEqualTo(entryReads);
        } else {
            assertThat(directory.entryReads()).as("memberOf followed: 2 groups, 3 sign-ins").isEqualTo(entryReads + 6);
        }
    }

    @ParameterizedTest
    @EnumSource(InChainRule.class)
    void groupsNestedInACycleCountOnce(InChainRule rule) {
        directory.inChainRule(rule);

        Response me = me("dev", InMemoryActiveDirectory.PASSWORD);

        assertThat(me.status()).isEqualTo(200);
        assertThat(groups(me)).containsExactly("developers", "engineering");
    }

    @ParameterizedTest
    @EnumSource(InChainRule.class)
    void onlySecurityGroupsUnderTheGroupBaseCount(InChainRule rule) {
        directory.inChainRule(rule);

        Response me = me("dev", InMemoryActiveDirectory.PASSWORD);

        assertThat(me.status()).isEqualTo(200);
        assertThat(groups(me)).as("not corral-admins of ou=Projects, not the distribution group announcements")
                .containsExactly("developers", "engineering");
        assertThat(me.json().get("roles").valueStream().map(r -> r.get("role").asString()).toList())
                .containsExactly("Self-Service User");
        assertThat(new ApiClient(port).get("/api/v1/audit", "dev", InMemoryActiveDirectory.PASSWORD).status())
                .as("an Administrator's endpoint").isEqualTo(403);
        assertThat(principals.groupsOf("dev")).as("read with the service account, as for API tokens")
                .contains(Set.of("developers", "engineering"));
    }

    @Test
    void wrongPasswordIsRefused() {
        assertThat(me("dev", "wrong").status()).isEqualTo(401);
        assertThat(me("dev@" + InMemoryActiveDirectory.DOMAIN, "").status()).isEqualTo(401);
    }

    @Test
    void hostileNamesAndOtherDomainsSignNobodyIn() {
        for (String name : List.of("*)(uid=*", "admin)(|(a=*", "*", "branch-ops@other.example.com",
                "branch-ops@" + InMemoryActiveDirectory.DOMAIN + ".evil.example", "@" + InMemoryActiveDirectory.DOMAIN,
                "branch-ops@x@" + InMemoryActiveDirectory.DOMAIN)) {
            Response me = me(name, InMemoryActiveDirectory.PASSWORD);
            assertThat(me.status()).as(name).isEqualTo(401);
            assertThat(me.contentType()).as(name).startsWith("application/problem+json");
        }
    }

    @Test
    void theSignInPageStaysOpen() {
        Response page = new ApiClient(port).get("/login", null, null);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
    }

    @Test
    void searchFindsGroupsThenUsersButNoComputers() {
        assertThat(search.search("BRANCH", 10)).containsExactly(
                new DirectoryPrincipal(Type.GROUP, "branch-operators", "branch-operators",
                        "cn=branch-operators,ou=Groups," + InMemoryActiveDirectory.ROOT),
                new DirectoryPrincipal(Type.USER, "branch-ops", "Bea Branch",
                        "cn=Bea Branch,ou=People," + InMemoryActiveDirectory.ROOT));
        assertThat(search.search("bea b", 10)).extracting(DirectoryPrincipal::name).containsExactly("branch-ops");
        assertThat(search.search("eloper", 10)).extracting(DirectoryPrincipal::name)
                .containsExactly("developers", "dev");
        assertThat(search.search("*)(cn=*", 10)).isEmpty();
    }

    @Test
    void findChecksThatAPrincipalExists() {
        assertThat(search.find(Type.USER, "dev")).map(DirectoryPrincipal::displayName).contains("Dev Eloper");
        assertThat(search.find(Type.GROUP, "operators")).map(DirectoryPrincipal::type).contains(Type.GROUP);
        assertThat(search.find(Type.USER, "operators")).isEmpty();
        assertThat(search.find(Type.USER, "BRANCH-PC01$")).as("a computer is no user").isEmpty();
        assertThat(search.find(Type.USER, "*")).isEmpty();
    }

    @Test
    void searchWithoutAServiceAccountSaysWhatIsMissing() {
        DirectoryProperties withoutServiceAccount = new DirectoryProperties(DirectoryProperties.Mode.ACTIVE_DIRECTORY,
                null, null, null, null, null, null, InMemoryActiveDirectory.DOMAIN, directory.url(), null, null, null, false);
        DirectorySearch unconfigured = new DirectorySearch(withoutServiceAccount, null);

        assertThatThrownBy(() -> unconfigured.search("branch", 10))
                .isInstanceOf(DirectorySearchNotConfiguredException.class)
                .hasMessageContaining("corral.directory.ad-service-account");
    }

    private Response me(String name, String password) {
        return new ApiClient(port).get("/api/v1/me", name, password);
    }

    private static List<String> groups(Response me) {
        return me.json().get("groups").valueStream().map(g -> g.asString()).toList();
    }
}
