package dev.corral.access.directory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corral.access.DirectoryProperties;
import dev.corral.access.directory.InMemoryActiveDirectory.InChainRule;
import dev.corral.base.SignedInUser;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/**
 * What the Samba domain cannot show (it knows the in-chain matching rule): a server that refuses
 * the rule, or answers it with nothing, still gets the user's nested groups, by following the
 * groups' memberOf (each group once, cycles included). The in-memory stand-in answers as chosen.
 */
class ActiveDirectoryGroupFallbackIT {

    private static InMemoryActiveDirectory directory;

    @BeforeAll
    static void start() throws Exception {
        directory = InMemoryActiveDirectory.start();
    }

    @AfterAll
    static void stop() {
        if (directory != null) {
            directory.close();
        }
    }

    @ParameterizedTest
    @EnumSource(InChainRule.class)
    void nestedGroupsWhetherOrNotTheServerKnowsTheInChainRule(InChainRule rule) {
        directory.inChainRule(rule);
        int inChainSearches = directory.inChainSearches();
        int entryReads = directory.entryReads();

        assertThat(groups("branch-ops")).containsExactly("branch-operators", "operators");

        assertThat(directory.inChainSearches()).as("groups are asked for with the in-chain rule first")
                .isEqualTo(inChainSearches + 1);
        assertThat(directory.entryReads() - entryReads).as("groups read one by one")
                .isEqualTo(rule == InChainRule.ANSWERED ? 0 : 2);
    }

    @ParameterizedTest
    @EnumSource(InChainRule.class)
    void groupsInACycleCountOnceAndOnlySecurityGroupsUnderTheGroupBase(InChainRule rule) {
        directory.inChainRule(rule);

        assertThat(groups("dev")).as("not corral-admins of ou=Projects, not the distribution group announcements")
                .containsExactly("developers", "engineering");
    }

    private static List<String> groups(String user) {
        ActiveDirectorySignIn signIn = new ActiveDirectorySignIn(new DirectoryProperties(
                DirectoryProperties.Mode.ACTIVE_DIRECTORY, null, null, null, null, null,
                List.of("ou=Groups," + InMemoryActiveDirectory.ROOT), InMemoryActiveDirectory.DOMAIN, directory.url(),
                InMemoryActiveDirectory.ROOT, InMemoryActiveDirectory.SERVICE_ACCOUNT, InMemoryActiveDirectory.PASSWORD,
                false));
        return signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(user, InMemoryActiveDirectory.PASSWORD))
                .getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .map(a -> a.substring(SignedInUser.GROUP_PREFIX.length())).toList();
    }
}
