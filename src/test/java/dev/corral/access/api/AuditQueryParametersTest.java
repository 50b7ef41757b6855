package dev.corral.access.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.corral.access.audit.AuditEvent.Outcome;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditQueryParametersTest {

    @Test
    void noParametersMeanTheFirstPageOfFiftyUnfiltered() {
        AuditQueryParameters query = AuditQueryParameters.parse(null, null, null, null, null, null, null);

        assertThat(query.filter().isEmpty()).isTrue();
        assertThat(query.pageRequest().getPageNumber()).isZero();
        assertThat(query.pageRequest().getPageSize()).isEqualTo(50);
    }

    @Test
    void everyParameterIsRead() {
        AuditQueryParameters query = AuditQueryParameters.parse("2026-06-01T00:00:00Z", "2026-06-02T00:00:00Z",
                "Dev", "web-01", "Refused", "3", "20");

        assertThat(query.filter().from()).isEqualTo(Instant.parse("2026-06-01T00:00:00Z"));
        assertThat(query.filter().to()).isEqualTo(Instant.parse("2026-06-02T00:00:00Z"));
        assertThat(query.filter().principal()).isEqualTo("Dev");
        assertThat(query.filter().object()).isEqualTo("web-01");
        assertThat(query.filter().outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(query.pageRequest().getPageNumber()).isEqualTo(3);
        assertThat(query.pageRequest().getPageSize()).isEqualTo(20);
    }

    @Test
    void aPageLargerThanTheLimitIsServedAtTheLimit() {
        assertThat(AuditQueryParameters.parse(null, null, null, null, null, null, "100000").pageRequest().getPageSize())
                .isEqualTo(500);
    }

    @Test
    void everyBadParameterIsReportedByName() {
        AuditQueryParameters.Invalid invalid = catchThrowableOfType(AuditQueryParameters.Invalid.class,
                () -> AuditQueryParameters.parse("yesterday", null, null, null, "maybe", "-1", "0"));

        assertThat(invalid.errors()).extracting(AuditQueryParameters.FieldError::field)
                .containsExactly("from", "outcome", "page", "size");
    }

    @Test
    void theEndMustFollowTheStart() {
        AuditQueryParameters.Invalid invalid = catchThrowableOfType(AuditQueryParameters.Invalid.class,
                () -> AuditQueryParameters.parse("2026-06-02T00:00:00Z", "2026-06-01T00:00:00Z", null, null, null,
                        null, null));

        assertThat(invalid.errors()).extracting(AuditQueryParameters.FieldError::field).containsExactly("to");
    }
}
