package dev.corral.access.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corral.access.Channel;
import dev.corral.access.audit.AuditEvent.Outcome;
import dev.corral.support.ApiClient;
import dev.corral.support.ApiClient.Response;
import dev.corral.support.CorralIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** The hash chain: own transactions, verification, tampering found, concurrent appends in order. */
@CorralIntegrationTest
class AuditChainIT {

    @LocalServerPort
    int port;

    @Autowired
    AuditTrail auditTrail;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    ApiClient api;
    String principal;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        principal = "chain-" + UUID.randomUUID().toString().substring(0, 8);
    }

    AuditEvent event(String details) {
        return new AuditEvent(principal, "198.51.100.4", Channel.CONSOLE, "host.register", "host", null, "hv-07",
                Outcome.REFUSED, details);
    }

    JsonNode verify() {
        Response response = api.get("/api/v1/audit/verify", "auditor", "demo");
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    long recordsOf(String who) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_record WHERE principal = ?", Long.class, who);
    }

    @Test
    void aRefusalIsRecordedEvenWhenTheCallersTransactionRollsBack() {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            auditTrail.record(event("Refused, then the caller's work rolled back"));
            status.setRollbackOnly();
        });

        assertThat(recordsOf(principal)).isEqualTo(1);
    }

    @Test
    void anUntouchedTrailVerifiesIntact() {
        auditTrail.record(event("one"));
        auditTrail.record(event("two"));

        JsonNode result = verify();

        long total = jdbc.queryForObject("SELECT COUNT(*) FROM audit_record", Long.class);
        assertThat(result.get("intact").asBoolean()).isTrue();
        assertThat(result.get("recordsChecked").asLong()).isEqualTo(total);
        assertThat(result.get("firstBrokenSequence").isNull()).isTrue();
        assertThat(result.get("message").asString())
                .isEqualTo("The audit trail is intact: " + String.format("%,d", total) + " records checked.");
    }

    @Test
    void anEditedRecordIsFoundAndNamed() {
        auditTrail.record(event("The original sentence"));
        long sequence = jdbc.queryForObject("SELECT sequence_number FROM audit_record WHERE principal = ?",
                Long.class, principal);
        try {
            jdbc.update("UPDATE audit_record SET details = ? WHERE sequence_number = ?", "Nothing to see", sequence);

            JsonNode result = verify();

            assertThat(result.get("intact").asBoolean()).isFalse();
            assertThat(result.get("firstBrokenSequence").asLong()).isEqualTo(sequence);
            assertThat(result.get("message").asString()).isEqualTo("The audit trail has been altered: record "
                    + String.format("%,d", sequence) + " does not match its hash.");
        } finally {
            jdbc.update("UPDATE audit_record SET details = ? WHERE sequence_number = ?", "The original sentence",
                    sequence);
        }
        assertThat(verify().get("intact").asBoolean()).as("restored").isTrue();
    }

    @Test
    void sixteenThreadsAppendOneGapFreeIntactChain() throws Exception {
        int threads = 16;
        int each = 25;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> appends = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                String details = "thread " + t;
                appends.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        auditTrail.record(event(details + ", append " + i));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> append : appends) {
                append.get();
            }
        }

        Map<String, Object> chain = jdbc.queryForMap(
                "SELECT COUNT(*) AS n, MIN(sequence_number) AS first, MAX(sequence_number) AS last FROM audit_record");
        long last = ((Number) chain.get("last")).longValue();
        assertThat(recordsOf(principal)).isEqualTo(threads * each);
        assertThat(((Number) chain.get("first")).longValue()).isEqualTo(1);
        assertThat(((Number) chain.get("n")).longValue()).as("no gaps").isEqualTo(last);
        assertThat(jdbc.queryForObject("SELECT last_sequence FROM audit_head", Long.class)).isEqualTo(last);
        assertThat(verify().get("intact").asBoolean()).isTrue();
    }
}
