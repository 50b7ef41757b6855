package dev.corral.base;

/** No such object, or none the caller may see: 404 in the API. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
