package dev.corral.access.api;

import dev.corral.access.audit.AuditEntry;
import dev.corral.access.audit.AuditQueries;
import dev.corral.access.audit.ChainVerification;
import dev.corral.base.api.Problems;
import dev.corral.base.api.PageBody;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/audit}: the audit trail, newest first, filtered and paged in the database;
 * {@code GET /api/v1/audit/verify}: the hash chain checked end to end.
 */
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

    private final AuditQueries queries;

    AuditController(AuditQueries queries) {
        this.queries = queries;
    }

    @GetMapping
    PageBody<AuditEntry> list(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String principal, @RequestParam(required = false) String object,
            @RequestParam(required = false) String outcome, @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        AuditQueryParameters query = AuditQueryParameters.parse(from, to, principal, object, outcome, page, size);
        Page<AuditEntry> result = queries.page(query.filter(), query.pageRequest());
        return PageBody.of(result);
    }

    @GetMapping("/verify")
    ChainVerification verify() {
        return queries.verify();
    }

    @ExceptionHandler(AuditQueryParameters.Invalid.class)
    ProblemDetail invalid(AuditQueryParameters.Invalid invalid) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-parameters", "Invalid parameters",
                invalid.getMessage());
        problem.setProperty("errors", invalid.errors());
        return problem;
    }
}
