package dev.corral.jobs.api;

import dev.corral.base.api.Problems;
import dev.corral.jobs.JobConflictException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A VM busy with another job: 409. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class JobExceptionHandler {

    @ExceptionHandler(JobConflictException.class)
    ProblemDetail busy(JobConflictException e) {
        return Problems.of(HttpStatus.CONFLICT, "vm-busy", "VM busy", e.getMessage());
    }
}
