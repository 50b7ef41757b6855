package dev.corral.base.api;

import dev.corral.base.InvalidInputException;
import dev.corral.base.RuleViolationException;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The services' own refusals as problem+json: bad input 400 with the field, broken rules 422. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DomainExceptionHandler {

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", e.getMessage());
        problem.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
        return problem;
    }

    @ExceptionHandler(dev.corral.base.NotFoundException.class)
    ProblemDetail notFound(dev.corral.base.NotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
    }

    @ExceptionHandler(dev.corral.base.ServiceUnavailableException.class)
    ProblemDetail unavailable(dev.corral.base.ServiceUnavailableException e) {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Unavailable", e.getMessage());
    }

    /** Two requests changed the same thing at once; the loser is told, nothing is half-applied. */
    @ExceptionHandler(org.springframework.dao.DataIntegrityViolationException.class)
    ProblemDetail conflict(org.springframework.dao.DataIntegrityViolationException e) {
        return Problems.of(HttpStatus.CONFLICT, "conflict", "Conflict",
                "This conflicts with another change made at the same moment; reload and try again.");
    }

    @ExceptionHandler(RuleViolationException.class)
    ProblemDetail rule(RuleViolationException e) {
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "rule-violated", "Rule violated", e.getMessage());
        if (e.field() != null) {
            problem.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
        }
        return problem;
    }
}
