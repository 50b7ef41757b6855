package dev.corral.base.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description served at {@code /api/v1/openapi.json} (paths and location are set in
 * application.yml). Every operation takes either HTTP Basic or a bearer token, so both schemes are
 * declared once and required globally, as alternatives.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BASIC = "basicAuth";
    static final String BEARER = "bearerAuth";

    @Bean
    OpenAPI corralOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Corral").version("v1")
                        .description("Corral's REST API: everything the console can do, with the same permissions, "
                                + "quotas, licensing rules and audit. Errors are application/problem+json (RFC 9457)."))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("Directory user name and password, the same as the console's sign-in."))
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("A personal API token, created in the console or by POST /api/v1/tokens.")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
