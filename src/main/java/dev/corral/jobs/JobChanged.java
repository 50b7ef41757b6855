package dev.corral.jobs;

/** A job was queued, started, progressed or ended: open views refresh from this. */
public record JobChanged(JobView job) {
}
