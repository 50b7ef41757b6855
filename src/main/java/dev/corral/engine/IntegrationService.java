package dev.corral.engine;

/** Hyper-V's integration services, each switched on or off per VM. */
public enum IntegrationService {
    HEARTBEAT, TIME_SYNC, SHUTDOWN, BACKUP, KVP, OS_IDENTIFICATION
}
