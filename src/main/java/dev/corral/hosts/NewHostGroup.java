package dev.corral.hosts;

import java.util.UUID;

/** A request to create a host group; without a parent it is a top-level group. */
public record NewHostGroup(String name, UUID parentId) {
}
