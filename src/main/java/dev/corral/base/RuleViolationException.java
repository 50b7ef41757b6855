package dev.corral.base;

/** A rule of the domain refuses the request (quota, licensing, capacity): 422 in the API. */
public class RuleViolationException extends RuntimeException {

    public RuleViolationException(String message) {
        super(message);
    }
}
