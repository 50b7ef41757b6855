package dev.corral.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import dev.corral.access.Channel;
import dev.corral.access.audit.AuditEvent;
import dev.corral.access.audit.AuditEvent.Outcome;
import dev.corral.access.audit.AuditTrail;
import dev.corral.support.CorralIntegrationTest;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An auditor reads the audit trail in the console, narrows it to one user and checks the chain. */
@CorralIntegrationTest
class AuditViewIT extends BrowserTest {

    @Autowired
    AuditTrail auditTrail;

    @Test
    void anAuditorFiltersTheTrailAndVerifiesTheChain() {
        String carol = "carol-" + UUID.randomUUID().toString().substring(0, 6);
        auditTrail.record(new AuditEvent(carol, "192.0.2.31", Channel.CONSOLE, "vm.start", "vm",
                UUID.randomUUID().toString(), "web-01", Outcome.SUCCESS, "Started web-01"));
        auditTrail.record(new AuditEvent(carol, "192.0.2.31", Channel.API, "vm.delete", "vm",
                UUID.randomUUID().toString(), "db-02", Outcome.REFUSED, "Your role VM Operator does not include vm.delete"));
        auditTrail.record(new AuditEvent("system", null, Channel.SYSTEM, "host.sync", "host",
                UUID.randomUUID().toString(), "hv-03", Outcome.FAILED, "The host did not answer within 30 s"));

        openLogin().signInAs("auditor", "demo").navigateTo("Audit");
        AuditPage audit = AuditPage.at(page);

        assertThat(page).hasURL(Pattern.compile(".*/audit$"));
        assertThat(audit.cell("hv-03").first()).isVisible();
        assertThat(audit.countLine()).hasText(Pattern.compile("^1–\\d+ of [\\d,]+$"));

        audit.filterByPrincipal(carol.toUpperCase());

        assertThat(audit.countLine()).hasText("1–2 of 2");
        assertThat(audit.cell("db-02").first()).isVisible();
        assertThat(audit.cell("Refused").first()).isVisible();
        assertThat(audit.cell("hv-03")).hasCount(0);

        audit.verifyChain();

        assertThat(audit.verification()).containsText("The audit trail is intact");
        screenshot("audit");
    }

    @Test
    void aUserWithoutAuditViewIsToldSoInASentence() {
        openLogin().signInAs("dev", "demo").navigateTo("Audit");
        AuditPage audit = AuditPage.at(page);

        assertThat(audit.refusal()).containsText("You cannot read the audit trail.");
        assertThat(page.locator("vaadin-grid")).hasCount(0);
        screenshot("audit-refused");
    }
}
