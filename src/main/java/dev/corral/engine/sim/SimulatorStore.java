package dev.corral.engine.sim;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.corral.engine.EngineException;
import dev.corral.engine.VlanSetting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps each simulated host's state in a JSON file under the data folder, written atomically
 * after every change, so the hosts "keep running" while Corral restarts.
 */
final class SimulatorStore {

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "mode")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = VlanSetting.Untagged.class, name = "untagged"),
        @JsonSubTypes.Type(value = VlanSetting.Access.class, name = "access"),
        @JsonSubTypes.Type(value = VlanSetting.Trunk.class, name = "trunk")})
    private interface VlanSettingMixin {
    }

    static final long NO_FILE = -1;

    private final Path folder;
    private final JsonMapper json = JsonMapper.builder().addMixIn(VlanSetting.class, VlanSettingMixin.class).build();

    SimulatorStore(Path folder) {
        this.folder = folder;
    }

    Optional<SimVm.HostState> load(String host) {
        Path file = file(host);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(file.toFile(), SimVm.HostState.class));
        } catch (RuntimeException e) {
            throw new IllegalStateException("The simulator's state file " + file.toAbsolutePath()
                    + " cannot be read; move it away to start host " + host + " afresh", e);
        }
    }

    /**
     * The generation of the host's state file, reading no further into it than needed: what a host
     * shared between processes checks before every operation.
     *
     * @return the generation, 0 for a file written before generations, or {@link #NO_FILE}
     */
    long generation(String host) {
        Path file = file(host);
        if (!Files.exists(file)) {
            return NO_FILE;
        }
        try (JsonParser parser = json.createParser(file)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("not a JSON object");
            }
            for (String property = parser.nextName(); property != null; property = parser.nextName()) {
                parser.nextToken();
                if (property.equals("generation")) {
                    return parser.getLongValue();
                }
                parser.skipChildren();
            }
            return 0;
        } catch (RuntimeException e) {
            throw new IllegalStateException("The simulator's state file " + file.toAbsolutePath()
                    + " cannot be read; move it away to start host " + host + " afresh", e);
        }
    }

    void save(String host, SimVm.HostState state) {
        try {
            Files.createDirectories(folder);
            Path temporary = Files.createTempFile(folder, host, ".tmp");
            json.writeValue(temporary.toFile(), state);
            Files.move(temporary, file(host), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            throw new EngineException.Failed("Simulated host " + host + " could not keep its state in "
                    + folder.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    Path lockFile(String host) {
        return folder.resolve(host + ".lock");
    }

    private Path file(String host) {
        return folder.resolve(host + ".json");
    }
}
