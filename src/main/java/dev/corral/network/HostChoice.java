package dev.corral.network;

import java.util.UUID;

/** A host to pick in the Networks view: its name and its host group's path. */
public record HostChoice(UUID id, String name, String hostGroup) {
}
