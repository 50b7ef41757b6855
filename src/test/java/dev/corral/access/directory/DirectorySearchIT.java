package dev.corral.access.directory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corral.access.directory.DirectoryPrincipal.Type;
import dev.corral.support.CorralIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The directory search of the assignment editor, against the embedded demo directory. */
@CorralIntegrationTest
class DirectorySearchIT {

    private static final String BASE = "dc=corral,dc=local";

    @Autowired
    DirectorySearch search;

    @Test
    void findsGroupsThenUsersByPartOfTheirNameOrDisplayName() {
        assertThat(search.search("branch", 10)).containsExactly(
                new DirectoryPrincipal(Type.GROUP, "branch-operators", "branch-operators",
                        "cn=branch-operators,ou=groups," + BASE),
                new DirectoryPrincipal(Type.USER, "branch-ops", "Bea Branch", "uid=branch-ops,ou=people," + BASE));
        assertThat(search.search("  audra ", 10)).extracting(DirectoryPrincipal::name).containsExactly("auditor");
    }

    @Test
    void filterCharactersAreSearchedForLiterally() {
        for (String text : List.of("*", ")(", "*)(uid=*", "\\", "admin)(|(a=*")) {
            assertThat(search.search(text, 10)).as(text).isEmpty();
        }
    }

    @Test
    void blankTextFindsNothing() {
        assertThat(search.search("", 10)).isEmpty();
        assertThat(search.search("   ", 10)).isEmpty();
        assertThat(search.search(null, 10)).isEmpty();
    }

    @Test
    void theLimitIsHonoured() {
        // "a" is in five demo groups and four demo users.
        assertThat(search.search("a", 3)).hasSize(3).extracting(DirectoryPrincipal::type).containsOnly(Type.GROUP);
        assertThat(search.search("a", 7)).extracting(DirectoryPrincipal::type)
                .containsExactly(Type.GROUP, Type.GROUP, Type.GROUP, Type.GROUP, Type.GROUP, Type.USER, Type.USER);
        assertThat(search.search("a", 1_000)).hasSize(9);
        assertThat(search.search("a", 0)).isEmpty();
    }

    @Test
    void findChecksThatAPrincipalExists() {
        assertThat(search.find(Type.USER, "dev")).contains(
                new DirectoryPrincipal(Type.USER, "dev", "Dev Eloper", "uid=dev,ou=people," + BASE));
        assertThat(search.find(Type.GROUP, "operators")).map(DirectoryPrincipal::dn)
                .contains("cn=operators,ou=groups," + BASE);
        assertThat(search.find(Type.GROUP, "dev")).isEmpty();
        assertThat(search.find(Type.USER, "nobody")).isEmpty();
        assertThat(search.find(Type.USER, "*")).isEmpty();
        assertThat(search.find(Type.USER, "")).isEmpty();
    }
}
