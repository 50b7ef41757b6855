package dev.corral.access.token;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A personal API token; the value itself is never stored, only its SHA-256. */
@Entity
@Table(name = "api_token")
class ApiToken {

    @Id
    private UUID id;

    @Column(nullable = false, length = 256)
    private String owner;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiToken() {
    }

    ApiToken(UUID id, String owner, String name, String tokenHash, Instant createdAt, Instant expiresAt) {
        this.id = id;
        this.owner = owner;
        this.name = name;
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    boolean usableAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    void used(Instant now) {
        lastUsedAt = now;
    }

    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    String owner() {
        return owner;
    }

    UUID id() {
        return id;
    }

    TokenView view() {
        return new TokenView(id, name, createdAt, expiresAt, lastUsedAt, revokedAt);
    }
}
