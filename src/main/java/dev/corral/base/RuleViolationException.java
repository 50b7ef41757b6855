package dev.corral.base;

/** A rule of the domain refuses the request (quota, licensing, capacity): 422 in the API. */
public class RuleViolationException extends RuntimeException {

    private final String field;

    public RuleViolationException(String message) {
        this(null, message);
    }

    /** A refusal about one field of the request (e.g. {@code disks[0].source}: the image is in use). */
    public RuleViolationException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field the refusal concerns, or null when it concerns the whole request. */
    public String field() {
        return field;
    }
}
