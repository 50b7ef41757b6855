package dev.corral.access.api;

import dev.corral.access.token.ApiTokens;
import dev.corral.access.token.TokenView;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/tokens}: the caller's personal API tokens. */
@RestController
@RequestMapping("/api/v1/tokens")
class TokenController {

    private final ApiTokens tokens;

    TokenController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    record TokenRequest(String name, Integer expiresInDays) {
    }

    @GetMapping
    List<TokenView> mine() {
        return tokens.mine();
    }

    @PostMapping
    ResponseEntity<ApiTokens.CreatedToken> create(@RequestBody TokenRequest request) {
        ApiTokens.CreatedToken created = tokens.create(request.name(), request.expiresInDays());
        return ResponseEntity.created(URI.create("/api/v1/tokens/" + created.token().id())).body(created);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@PathVariable UUID id) {
        tokens.revoke(id);
        return ResponseEntity.noContent().build();
    }
}
