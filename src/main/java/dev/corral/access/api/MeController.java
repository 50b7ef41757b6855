package dev.corral.access.api;

import dev.corral.base.SignedInUser;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/me}: who the caller is to Corral. */
@RestController
@RequestMapping("/api/v1/me")
class MeController {

    @GetMapping
    SignedInUser me(Authentication authentication) {
        return SignedInUser.from(authentication);
    }
}
