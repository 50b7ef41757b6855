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
 * The database at start-up: a second Corral on the file the first one holds, or a Corral whose disk
 * takes no more, stops with a clear sentence (no stack trace to decipher), and the database, and
 * the Corral using it, are unharmed.
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

    @Test
    void aDiskThatTakesNoMoreStopsCorralWithAClearMessageAndTheDatabaseSurvives() throws Exception {
        long vms;
        try (CorralProcess corral = new CorralProcess(data)) {
            corral.start(Duration.ofSeconds(120));
            vms = new ApiClient(corral.port()).get("/api/v1/vms?size=1", "admin", "demo").json().get("totalElements").asLong();
        }
        Path file = data.resolve("db/corral.mv.db");
        long size = Files.size(file);

        // The database file may not grow past half its size: its next writes fail as on a full disk.
        try (CorralProcess full = new CorralProcess(data).withFileSizeLimit(size / 2)) {
            assertThat(full.startExpectingFailure(Duration.ofSeconds(120))).as("Corral stops").isNotZero();
            String log = Files.readString(full.log());
            assertThat(log).contains("The inventory database could not be written: the disk is full or not writable")
                    .contains("Free space on the disk that holds the database");
        }

        try (CorralProcess again = new CorralProcess(data)) {
            again.start(Duration.ofSeconds(120));
            ApiClient api = new ApiClient(again.port());
            assertThat(api.get("/api/v1/vms?size=1", "admin", "demo").json().get("totalElements").asLong()).isEqualTo(vms);
            assertThat(api.get("/api/v1/audit/verify", "auditor", "demo").json().get("intact").asBoolean()).isTrue();
        }
    }
}
