package dev.corral.engine;

import jakarta.annotation.PreDestroy;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/**
 * Finds the engine for a host URI and keeps one long-lived connection per host, as libvirt
 * wants (its test driver even keeps a host's state per connection).
 */
@Service
public class Engines {

    private final List<HypervisorEngine> engines;
    private final Map<URI, HostConnection> connections = new ConcurrentHashMap<>();

    public Engines(List<HypervisorEngine> engines) {
        this.engines = List.copyOf(engines);
    }

    /** Parses and checks a host URI as an administrator typed it. */
    public static URI parseHostUri(String text) {
        if (text == null || text.isBlank()) {
            throw new EngineException.InvalidSpec("Give the host's URI, e.g. sim://hq-hv01 or qemu+ssh://root@host/system.");
        }
        try {
            URI uri = new URI(text.strip());
            if (uri.getScheme() == null) {
                throw new EngineException.InvalidSpec("\"" + text + "\" has no scheme; write e.g. qemu+ssh://host/system.");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new EngineException.InvalidSpec("\"" + text + "\" is not a valid URI: " + e.getReason() + ".");
        }
    }

    public HypervisorEngine engineFor(URI uri) {
        return engines.stream().filter(e -> e.handles(uri)).findFirst()
                .orElseThrow(() -> new EngineException.Unsupported("No engine handles \"" + uri.getScheme()
                        + "://\" hosts; Corral knows sim://, test://, qemu://, qemu+ssh://, qemu+tls://, hyperv:// "
                        + "and esx://."));
    }

    /** The host's connection, opened on first use. */
    public HostConnection connection(URI uri) {
        HostConnection existing = connections.get(uri);
        if (existing != null) {
            return existing;
        }
        return connections.computeIfAbsent(uri, u -> engineFor(u).connect(u));
    }

    /**
     * Forgets a host's connection, e.g. when the host is removed from the inventory, and closes it
     * unless another URI of the same host still uses it (the simulator answers {@code sim://h} and
     * {@code sim://h/} with one connection).
     */
    public void disconnect(URI uri) {
        HostConnection connection = connections.remove(uri);
        if (connection != null && !connections.containsValue(connection)) {
            connection.close();
        }
    }

    @PreDestroy
    void closeAll() {
        connections.keySet().forEach(this::disconnect);
    }
}
