package dev.corral.jobs;

/** Where a job is: waiting, under way, or ended one of three ways. */
public enum JobState {
    QUEUED, RUNNING, SUCCEEDED, FAILED, INTERRUPTED;

    public boolean isActive() {
        return this == QUEUED || this == RUNNING;
    }
}
