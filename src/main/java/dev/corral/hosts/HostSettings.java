package dev.corral.hosts;

/**
 * What an administrator says about a host beyond where it is: its Windows Server edition (free
 * text, as on the licence), how many licences were bought for it, and its failover cluster.
 */
public record HostSettings(String edition, Integer licenceCount, String cluster) {
}
