package com.disputehub.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.disputehub.support.Api;
import com.disputehub.support.IntegrationTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The served OpenAPI document is the committed one, docs/openapi.json (DOMAIN X7): an API change is a reviewed
 * change of the contract. After a deliberate change, {@code ./mvnw test -Dtest=ApiContractTest -Dopenapi.update=true}
 * writes the new document for review.
 */
class ApiContractTest extends IntegrationTest {

    static final Path CONTRACT = Path.of("docs/openapi.json");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    @DisplayName("X7: the served OpenAPI document equals docs/openapi.json; it is read with a key or a session, not anonymously")
    void noDrift() throws IOException {
        Api.Answer served = new Api(port).get("/v3/api-docs");
        assertThat(served.status()).isEqualTo(200);
        assertThat(Api.anonymous(port).get("/v3/api-docs").status()).isEqualTo(401);
        JsonNode document = served.body();
        assertThat(document.at("/components/securitySchemes/apiKey/scheme").asString()).isEqualTo("bearer");
        assertThat(document.get("paths").has("/api/incidents/{id}/decisions")).isTrue();
        assertThat(document.get("paths").propertyNames().stream().allMatch(p -> p.startsWith("/api/")))
                .as("pages and simulators are not part of the contract").isTrue();
        if (Boolean.getBoolean("openapi.update")) {
            Files.writeString(CONTRACT, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document) + "\n");
        }
        assertThat(Files.exists(CONTRACT)).as("docs/openapi.json is committed").isTrue();
        assertThat(document).as("the served contract differs from docs/openapi.json: review the change, then update the "
                + "file with -Dopenapi.update=true").isEqualTo(JSON.readTree(Files.readString(CONTRACT)));
    }

    @Test
    @DisplayName("X7: every operation has a unique operationId, a summary and problem answers; decisions are a oneOf on 'type'")
    void completeForClients() {
        JsonNode document = new Api(port).get("/v3/api-docs").body();
        java.util.Set<String> ids = new java.util.HashSet<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            String where = op.getKey().toUpperCase() + " " + path.getKey();
            JsonNode operation = op.getValue();
            assertThat(ids.add(operation.path("operationId").asString(""))).as(where + ": unique operationId").isTrue();
            assertThat(operation.path("summary").asString("")).as(where + ": summary").isNotBlank();
            assertThat(operation.at("/responses/401/content/application~1problem+json/schema/$ref").asString())
                    .as(where + ": problems").isEqualTo("#/components/schemas/Problem");
            assertThat(operation.at("/security").isMissingNode() || operation.get("security").size() > 0).isTrue();
        }));
        JsonNode command = document.at("/components/schemas/DecisionCommand");
        assertThat(command.get("oneOf")).as("every decision type").hasSize(com.disputehub.channel.command.DecisionType.values().length);
        assertThat(command.at("/discriminator/propertyName").asString()).isEqualTo("type");
        assertThat(command.at("/discriminator/mapping/REFUND").asString()).isEqualTo("#/components/schemas/Refund");
        assertThat(document.at("/components/schemas/Refund/properties/type/enum/0").asString()).isEqualTo("REFUND");
        assertThat(document.at("/components/schemas/Refund/example/type").asString()).isEqualTo("REFUND");
        assertThat(document.at("/paths/~1api~1incidents~1{id}~1decisions/post/requestBody/content/application~1json/schema/$ref")
                .asString()).isEqualTo("#/components/schemas/DecisionCommand");
    }
}
