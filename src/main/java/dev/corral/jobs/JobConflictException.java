package dev.corral.jobs;

/** The VM is busy with another job: 409 in the API. */
public class JobConflictException extends RuntimeException {

    public JobConflictException(String message) {
        super(message);
    }
}
