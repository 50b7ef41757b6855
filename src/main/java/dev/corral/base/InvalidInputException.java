package dev.corral.base;

/** Input that breaks a rule, with the field it concerns: a message at the field in a form, 400 in the API. */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
