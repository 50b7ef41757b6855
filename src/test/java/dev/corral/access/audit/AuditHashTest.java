package dev.corral.access.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuditHashTest {

    @Test
    void fieldBoundariesCannotBeShifted() {
        assertThat(AuditHash.begin().text("ab").text("c").hex())
                .isNotEqualTo(AuditHash.begin().text("a").text("bc").hex());
        assertThat(AuditHash.begin().text("a").text("").hex())
                .isNotEqualTo(AuditHash.begin().text("").text("a").hex());
    }

    @Test
    void anAbsentFieldIsNotAnEmptyOne() {
        assertThat(AuditHash.begin().text(null).hex()).isNotEqualTo(AuditHash.begin().text("").hex());
        assertThat(AuditHash.begin().text(null).text("x").hex())
                .isNotEqualTo(AuditHash.begin().text("x").text(null).hex());
    }

    @Test
    void aNumberIsNotTheTextOfItsBytes() {
        assertThat(AuditHash.begin().number(1).hex()).isNotEqualTo(AuditHash.begin().text("1").hex());
        assertThat(AuditHash.begin().number(1).number(2).hex())
                .isNotEqualTo(AuditHash.begin().number(2).number(1).hex());
    }

    @Test
    void theSameFieldsGiveTheSameSha256InHex() {
        String hash = AuditHash.begin().number(7).text("é").text(null).hex();

        assertThat(hash).isEqualTo(AuditHash.begin().number(7).text("é").text(null).hex());
        assertThat(hash).hasSize(64).matches("[0-9a-f]{64}");
        assertThat(AuditHash.GENESIS).hasSize(64).matches("0{64}");
    }
}
