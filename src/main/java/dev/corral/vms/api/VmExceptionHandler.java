package dev.corral.vms.api;

import dev.corral.base.api.Problems;
import dev.corral.engine.EngineException;
import dev.corral.vms.StaleVersionException;
import dev.corral.vms.VmNotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Hypervisor refusals, unknown VMs and stale versions as problem+json, each with the status API.md gives it. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class VmExceptionHandler {

    @ExceptionHandler(VmNotFoundException.class)
    ProblemDetail notFound(VmNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
    }

    @ExceptionHandler(StaleVersionException.class)
    ProblemDetail stale(StaleVersionException e) {
        return Problems.of(HttpStatus.CONFLICT, "stale-version", "Changed since you read it", e.getMessage());
    }

    @ExceptionHandler(EngineException.class)
    ProblemDetail engine(EngineException e) {
        return switch (e) {
            case EngineException.HostUnreachable u -> Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "host-unreachable", "Host unreachable", e.getMessage());
            case EngineException.NotFound n -> Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
            case EngineException.InvalidState s -> Problems.of(HttpStatus.CONFLICT, "invalid-state", "Invalid state", e.getMessage());
            case EngineException.Capacity c -> Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "capacity", "Not enough capacity", e.getMessage());
            case EngineException.Unsupported u -> Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "unsupported", "Not supported by this host", e.getMessage());
            case EngineException.InvalidSpec i -> Problems.of(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", e.getMessage());
            case EngineException.Failed f -> Problems.of(HttpStatus.BAD_GATEWAY, "host-failed", "The host failed", e.getMessage());
        };
    }
}
