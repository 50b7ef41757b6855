package dev.corral.access;

/** Where a request came from, as the audit trail records it. */
public enum Channel { CONSOLE, API, SYSTEM }
