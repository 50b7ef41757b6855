package dev.corral.vms.api;

import dev.corral.base.InvalidInputException;
import dev.corral.base.api.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The version a change is made against, from an {@code If-Match: "<version>"} header. */
final class IfMatch {

    private static final String HOW = "Send the version you read as If-Match: \"<version>\", the ETag of GET /api/v1/vms/{id}.";

    private IfMatch() {
    }

    static long version(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            throw new ErrorResponseException(HttpStatus.PRECONDITION_REQUIRED, Problems.of(HttpStatus.PRECONDITION_REQUIRED,
                    "precondition-required", "Version required", "A change needs the version it was made against. " + HOW),
                    null);
        }
        String tag = header.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("If-Match", "\"" + header.strip() + "\" is not a version. " + HOW);
        }
    }
}
