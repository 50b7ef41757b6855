package dev.corral.network.api;

import dev.corral.base.api.Problems;
import dev.corral.network.NetworkRuleViolation;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * What the network controllers share: a refused switch change as 422 problem+json whose type says
 * why ({@code switch-in-use}, {@code vlans-in-use}, {@code management-adapter}, {@code unsupported}),
 * with the field it concerns, the VMs concerned that the caller may see and a count of the others.
 * Declared on the controllers themselves, so it wins over the shared handler of plain rule violations.
 */
abstract class NetworkProblems {

    @ExceptionHandler(NetworkRuleViolation.class)
    ProblemDetail refused(NetworkRuleViolation refusal) {
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, refusal.reason().type(), "Rule violated",
                refusal.getMessage());
        if (refusal.field() != null) {
            problem.setProperty("errors", List.of(Map.of("field", refusal.field(), "message", refusal.getMessage())));
        }
        if (!refusal.vms().isEmpty() || refusal.otherVms() > 0) {
            problem.setProperty("vms", refusal.vms());
            problem.setProperty("otherAdapters", refusal.otherVms());
        }
        if (refusal.needsConfirmation()) {
            problem.setProperty("confirmWith", "confirmManagementAdapter");
        }
        return problem;
    }

    static int size(int size) {
        return Math.clamp(size, 1, 500);
    }
}
