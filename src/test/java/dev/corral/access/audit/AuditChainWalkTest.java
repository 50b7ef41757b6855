package dev.corral.access.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corral.access.Channel;
import dev.corral.access.audit.AuditEvent.Outcome;
import java.lang.reflect.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuditChainWalkTest {

    static List<AuditRecord> chain(int length) {
        List<AuditRecord> records = new ArrayList<>();
        String previous = AuditHash.GENESIS;
        for (int sequence = 1; sequence <= length; sequence++) {
            AuditRecord record = AuditRecord.chain(sequence, Instant.parse("2026-06-01T08:00:00Z").plusSeconds(sequence),
                    new AuditEvent("user" + sequence, null, Channel.API, "vm.start", "vm", "id" + sequence, null,
                            Outcome.SUCCESS, null), previous);
            records.add(record);
            previous = record.hash();
        }
        return records;
    }

    static ChainVerification walk(List<AuditRecord> records, long headSequence, String headHash) {
        AuditChainWalk walk = new AuditChainWalk();
        for (AuditRecord record : records) {
            Optional<ChainVerification> broken = walk.check(record);
            if (broken.isPresent()) {
                return broken.get();
            }
        }
        return walk.finish(headSequence, headHash);
    }

    static ChainVerification walk(List<AuditRecord> records) {
        AuditRecord last = records.getLast();
        return walk(records, last.sequence(), last.hash());
    }

    static void tamper(AuditRecord record, String field, Object value) throws ReflectiveOperationException {
        Field f = AuditRecord.class.getDeclaredField(field);
        f.setAccessible(true);
        f.set(record, value);
    }

    @Test
    void anUntouchedChainIsIntact() {
        ChainVerification result = walk(chain(1_234));

        assertThat(result.intact()).isTrue();
        assertThat(result.recordsChecked()).isEqualTo(1_234);
        assertThat(result.firstBrokenSequence()).isNull();
        assertThat(result.message()).isEqualTo("The audit trail is intact: 1,234 records checked.");
    }

    @Test
    void anEmptyTrailIsIntact() {
        ChainVerification result = walk(List.of(), 0, AuditHash.GENESIS);

        assertThat(result.intact()).isTrue();
        assertThat(result.message()).isEqualTo("The audit trail is intact: 0 records checked.");
    }

    @Test
    void anEditedRecordIsNamed() throws ReflectiveOperationException {
        List<AuditRecord> records = chain(100);
        tamper(records.get(56), "details", "nothing happened");

        ChainVerification result = walk(records);

        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenSequence()).isEqualTo(57);
        assertThat(result.recordsChecked()).isEqualTo(57);
        assertThat(result.message()).isEqualTo("The audit trail has been altered: record 57 does not match its hash.");
    }

    @Test
    void aRecordRehashedAfterEditingBreaksTheLinkToTheNext() throws ReflectiveOperationException {
        List<AuditRecord> records = chain(10);
        AuditRecord edited = records.get(3);
        tamper(edited, "principal", "someone-else");
        tamper(edited, "hash", edited.computeHash());

        ChainVerification result = walk(records);

        assertThat(result.firstBrokenSequence()).isEqualTo(5);
        assertThat(result.message()).contains("record 5 is not chained to the record before it");
    }

    @Test
    void aRemovedRecordIsMissing() {
        List<AuditRecord> records = new ArrayList<>(chain(10));
        records.remove(6);

        ChainVerification result = walk(records);

        assertThat(result.firstBrokenSequence()).isEqualTo(7);
        assertThat(result.message()).isEqualTo("The audit trail has been altered: record 7 is missing.");
    }

    @Test
    void recordsRemovedFromTheEndAreMissingAgainstTheHead() {
        List<AuditRecord> records = chain(10);

        ChainVerification result = walk(records.subList(0, 8), 10, records.getLast().hash());

        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenSequence()).isEqualTo(9);
        assertThat(result.message()).contains("records 9 to 10 are missing");
    }
}
