package dev.corral.base.api;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;

/**
 * Every API error is problem+json. Spring MVC's own exceptions (malformed JSON, unknown path,
 * wrong method, validation) come through the base class; a body or query parameter Corral cannot
 * read is a 400 {@code invalid-input} naming the field and what it expected (in {@code errors},
 * as the services' own refusals do); anything unexpected becomes a 500 with a sentence and no
 * stack trace, and is logged here instead.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected error in an API call", e);
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "Corral could not complete the request because of an internal error; it has been logged.");
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getMostSpecificCause();
        String field = cause instanceof JacksonException json ? path(json) : null;
        String message = switch (cause) {
            case PropertyBindingException unknown -> "There is no field " + field + " here"
                    + known(unknown.getKnownPropertyIds()) + ".";
            case InvalidFormatException format -> "Give " + field + " as " + expected(format.getTargetType())
                    + ", not " + quoted(format.getValue()) + ".";
            case MismatchedInputException mismatched when field != null ->
                    "Give " + field + " as " + expected(mismatched.getTargetType()) + ".";
            case StreamReadException malformed -> "The body is not well-formed JSON"
                    + (malformed.getLocation() == null ? "" : " (line " + malformed.getLocation().getLineNr()
                            + ", column " + malformed.getLocation().getColumnNr() + ")") + ".";
            default -> cause instanceof JacksonException && field != null ? "Corral cannot read " + field + "."
                    : e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")
                            ? "The request needs a JSON body." : "Corral cannot read the request's body as JSON.";
        };
        return invalid(field == null ? "body" : field, message);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException argument ? argument.getName() : e.getPropertyName();
        return invalid(name, "Give " + name + " as " + expected(e.getRequiredType()) + ", not " + quoted(e.getValue()) + ".");
    }

    static ResponseEntity<Object> invalid(String field, String message) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", message);
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return ResponseEntity.badRequest().contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** The field as a script names it: {@code adapters[1].vlan}. */
    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference step : e.getPath()) {
            if (step.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(step.getPropertyName());
            } else if (step.getIndex() >= 0) {
                path.append('[').append(step.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : shortened(path.toString());
    }

    private static String known(Collection<Object> names) {
        if (names == null || names.isEmpty()) {
            return "";
        }
        return "; the fields are " + names.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }

    /** What a type means to someone writing JSON. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "another kind of value";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text";
        }
        if (type == java.util.UUID.class) {
            return "an id (a UUID)";
        }
        if (type == java.time.LocalDate.class) {
            return "a date (2026-12-31)";
        }
        if (type == java.time.Instant.class || type == java.time.OffsetDateTime.class) {
            return "a time (2026-12-31T23:59:00Z)";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "an object";
    }

    private static String quoted(Object value) {
        return "\"" + shortened(String.valueOf(value)) + "\"";
    }

    /** What the caller sent, as far as an answer repeats it: at most 40 characters. */
    static String shortened(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
