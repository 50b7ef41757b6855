package dev.corral.base;

/**
 * The request clashes with the state of things (the object already exists, or is not in a state
 * the operation needs): 409 in the API, and the message says what to do instead.
 */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
