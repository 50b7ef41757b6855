package dev.corral.access.api;

import dev.corral.access.NotPermittedException;
import dev.corral.base.api.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A refusal of the access policy, from any controller, as 403 problem+json whose detail is the
 * policy's sentence. It lives here rather than in {@code base.api} because the shared base
 * package may not depend on a feature (ArchitectureTest); it runs before that package's
 * catch-all handler, which would otherwise answer 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class NotPermittedHandler {

    @ExceptionHandler(NotPermittedException.class)
    ProblemDetail notPermitted(NotPermittedException refused) {
        ProblemDetail problem = Problems.of(HttpStatus.FORBIDDEN, "not-permitted", "Not permitted",
                refused.getMessage());
        if (refused.permission() != null) {
            problem.setProperty("permission", refused.permission().code());
        }
        return problem;
    }
}
