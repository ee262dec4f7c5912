package com.disputehub.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import com.disputehub.channel.command.DecisionCommand;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Discriminator;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * What annotations alone do not say in the contract (DOMAIN X7): the decision types as a {@code oneOf} with
 * {@code type} as discriminator, each a schema of its own; the RFC 9457 problems every operation may answer; and
 * examples of the bodies ERPs send.
 */
@Component
class OpenApiContract implements OpenApiCustomizer {

    static final String PROBLEM = "Problem";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;

    @Override
    public void customise(OpenAPI api) {
        decisionsAsOneOf(api);
        problems(api);
        OpenApiExamples.add(api.getComponents().getSchemas());
    }

    /** springdoc writes subtypes as allOf of the parent; ERPs' generators want a oneOf they can switch on. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void decisionsAsOneOf(OpenAPI api) {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        if (!schemas.containsKey("DecisionCommand")) {
            return;
        }
        ComposedSchema command = new ComposedSchema();
        Map<String, String> mapping = new LinkedHashMap<>();
        for (JsonSubTypes.Type type : DecisionCommand.class.getAnnotation(JsonSubTypes.class).value()) {
            String name = type.value().getSimpleName();
            String ref = "#/components/schemas/" + name;
            Schema sub = schemas.get(name);
            if (sub == null) {
                continue;
            }
            Schema own = sub.getAllOf() == null ? sub : (Schema) ((List<Schema>) sub.getAllOf()).stream()
                    .filter(s -> s.get$ref() == null).findFirst().orElse(new ObjectSchema());
            Schema standalone = new ObjectSchema().description(own.getDescription());
            Map<String, Schema> properties = new LinkedHashMap<>();
            properties.put("type", new StringSchema()._enum(List.of(type.name())));
            if (own.getProperties() != null) {
                properties.putAll(own.getProperties());
            }
            standalone.setProperties(properties);
            standalone.addRequiredItem("type");
            if (own.getRequired() != null) {
                ((List<String>) own.getRequired()).forEach(standalone::addRequiredItem);
            }
            schemas.put(name, standalone);
            command.addOneOfItem(new Schema<>().$ref(ref));
            mapping.put(type.name(), ref);
        }
        command.discriminator(new Discriminator().propertyName("type").mapping(mapping))
                .description("A decision; its 'type' says which (docs/api.md has every type with its rules).");
        schemas.put("DecisionCommand", command);
    }

    /** Every operation may answer these problems; each is application/problem+json with a sentence to act on. */
    @SuppressWarnings("rawtypes")
    private static void problems(OpenAPI api) {
        Schema problem = new ObjectSchema().description("An RFC 9457 problem: 'detail' says what to fix")
                .addProperty("type", new StringSchema().example("about:blank"))
                .addProperty("title", new StringSchema().example("Bad Request"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema().example("'limit' is from 1 to 200"))
                .addProperty("instance", new StringSchema().example("/api/incidents"))
                .addProperty("problems", new ArraySchema().items(new StringSchema())
                        .description("every problem of a refused decision, one sentence each"));
        api.getComponents().addSchemas(PROBLEM, problem);
        for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
            boolean hasId = path.getKey().contains("{");
            path.getValue().readOperationsMap().forEach((method, operation) -> {
                boolean writes = method != PathItem.HttpMethod.GET;
                add(operation, "400", "The request is not valid: a parameter or field, named in 'detail'");
                add(operation, "401", "No API key or session, or one that is unknown, revoked or expired");
                add(operation, "403", "The key's scope or the person's role does not allow this");
                if (hasId) {
                    add(operation, "404", "Nothing with this id");
                }
                if (writes) {
                    add(operation, "409", "The state does not allow it now (the channel, the incident's status, a run)");
                    add(operation, "422", "Refused as a whole, or an Idempotency-Key reused with another request");
                }
                add(operation, "500", "An unexpected error; the log has the details");
            });
        }
    }

    private static void add(Operation operation, String status, String description) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().description(description).content(new Content()
                    .addMediaType("application/problem+json", new MediaType().schema(new Schema<>().$ref(PROBLEM_REF)))));
        }
        operation.setResponses(responses);
    }
}
