package dev.corral.access.token;

import dev.corral.access.Caller;
import dev.corral.access.Channel;
import dev.corral.access.CurrentCaller;
import dev.corral.access.audit.AuditEvent;
import dev.corral.access.audit.AuditTrail;
import dev.corral.base.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: created and revoked by their owner, shown once, stored as a hash. A
 * token carries no rights of its own: each call runs with the owner's current groups.
 */
@Service
@Transactional
public class ApiTokens {

    static final String PREFIX = "crl_";
    static final int MAX_DAYS = 365;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiTokenRepository tokens;
    private final AuditTrail audit;
    private final Clock clock;

    ApiTokens(ApiTokenRepository tokens, AuditTrail audit, Clock clock) {
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new token and, this once, its value. */
    public record CreatedToken(TokenView token, String value) {
    }

    public CreatedToken create(String name, Integer expiresInDays) {
        Caller caller = CurrentCaller.get();
        if (TokenAuthentication.isCurrent()) {
            throw new InvalidInputException("token", "Create tokens with your password, not with another token.");
        }
        String checkedName = name == null ? "" : name.strip();
        if (checkedName.isEmpty() || checkedName.length() > 100 || checkedName.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("name", "Name the token (1 to 100 printable characters), e.g. after the script using it.");
        }
        int days = expiresInDays == null ? 30 : expiresInDays;
        if (days < 1 || days > MAX_DAYS) {
            throw new InvalidInputException("expiresInDays", "A token lasts 1 to " + MAX_DAYS + " days.");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String value = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        ApiToken token = tokens.save(new ApiToken(UUID.randomUUID(), caller.user(), checkedName, hash(value), now,
                now.plus(Duration.ofDays(days))));
        record(caller, "token.create", token, "Token " + checkedName + " created, valid for " + days + " days.");
        return new CreatedToken(token.view(), value);
    }

    @Transactional(readOnly = true)
    public List<TokenView> mine() {
        return tokens.findByOwnerIgnoreCaseOrderByCreatedAtDesc(CurrentCaller.get().user()).stream().map(ApiToken::view).toList();
    }

    public void revoke(UUID id) {
        Caller caller = CurrentCaller.get();
        ApiToken token = tokens.findById(id).filter(t -> t.owner().equalsIgnoreCase(caller.user()))
                .orElseThrow(() -> new dev.corral.base.NotFoundException("You have no such token."));
        token.revoke(clock.instant());
        record(caller, "token.revoke", token, "Token revoked.");
    }

    /** The owner of a usable token, noting its use; empty for unknown, expired or revoked tokens. */
    Optional<String> ownerOf(String value) {
        if (value == null || !value.startsWith(PREFIX) || value.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return tokens.findByTokenHash(hash(value)).filter(t -> t.usableAt(now)).map(t -> {
            t.used(now);
            return t.owner();
        });
    }

    static String hash(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void record(Caller caller, String action, ApiToken token, String details) {
        audit.record(new AuditEvent(caller.user(), CurrentCaller.sourceAddress(), Channel.API, action, "token",
                token.id().toString(), token.view().name(), AuditEvent.Outcome.SUCCESS, details));
    }
}
