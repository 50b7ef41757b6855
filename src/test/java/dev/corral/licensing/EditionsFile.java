package dev.corral.licensing;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.FileSystemResource;

/** The editions table as Corral reads it at start-up: {@code config/licensing/editions.yml}, bound by Spring Boot. */
final class EditionsFile {

    private EditionsFile() {
    }

    static LicensingProperties properties() {
        try {
            var sources = new YamlPropertySourceLoader().load("editions", new FileSystemResource("config/licensing/editions.yml"));
            return new Binder(ConfigurationPropertySources.from(sources)).bind("corral.licensing", LicensingProperties.class)
                    .orElseThrow(() -> new IllegalStateException("config/licensing/editions.yml has no corral.licensing"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static EditionTable table() {
        return new EditionTable(properties());
    }
}
