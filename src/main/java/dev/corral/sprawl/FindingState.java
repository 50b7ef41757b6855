package dev.corral.sprawl;

/** Where a finding stands: open until resolved (by an action, or because the scan no longer finds it) or ignored. */
public enum FindingState {
    OPEN, IGNORED, RESOLVED
}
