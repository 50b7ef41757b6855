package dev.corral.access;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who else may call the API from a browser.
 *
 * @param allowedOrigins origins ({@code https://portal.example.com}) besides Corral's own whose
 *                       pages may make state-changing API calls; none by default
 */
@ConfigurationProperties("corral.api")
record ApiProperties(List<String> allowedOrigins) {

    ApiProperties {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
    }
}
