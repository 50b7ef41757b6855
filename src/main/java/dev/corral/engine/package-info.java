/**
 * The one seam to hypervisors. Everything that reaches a host goes through {@link
 * dev.corral.engine.HostConnection}, obtained from {@link dev.corral.engine.Engines} by the
 * host's URI ({@code sim://name}, {@code qemu+ssh://…}, {@code test:///node.xml}). Values crossing
 * it are records; failures are {@link dev.corral.engine.EngineException}s with messages fit to
 * show a user. Only {@code engine.libvirt} touches libvirt.
 */
package dev.corral.engine;
