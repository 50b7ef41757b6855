package dev.corral.base;

/** Something Corral depends on (the directory, a host) does not answer: 503 in the API. */
public class ServiceUnavailableException extends RuntimeException {

    public ServiceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
