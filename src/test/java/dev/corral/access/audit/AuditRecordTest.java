package dev.corral.access.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.corral.access.Channel;
import dev.corral.access.audit.AuditEvent.Outcome;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class AuditRecordTest {

    static final Instant TIME = Instant.parse("2026-06-01T08:00:00.123456Z");
    static final String PREVIOUS = "ab".repeat(32);
    static final AuditEvent EVENT = new AuditEvent("dev", "10.0.0.7", Channel.API, "vm.start", "vm",
            "4f1c-id", "web-01", Outcome.REFUSED, "Your role does not include vm.power");

    static String hashOf(AuditEvent event) {
        return AuditRecord.chain(5, TIME, event, PREVIOUS).hash();
    }

    @Test
    void changingAnyFieldOfTheEventChangesTheHash() {
        List<UnaryOperator<AuditEvent>> changes = List.of(
                e -> new AuditEvent("Dev", e.sourceAddress(), e.channel(), e.action(), e.objectType(), e.objectId(), e.objectName(), e.outcome(), e.details()),
                e -> new AuditEvent(e.principal(), "10.0.0.8", e.channel(), e.action(), e.objectType(), e.objectId(), e.objectName(), e.outcome(), e.details()),
                e -> new AuditEvent(e.principal(), null, e.channel(), e.action(), e.objectType(), e.objectId(), e.objectName(), e.outcome(), e.details()),
                e -> new AuditEvent(e.principal(), e.sourceAddress(), Channel.CONSOLE, e.action(), e.objectType(), e.objectId(), e.objectName(), e.outcome(), e.details()),
                e -> new AuditEvent(e.principal(), e.sourceAddress(), e.channel(), "vm.stop", e.objectType(), e.objectId(), e.objectName(), e.outcome(), e.details()),
                e -> new AuditEvent(e.principal(), e.sourceAddress(), e.channel(), e.action(), "host", e.objectId(), e.objectName(), e.outcome(), e.details()),
                e -> new AuditEvent(e.principal(), e.sourceAddress(), e.channel(), e.action(), e.objectType(), "4f1d-id", e.objectName(), e.outcome(), e.details()),
                e -> new AuditEvent(e.principal(), e.sourceAddress(), e.channel(), e.action(), e.objectType(), e.objectId(), "web-02", e.outcome(), e.details()),
                e -> new AuditEvent(e.principal(), e.sourceAddress(), e.channel(), e.action(), e.objectType(), e.objectId(), e.objectName(), Outcome.SUCCESS, e.details()),
                e -> new AuditEvent(e.principal(), e.sourceAddress(), e.channel(), e.action(), e.objectType(), e.objectId(), e.objectName(), e.outcome(), e.details() + "."));
        String original = hashOf(EVENT);

        for (UnaryOperator<AuditEvent> change : changes) {
            AuditEvent changed = change.apply(EVENT);
            assertThat(hashOf(changed)).as(changed.toString()).isNotEqualTo(original);
        }
    }

    @Test
    void sequenceTimeAndPreviousHashAreCoveredToo() {
        String original = AuditRecord.chain(5, TIME, EVENT, PREVIOUS).hash();

        assertThat(AuditRecord.chain(6, TIME, EVENT, PREVIOUS).hash()).isNotEqualTo(original);
        assertThat(AuditRecord.chain(5, TIME.plusNanos(1_000), EVENT, PREVIOUS).hash()).isNotEqualTo(original);
        assertThat(AuditRecord.chain(5, TIME, EVENT, "cd".repeat(32)).hash()).isNotEqualTo(original);
    }

    @Test
    void textMovedAcrossAFieldBoundaryChangesTheHash() {
        AuditEvent ab = new AuditEvent("ab", "c", Channel.API, "x", null, null, null, Outcome.SUCCESS, null);
        AuditEvent bc = new AuditEvent("a", "bc", Channel.API, "x", null, null, null, Outcome.SUCCESS, null);

        assertThat(hashOf(ab)).isNotEqualTo(hashOf(bc));
    }

    @Test
    void aFreshRecordMatchesItsHashAndFollowsThePreviousOne() {
        AuditRecord record = AuditRecord.chain(5, TIME, EVENT, PREVIOUS);

        assertThat(record.computeHash()).isEqualTo(record.hash());
        assertThat(record.previousHash()).isEqualTo(PREVIOUS);
        assertThat(record.toEntry().time()).isEqualTo(TIME);
    }

    @Test
    void theTimeIsKeptToTheMicrosecondTheDatabaseStores() {
        AuditRecord record = AuditRecord.chain(1, TIME.plusNanos(789), EVENT, PREVIOUS);

        assertThat(record.toEntry().time()).isEqualTo(TIME);
    }

    @Test
    void longDetailsAreShortenedWithAnEllipsisNotRefused() {
        AuditEvent verbose = new AuditEvent("dev", null, Channel.API, "vm.start", null, null, null, Outcome.FAILED,
                "x".repeat(5_000));

        String details = AuditRecord.chain(1, TIME, verbose, PREVIOUS).toEntry().details();

        assertThat(details).hasSize(AuditRecord.DETAILS_LENGTH).endsWith("x…");
        assertThat(AuditRecord.chain(1, TIME, EVENT, PREVIOUS).toEntry().details()).isEqualTo(EVENT.details());
    }

    @Test
    void aLongPrincipalIsShortenedAndItsKeyLowerCased() {
        AuditEvent hostile = new AuditEvent("A".repeat(1_000), null, Channel.API, "sign-in", null, null, null,
                Outcome.REFUSED, null);

        AuditEntry entry = AuditRecord.chain(1, TIME, hostile, PREVIOUS).toEntry();

        assertThat(entry.principal()).hasSize(AuditRecord.PRINCIPAL_LENGTH).endsWith("A…");
        assertThat(AuditRecord.keyOf(" HQ-Admin ")).isEqualTo("hq-admin");
    }

    @Test
    void anEventWithoutWhoOrWhatIsAProgrammingError() {
        AuditEvent nobody = new AuditEvent(null, null, Channel.API, "vm.start", null, null, null, Outcome.SUCCESS, null);

        assertThatThrownBy(() -> AuditRecord.chain(1, TIME, nobody, PREVIOUS))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("principal");
    }
}
