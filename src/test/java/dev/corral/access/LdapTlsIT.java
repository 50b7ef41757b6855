package dev.corral.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corral.support.ApiClient;
import dev.corral.support.ApiClient.Response;
import dev.corral.support.OpenLdapServer;
import dev.corral.support.TestCertificates;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The {@code ldap} profile over TLS against a real OpenLDAP whose certificate an organisation's
 * own CA (made by the test) signed: {@code ldaps://} with the CA in a PKCS12 trust store,
 * StartTLS with it as PEM, and a server whose certificate another CA signed, refused.
 */
class LdapTlsIT {

    private static final String SUFFIX = "dc=corral,dc=local";

    /** One slapd per test class, with a certificate from a private CA; the trust store given is the class's choice. */
    abstract static class OverTls {

        static OpenLdapServer server;
        static TestCertificates organisation;

        @LocalServerPort
        int port;

        static void directory(DynamicPropertyRegistry registry, boolean ldaps) throws Exception {
            organisation = TestCertificates.authority("corp-ca");
            server = OpenLdapServer.start(SUFFIX, Path.of("config/directory/corral-demo.ldif"),
                    organisation.issueServerCertificate());
            registry.add("spring.ldap.urls", ldaps ? server::tlsUrl : server::url);
            registry.add("spring.ldap.base", () -> SUFFIX);
            registry.add("spring.ldap.username", () -> OpenLdapServer.ROOT_DN_SUFFIX + SUFFIX);
            registry.add("spring.ldap.password", () -> OpenLdapServer.ROOT_PASSWORD);
        }

        @AfterAll
        static void stop() {
            if (server != null) {
                server.close();
            }
        }

        Response me(String user, String password) {
            return new ApiClient(port).get("/api/v1/me", user, password);
        }
    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    @ActiveProfiles({"test", "ldap"})
    class Ldaps extends OverTls {

        @DynamicPropertySource
        static void directory(DynamicPropertyRegistry registry) throws Exception {
            OverTls.directory(registry, true);
            registry.add("corral.directory.trust-store", () -> organisation.pkcs12().toString());
            registry.add("corral.directory.trust-store-password", () -> TestCertificates.TRUST_STORE_PASSWORD);
        }

        @Test
        void signsInOverLdapsTrustingTheOrganisationsCa() {
            Response me = me("branch-ops", "demo");

            assertThat(me.status()).as(me.body()).isEqualTo(200);
            assertThat(me.json().get("displayName").asString()).isEqualTo("Bea Branch");
            assertThat(me("branch-ops", "wrong").status()).isEqualTo(401);
            System.out.println("MEASURE ldaps sign-in median ms="
                    + ExternalLdapSignInIT.medianSignInMillis(new ApiClient(port), "branch-ops"));
        }
    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    @ActiveProfiles({"test", "ldap"})
    class StartTls extends OverTls {

        @DynamicPropertySource
        static void directory(DynamicPropertyRegistry registry) throws Exception {
            OverTls.directory(registry, false);
            registry.add("corral.directory.start-tls", () -> "true");
            registry.add("corral.directory.trust-store", () -> organisation.pem().toString());
        }

        @Test
        void signsInOverStartTlsTrustingTheOrganisationsCaAsPem() {
            Response me = me("branch-ops", "demo");

            assertThat(me.status()).as(me.body()).isEqualTo(200);
            assertThat(me.json().get("groups").valueStream().map(g -> g.asString()).toList())
                    .containsExactly("branch-operators", "operators");
            assertThat(me("branch-ops", "wrong").status()).isEqualTo(401);
            System.out.println("MEASURE starttls sign-in median ms="
                    + ExternalLdapSignInIT.medianSignInMillis(new ApiClient(port), "branch-ops"));
        }
    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    @ActiveProfiles({"test", "ldap"})
    @ExtendWith(OutputCaptureExtension.class)
    class UntrustedCertificate extends OverTls {

        @DynamicPropertySource
        static void directory(DynamicPropertyRegistry registry) throws Exception {
            OverTls.directory(registry, true);
            TestCertificates stranger = TestCertificates.authority("stranger-ca");
            registry.add("corral.directory.trust-store", () -> stranger.pem().toString());
        }

        @Test
        void aCertificateAnotherCaSignedIsRefusedAsDirectoryUnavailable(CapturedOutput output) {
            Response me = me("branch-ops", "demo");

            assertThat(me.status()).as(me.body()).isEqualTo(503);
            assertThat(me.json().get("type").asString()).endsWith("directory-unavailable");
            assertThat(me.body()).doesNotContain("Exception");
            assertThat(output.getAll())
                    .contains("Sign-in failed for user name 'branch-ops': the directory could not be reached "
                            + "(SSLHandshakeException: (certificate_unknown) PKIX path building failed")
                    .doesNotContain("\tat ");
        }
    }
}
