package com.disputehub.api;

import java.util.Comparator;
import java.util.List;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;

/**
 * The API's contract (DOMAIN X7), served at {@code /v3/api-docs} and committed as docs/openapi.json: a test fails
 * when they differ, so that an API change is a reviewed change of the contract.
 */
@Configuration
class OpenApiConfig {

    static final String KEY = "apiKey";
    static final String SESSION = "session";

    /** Tags in name order: the classpath's scanning order differs between machines, the committed contract may not. */
    @Bean
    OpenApiCustomizer tagsInOrder() {
        return api -> {
            if (api.getTags() != null) {
                api.getTags().sort(Comparator.comparing(Tag::getName));
            }
        };
    }

    @Bean
    OpenAPI disputeHubApi() {
        return new OpenAPI()
                .info(new Info().title("DisputeHub API").version("1")
                        .description("Disputes of every marketplace, carrier and supplier, normalized; decisions sent back "
                                + "exactly once. Errors are RFC 9457 problems. See docs/api.md and docs/security.md."))
                .components(new Components()
                        .addSecuritySchemes(KEY, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("dh_...").description("An API key made by an admin, with its scopes"))
                        .addSecuritySchemes(SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.COOKIE).name("JSESSIONID")
                                .description("A signed-in person's session; writes also need the page's X-CSRF-TOKEN")))
                // relative, so that the contract is the same on every host and port
                .servers(List.of(new Server().url("/").description("this connector")))
                .addSecurityItem(new SecurityRequirement().addList(KEY))
                .addSecurityItem(new SecurityRequirement().addList(SESSION));
    }
}
