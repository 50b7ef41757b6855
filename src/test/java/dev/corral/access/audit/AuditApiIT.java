package dev.corral.access.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corral.access.Channel;
import dev.corral.access.audit.AuditEvent.Outcome;
import dev.corral.support.ApiClient;
import dev.corral.support.ApiClient.Response;
import dev.corral.support.CorralIntegrationTest;
import dev.corral.support.MutableClock;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/audit}, as a script would call it. The trail is shared with every other
 * test of the context, so each test records events under a principal of its own and filters by it.
 */
@CorralIntegrationTest
class AuditApiIT {

    @LocalServerPort
    int port;

    @Autowired
    AuditTrail auditTrail;

    @Autowired
    MutableClock clock;

    ApiClient api;
    String principal;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        principal = "It-User-" + UUID.randomUUID().toString().substring(0, 8);
    }

    AuditEvent event(String objectId, String objectName, Outcome outcome, String details) {
        return new AuditEvent(principal, "192.0.2.10", Channel.API, "vm.start", "vm", objectId, objectName, outcome,
                details);
    }

    Response asAuditor(String query) {
        return api.get("/api/v1/audit?" + query, "auditor", "demo");
    }

    static List<JsonNode> items(Response response) {
        return response.json().get("items").valueStream().toList();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void recordedEventsReadBackNewestFirstByPrincipalWhateverItsCase() {
        auditTrail.record(event("id-1", "web-01", Outcome.SUCCESS, "Started"));
        auditTrail.record(event("id-2", "web-02", Outcome.REFUSED, "Your role does not include vm.power"));

        Response response = asAuditor("principal=" + principal.toUpperCase());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("totalElements").asLong()).isEqualTo(2);
        List<JsonNode> items = items(response);
        JsonNode newest = items.get(0);
        assertThat(newest.get("sequence").asLong()).isGreaterThan(items.get(1).get("sequence").asLong());
        assertThat(newest.get("principal").asString()).isEqualTo(principal);
        assertThat(newest.get("sourceAddress").asString()).isEqualTo("192.0.2.10");
        assertThat(newest.get("channel").asString()).isEqualTo("API");
        assertThat(newest.get("action").asString()).isEqualTo("vm.start");
        assertThat(newest.get("objectType").asString()).isEqualTo("vm");
        assertThat(newest.get("objectId").asString()).isEqualTo("id-2");
        assertThat(newest.get("objectName").asString()).isEqualTo("web-02");
        assertThat(newest.get("outcome").asString()).isEqualTo("REFUSED");
        assertThat(newest.get("details").asString()).isEqualTo("Your role does not include vm.power");
        assertThat(Instant.parse(newest.get("time").asString())).isEqualTo(clock.instant());
        assertThat(newest.get("hash").asString()).matches("[0-9a-f]{64}");
        assertThat(newest.get("previousHash").asString()).isEqualTo(items.get(1).get("hash").asString())
                .as("nothing else was appended between the two");
    }

    @Test
    void pagesThroughTheMatches() {
        for (int i = 1; i <= 5; i++) {
            auditTrail.record(event("id-" + i, "vm-" + i, Outcome.SUCCESS, null));
        }

        Response first = asAuditor("principal=" + principal + "&size=2");
        Response last = asAuditor("principal=" + principal + "&size=2&page=2");

        assertThat(first.json().get("page").asInt()).isZero();
        assertThat(first.json().get("size").asInt()).isEqualTo(2);
        assertThat(first.json().get("totalElements").asLong()).isEqualTo(5);
        assertThat(items(first)).extracting(i -> i.get("objectId").asString()).containsExactly("id-5", "id-4");
        assertThat(last.json().get("page").asInt()).isEqualTo(2);
        assertThat(items(last)).extracting(i -> i.get("objectId").asString()).containsExactly("id-1");
    }

    @Test
    void filtersByObjectIdOrPartOfItsNameAndByOutcome() {
        String id = UUID.randomUUID().toString();
        auditTrail.record(event(id, "Web-Frontend-A", Outcome.SUCCESS, null));
        auditTrail.record(event("other-id", "db-backend", Outcome.FAILED, "The host did not answer"));
        auditTrail.record(event("third-id", "web-frontend-b", Outcome.REFUSED, null));
        String mine = "principal=" + principal;

        assertThat(items(asAuditor(mine + "&object=" + id))).extracting(i -> i.get("objectId").asString())
                .containsExactly(id);
        assertThat(items(asAuditor(mine + "&object=FRONTEND"))).extracting(i -> i.get("objectName").asString())
                .containsExactly("web-frontend-b", "Web-Frontend-A");
        assertThat(items(asAuditor(mine + "&outcome=failed"))).extracting(i -> i.get("objectId").asString())
                .containsExactly("other-id");
        assertThat(items(asAuditor(mine + "&object=front&outcome=REFUSED")))
                .extracting(i -> i.get("objectId").asString()).containsExactly("third-id");
        assertThat(asAuditor(mine + "&object=" + encode("%")).json().get("totalElements").asLong())
                .as("a wildcard is matched literally").isZero();
    }

    @Test
    void filtersByTimeFromInclusiveToExclusive() {
        Instant first = clock.instant();
        auditTrail.record(event("early", null, Outcome.SUCCESS, null));
        clock.advance(Duration.ofHours(1));
        Instant second = clock.instant();
        auditTrail.record(event("middle", null, Outcome.SUCCESS, null));
        clock.advance(Duration.ofHours(1));
        auditTrail.record(event("late", null, Outcome.SUCCESS, null));
        String mine = "principal=" + principal;

        assertThat(items(asAuditor(mine + "&from=" + second))).extracting(i -> i.get("objectId").asString())
                .containsExactly("late", "middle");
        assertThat(items(asAuditor(mine + "&to=" + second))).extracting(i -> i.get("objectId").asString())
                .containsExactly("early");
        assertThat(items(asAuditor(mine + "&from=" + first + "&to=" + second.plusSeconds(1))))
                .extracting(i -> i.get("objectId").asString()).containsExactly("middle", "early");
    }

    @Test
    void longDetailsAreShortenedNotRefused() {
        auditTrail.record(event("id", null, Outcome.FAILED, "y".repeat(2_500)));

        String details = items(asAuditor("principal=" + principal)).get(0).get("details").asString();

        assertThat(details).hasSize(2_000).endsWith("y…");
    }

    @Test
    void aPageLargerThanTheLimitIsServedAtTheLimit() {
        Response response = asAuditor("size=100000");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("size").asInt()).isEqualTo(500);
    }

    @Test
    void badParametersAnswer400NamingEachOne() {
        Response response = asAuditor("from=yesterday&outcome=maybe&page=-1");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
                .containsExactly("from", "outcome", "page");
        assertThat(response.json().get("detail").asString()).contains("ISO-8601", "success, refused, failed");
        assertThat(response.body()).doesNotContain("Exception", "at dev.");
    }

    @Test
    void aUserWithoutAuditViewIsRefusedWithProblemJson() {
        for (String path : List.of("/api/v1/audit", "/api/v1/audit/verify")) {
            Response response = api.get(path, "dev", "demo");

            assertThat(response.status()).as(path).isEqualTo(403);
            assertThat(response.contentType()).as(path).startsWith("application/problem+json");
            assertThat(response.json().get("detail").asString()).as(path).isNotBlank();
            assertThat(response.json().get("permission").asString()).as(path).isEqualTo("audit.view");
            assertThat(response.body()).as(path).doesNotContain("Exception", "at dev.");
        }
    }

    @Test
    void theRefusalItselfIsInTheTrail() {
        api.get("/api/v1/audit", "dev", "demo");

        List<JsonNode> refusals = items(asAuditor("principal=dev&outcome=refused&size=1"));

        assertThat(refusals).hasSize(1);
        assertThat(refusals.get(0).get("action").asString()).isEqualTo("audit.view");
        assertThat(refusals.get(0).get("channel").asString()).isEqualTo("API");
    }
}
