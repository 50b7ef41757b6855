package dev.corral.access.token;

import java.time.Instant;
import java.util.UUID;

/** A token as its owner sees it, without its value. */
public record TokenView(UUID id, String name, Instant createdAt, Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {
}
