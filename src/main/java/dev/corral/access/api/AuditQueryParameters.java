package dev.corral.access.api;

import dev.corral.access.audit.AuditEvent.Outcome;
import dev.corral.access.audit.AuditFilter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;

/**
 * The query parameters of {@code GET /api/v1/audit}, read as text so that every bad one is
 * reported by name, all at once.
 */
record AuditQueryParameters(AuditFilter filter, PageRequest pageRequest) {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 500;

    record FieldError(String field, String message) {
    }

    static class Invalid extends RuntimeException {
        private final List<FieldError> errors;

        Invalid(List<FieldError> errors) {
            super(errors.stream().map(FieldError::message).collect(Collectors.joining(" ")));
            this.errors = List.copyOf(errors);
        }

        List<FieldError> errors() {
            return errors;
        }
    }

    static AuditQueryParameters parse(String from, String to, String principal, String object, String outcome,
            String page, String size) {
        List<FieldError> errors = new ArrayList<>();
        Instant start = instant("from", from, errors);
        Instant end = instant("to", to, errors);
        if (start != null && end != null && !end.isAfter(start)) {
            errors.add(new FieldError("to", "'to' must be later than 'from'."));
        }
        Outcome wanted = outcome("outcome", outcome, errors);
        int pageNumber = number("page", page, 0, 0, errors);
        // A larger page is not an error: it is served at the largest size.
        int pageSize = Math.min(number("size", size, DEFAULT_SIZE, 1, errors), MAX_SIZE);
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        return new AuditQueryParameters(new AuditFilter(start, end, principal, object, wanted),
                PageRequest.of(pageNumber, pageSize));
    }

    private static Instant instant(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "'" + field + "' must be an ISO-8601 time in UTC, e.g. 2026-06-01T08:00:00Z."));
            return null;
        }
    }

    private static Outcome outcome(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Outcome.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "'" + field + "' must be one of "
                    + Arrays.stream(Outcome.values()).map(o -> o.name().toLowerCase(Locale.ROOT))
                            .collect(Collectors.joining(", ")) + "."));
            return null;
        }
    }

    private static int number(String field, String value, int fallback, int min, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below, like a number out of range
        }
        errors.add(new FieldError(field, "'" + field + "' must be a whole number of at least " + min + "."));
        return fallback;
    }
}
