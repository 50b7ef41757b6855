package dev.corral.access.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuditTextTest {

    @Test
    void textThatFitsIsKeptAsIs() {
        assertThat(AuditText.fit("abc", 3)).isEqualTo("abc");
        assertThat(AuditText.fit(null, 3)).isNull();
    }

    @Test
    void longerTextEndsInAnEllipsisWithinTheLimit() {
        assertThat(AuditText.fit("abcdef", 4)).isEqualTo("abc…");
    }

    @Test
    void aCharacterOutsideTheBasicPlaneIsNeverSplit() {
        String text = "ab\uD83D\uDE00cd"; // "ab😀cd"

        assertThat(AuditText.fit(text, 4)).isEqualTo("ab…");
    }

    @Test
    void nulCharactersAreReplacedSoPostgreSqlCanStoreThem() {
        assertThat(AuditText.fit("a\u0000b", 10)).isEqualTo("a\uFFFDb");
    }
}
