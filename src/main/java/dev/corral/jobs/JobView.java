package dev.corral.jobs;

import java.time.Instant;
import java.util.UUID;

/** A job as the console and the API show it. */
public record JobView(UUID id, String kind, UUID vmId, String vmName, UUID hostId, String requestedBy, JobState state,
        int progress, String message, Instant createdAt, Instant startedAt, Instant finishedAt) {
}
