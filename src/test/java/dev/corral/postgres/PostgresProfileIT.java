package dev.corral.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corral.support.ApiClient;
import dev.corral.support.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The {@code postgres} profile against a real PostgreSQL server: the same Flyway migrations, and
 * the inventory, jobs and audit trail working on it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "postgres"})
class PostgresProfileIT {

    private static PostgresServer server;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws Exception {
        server = PostgresServer.start();
        registry.add("spring.datasource.url", server::jdbcUrl);
        registry.add("spring.datasource.username", () -> PostgresServer.USER);
        registry.add("spring.datasource.password", () -> PostgresServer.PASSWORD);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theInventoryJobsAndAuditTrailWorkOnPostgres() throws Exception {
        ApiClient api = new ApiClient(port);
        JsonNode vms = api.get("/api/v1/vms?size=500&tag=env=prod&sort=name", "admin", "demo").json();
        assertThat(vms.get("totalElements").asLong()).isGreaterThanOrEqualTo(9);

        ApiClient.Response created = api.post("/api/v1/vms", "admin", "demo", "{\"hostId\":\""
                + dev.corral.support.DemoFleet.host("br-hv02") + "\",\"name\":\"on-postgres\",\"vcpus\":1,\"memoryMiB\":256,"
                + "\"networkAdapters\":[{\"switchName\":\"Branch-LAN\",\"vlanMode\":\"TRUNK\",\"allowedVlans\":\"7-9\"}],"
                + "\"tags\":{\"db\":\"postgres\"}}");
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        String job = created.json().get("id").asString();
        JsonNode done = api.get("/api/v1/jobs/" + job, "admin", "demo").json();
        for (int i = 0; i < 200 && !done.get("state").asString().equals("SUCCEEDED"); i++) {
            Thread.sleep(50);
            done = api.get("/api/v1/jobs/" + job, "admin", "demo").json();
        }
        assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(api.get("/api/v1/vms?tag=db=postgres", "admin", "demo").json().get("totalElements").asLong()).isEqualTo(1);
        assertThat(api.get("/api/v1/audit/verify", "auditor", "demo").json().get("intact").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/licensing/compliance", "admin", "demo").status()).isEqualTo(200);
    }
}
