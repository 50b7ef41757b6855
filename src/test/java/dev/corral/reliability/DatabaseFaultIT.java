package dev.corral.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corral.support.ApiClient;
import dev.corral.support.CorralProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database at start-up: a second Corral on the file the first one holds stops with a clear
 * sentence (no stack trace to decipher), and the first one, and its data, are unharmed.
 */
class DatabaseFaultIT {

    @TempDir
    Path data;

    @Test
    void aLockedDatabaseFileStopsASecondCorralWithAClearMessageAndHarmsNothing() throws Exception {
        try (CorralProcess first = new CorralProcess(data); CorralProcess second = new CorralProcess(data)) {
            first.start(Duration.ofSeconds(120));
            ApiClient api = new ApiClient(first.port());
            long vms = api.get("/api/v1/vms?size=1", "admin", "demo").json().get("totalElements").asLong();

            assertThat(second.startExpectingFailure(Duration.ofSeconds(120))).as("the second Corral stops").isNotZero();

            String log = Files.readString(second.log());
            assertThat(log).contains("The inventory database is in use by another process")
                    .contains("Another Corral (or an H2 console) has the database file open");
            assertThat(api.get("/api/v1/vms?size=1", "admin", "demo").json().get("totalElements").asLong()).isEqualTo(vms);
            assertThat(api.get("/api/v1/audit/verify", "auditor", "demo").json().get("intact").asBoolean()).isTrue();
        }
    }
}
