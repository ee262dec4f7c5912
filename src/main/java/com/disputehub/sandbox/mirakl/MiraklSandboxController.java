package com.disputehub.sandbox.mirakl;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulated Mirakl seller API under {@code /sandbox/mirakl/api}: OR11, M11, RE01, OR28, OR64, M12, OR43, and the
 * order's documents (OR72, OR73, OR74, DO01).
 */
@RestController
@ConditionalOnProperty(name = "disputehub.sandbox.enabled", havingValue = "true")
@RequestMapping(path = "/sandbox/mirakl/api", produces = MediaType.APPLICATION_JSON_VALUE)
class MiraklSandboxController {

    /** Mirakl subtracts a time delta from start_update_date so that no order is missed; so does the sandbox. */
    static final Duration UPDATE_DATE_OVERLAP = Duration.ofMinutes(1);
    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

    private final SimWorld world;
    private final SimDecisions decisions;
    private final SimDocuments documents;
    private final String apiKey;

    MiraklSandboxController(SimWorld world, SimDecisions decisions, SimDocuments documents, MiraklSandboxProperties properties) {
        this.world = world;
        this.decisions = decisions;
        this.documents = documents;
        this.apiKey = properties.apiKey();
    }

    @GetMapping("/orders")
    String listOrders(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String key,
                      @RequestParam(name = "has_incident", required = false) Boolean hasIncident,
                      @RequestParam(name = "start_update_date", required = false) String startUpdate,
                      @RequestParam(name = "order_ids", required = false) String orderIds,
                      @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "10") int max) {
        authorize(key);
        if (max < 1 || max > 100) {
            throw new SimError(400, "max must be between 1 and 100");
        }
        Instant since = startUpdate == null ? null : instant("start_update_date", startUpdate).minus(UPDATE_DATE_OVERLAP);
        Set<String> ids = orderIds == null ? null : Arrays.stream(orderIds.split(",")).collect(Collectors.toSet());
        List<SimModel.Order> found = world.orders().stream()
                .filter(o -> hasIncident == null || o.isHasIncident() == hasIncident)
                .filter(o -> since == null || !o.lastUpdatedDate.isBefore(since))
                .filter(o -> ids == null || ids.contains(o.orderId))
                .toList();
        List<SimModel.Order> page = found.stream().skip(offset).limit(max).toList();
        synchronized (world) {
            return JSON.writeValueAsString(Map.of("orders", page, "total_count", found.size()));
        }
    }

    @GetMapping("/inbox/threads")
    String listThreads(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String key,
                       @RequestParam(name = "entity_type", required = false) String entityType,
                       @RequestParam(name = "entity_id", required = false) String entityIds,
                       @RequestParam(name = "updated_since", required = false) String updatedSince,
                       @RequestParam(name = "with_messages", defaultValue = "false") boolean withMessages,
                       @RequestParam(defaultValue = "50") int limit,
                       @RequestParam(name = "page_token", required = false) String pageToken) {
        authorize(key);
        if (entityIds != null && entityType == null) {
            throw new SimError(400, "entity_id requires entity_type");
        }
        Instant since = updatedSince == null ? null : instant("updated_since", updatedSince);
        Set<String> ids = entityIds == null ? null : Arrays.stream(entityIds.split(",")).collect(Collectors.toSet());
        List<SimModel.Thread> found = world.threads().stream()
                .filter(t -> entityType == null || t.entities.stream().anyMatch(e -> e.type().equals(entityType)))
                .filter(t -> ids == null || t.entities.stream().anyMatch(e -> ids.contains(e.id())))
                .filter(t -> since == null || !t.dateUpdated.isBefore(since))
                .toList();
        int offset = pageToken == null ? 0 : Integer.parseInt(new String(Base64.getUrlDecoder().decode(pageToken), StandardCharsets.UTF_8));
        List<SimModel.Thread> page = found.stream().skip(offset).limit(limit).toList();
        Map<String, Object> answer = new LinkedHashMap<>();
        synchronized (world) {
            answer.put("data", page.stream().map(t -> withMessages ? JSON.valueToTree(t) : withoutMessages(t)).toList());
            answer.put("next_page_token", offset + limit < found.size()
                    ? Base64.getUrlEncoder().encodeToString(String.valueOf(offset + limit).getBytes(StandardCharsets.UTF_8)) : null);
            answer.put("previous_page_token", null);
            return JSON.writeValueAsString(answer);
        }
    }

    @GetMapping("/reasons")
    String reasons(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String key,
                   @RequestParam(required = false) String locale) {
        authorize(key);
        return JSON.writeValueAsString(Map.of("reasons", SimCatalog.REASONS, "total_count", SimCatalog.REASONS.size()));
    }

    @PutMapping(path = "/orders/refund", consumes = MediaType.APPLICATION_JSON_VALUE)
    String refund(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String key, @RequestBody String body) {
        authorize(key);
        return JSON.writeValueAsString(Map.of("refunds", decisions.refund(read(body))));
    }

    @PutMapping(path = "/orders/{orderId}/lines/{lineId}/resolve_incident", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> resolve(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String key,
                                 @PathVariable String orderId, @PathVariable String lineId, @RequestBody String body) {
        authorize(key);
        decisions.resolve(orderId, lineId, read(body));
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/inbox/threads/{threadId}/message", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<String> reply(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String key,
                                 @PathVariable String threadId, @RequestPart("message_input") String input,
                                 @RequestPart(name = "files", required = false) List<MultipartFile> files) {
        authorize(key);
        return ResponseEntity.status(201).body(JSON.writeValueAsString(decisions.reply(threadId, read(input), files(files))));
    }

    @PostMapping(path = "/orders/{orderId}/threads", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<String> newThread(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String key,
                                     @PathVariable String orderId, @RequestPart("thread_input") String input,
                                     @RequestPart(name = "files", required = false) List<MultipartFile> files) {
        authorize(key);
        return ResponseEntity.status(201).body(JSON.writeValueAsString(decisions.newThread(orderId, read(input), files(files))));
    }

    @GetMapping(path = "/inbox/threads/{attachmentId}/download", produces = MediaType.ALL_VALUE)
    ResponseEntity<byte[]> downloadAttachment(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String key,
                                              @PathVariable String attachmentId) {
        authorize(key);
        byte[] bytes = world.attachment(attachmentId).orElseThrow(() -> new SimError(404, "Attachment " + attachmentId + " not found"));
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(bytes);
    }

    @GetMapping("/documents")
    String documentTypes(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String key,
                         @RequestParam(required = false) String entities, @RequestParam(required = false) String locale) {
        authorize(key);
        return JSON.writeValueAsString(Map.of("documents", SimDocuments.TYPES.stream()
                .filter(t -> entities == null || Arrays.asList(entities.split(",")).contains(t.get("entity"))).toList()));
    }

    @GetMapping("/orders/documents")
    String orderDocuments(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String key,
                          @RequestParam(name = "order_ids") String orderIds) {
        authorize(key);
        List<Map<String, Object>> listed = Arrays.stream(orderIds.split(",")).flatMap(o -> documents.of(o).stream())
                .map(SimDocuments.Document::listed).toList();
        return JSON.writeValueAsString(Map.of("order_documents", listed, "total_count", listed.size()));
    }

    /** One document id answers the file itself; the sandbox does not zip several. */
    @GetMapping(path = "/orders/documents/download", produces = MediaType.ALL_VALUE)
    ResponseEntity<byte[]> downloadDocument(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String key,
                                            @RequestParam(name = "document_ids") String documentIds) {
        authorize(key);
        if (documentIds.contains(",")) {
            throw new SimError(400, "the sandbox downloads one document at a time");
        }
        SimDocuments.Document d;
        try {
            d = documents.find(Long.parseLong(documentIds.trim()));
        } catch (NumberFormatException e) {
            throw new SimError(400, "document_ids must be numbers");
        }
        return ResponseEntity.ok().contentType(d.fileName().endsWith(".pdf") ? MediaType.APPLICATION_PDF : MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + d.fileName().replace("\"", "") + "\"")
                .body(d.bytes());
    }

    @PostMapping(path = "/orders/{orderId}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String uploadDocuments(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String key,
                           @PathVariable String orderId, @RequestPart("files") List<MultipartFile> files,
                           @RequestPart("order_documents") String details) {
        authorize(key);
        Map<String, String> types = new LinkedHashMap<>();
        read(details).path("order_documents").forEach(d -> types.put(d.path("file_name").asString(""), d.path("type_code").asString(null)));
        return JSON.writeValueAsString(documents.upload(orderId, types, files(files)));
    }

    /** The {@code files} parts by their file names. */
    private static Map<String, byte[]> files(List<MultipartFile> files) {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            try {
                bytes.put(file.getOriginalFilename(), file.getBytes());
            } catch (java.io.IOException e) {
                throw new SimError(400, "unreadable file " + file.getOriginalFilename());
            }
        }
        return bytes;
    }

    @ExceptionHandler(SimError.class)
    ResponseEntity<String> error(SimError e) {
        return ResponseEntity.status(e.status).contentType(MediaType.APPLICATION_JSON)
                .body(JSON.writeValueAsString(Map.of("status", e.status, "message", e.getMessage())));
    }

    private void authorize(String key) {
        if (key == null || !key.equals(apiKey)) {
            throw new SimError(401, "Unauthorized: the Authorization header must carry the shop API key");
        }
    }

    private static JsonNode withoutMessages(SimModel.Thread t) {
        var node = JSON.valueToTree(t);
        ((tools.jackson.databind.node.ObjectNode) node).remove("messages");
        return node;
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            throw new SimError(400, "Malformed JSON: " + e.getOriginalMessage());
        }
    }

    private static Instant instant(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new SimError(400, name + " must be an ISO-8601 date, not '" + value + "'");
        }
    }
}
