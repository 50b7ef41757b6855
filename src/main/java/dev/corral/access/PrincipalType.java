package dev.corral.access;

/** Assignments go to a directory user or a directory group. */
public enum PrincipalType { USER, GROUP }
