package com.disputehub.channel.mirakl;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.ChannelProtocolException;
import com.disputehub.channel.command.EvidenceFile;
import com.disputehub.channel.mirakl.model.MiraklReason;
import com.disputehub.channel.mirakl.model.MiraklReasonsPage;
import com.disputehub.channel.support.ChannelHttp;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The Mirakl seller (shop) API on the wire: OR11, M11, RE01, OR28, OR64, M12, OR43, and the order's documents
 * (OR72, OR73, OR74, DO01) and the messages' attachments (M13). The raw shop key goes in
 * the {@code Authorization} header (no "Bearer"); {@code shop_id} is added when configured.
 */
@Component
class MiraklClient {

    private final ChannelHttp http;
    private final Map<String, RestClient> clients = new ConcurrentHashMap<>();

    MiraklClient(ChannelHttp http) {
        this.http = http;
    }

    /** OR11: {@code GET /api/orders}, the whole answer as a tree so that one bad order cannot spoil the page. */
    JsonNode listOrders(ChannelAccount account, Map<String, String> query) {
        return getTree(account, "OR11 list orders", "/api/orders", query);
    }

    /** M11: {@code GET /api/inbox/threads}. */
    JsonNode listThreads(ChannelAccount account, Map<String, String> query) {
        return getTree(account, "M11 list threads", "/api/inbox/threads", query);
    }

    /** M10: {@code GET /api/inbox/threads/{thread_id}}, one thread with all its messages. */
    JsonNode thread(ChannelAccount account, String threadId) {
        String body = ChannelHttp.call("M10 get thread", true, () -> client(account).get()
                .uri(b -> withShopBuilder(account, b.path("/api/inbox/threads/{id}")).build(threadId))
                .retrieve().body(String.class));
        return parse("M10 get thread", body, Function.identity());
    }

    /** RE01: {@code GET /api/reasons}, every type, labels in the given locale. */
    List<MiraklReason> reasons(ChannelAccount account, String locale) {
        String body = ChannelHttp.call("RE01 list reasons", true, () -> client(account).get()
                .uri(b -> withShop(account, b.path("/api/reasons").queryParamIfPresent("locale",
                        java.util.Optional.ofNullable(locale))))
                .retrieve().body(String.class));
        return parse("RE01 list reasons", body, tree -> MiraklJson.MAPPER.treeToValue(tree, MiraklReasonsPage.class)).reasons();
    }

    /** OR28: {@code PUT /api/orders/refund}. */
    JsonNode refund(ChannelAccount account, Object body) {
        String answer = ChannelHttp.call("OR28 refund", false, () -> client(account).put()
                .uri(b -> withShop(account, b.path("/api/orders/refund")))
                .contentType(MediaType.APPLICATION_JSON)
                .body(MiraklJson.MAPPER.writeValueAsString(body))
                .retrieve().body(String.class));
        return parse("OR28 refund", answer, Function.identity());
    }

    /** OR64: {@code PUT /api/orders/{order_id}/lines/{line}/resolve_incident}; answers 204. */
    void resolveIncident(ChannelAccount account, String orderId, String lineId, String reasonCode) {
        ChannelHttp.call("OR64 resolve incident", false, () -> client(account).put()
                .uri(b -> withShopBuilder(account, b.path("/api/orders/{order}/lines/{line}/resolve_incident"))
                        .build(orderId, lineId))
                .contentType(MediaType.APPLICATION_JSON)
                .body(MiraklJson.MAPPER.writeValueAsString(Map.of("reason_code", reasonCode)))
                .retrieve().toBodilessEntity());
    }

    /** M12: {@code POST /api/inbox/threads/{thread_id}/message}, multipart with part {@code message_input}. */
    JsonNode reply(ChannelAccount account, String threadId, Object messageInput, List<EvidenceFile> files) {
        return multipart(account, "M12 reply in thread", "/api/inbox/threads/{id}/message", threadId, "message_input",
                messageInput, files);
    }

    /** OR43: {@code POST /api/orders/{order_id}/threads}, multipart with part {@code thread_input}. */
    JsonNode newOrderThread(ChannelAccount account, String orderId, Object threadInput, List<EvidenceFile> files) {
        return multipart(account, "OR43 new order thread", "/api/orders/{id}/threads", orderId, "thread_input",
                threadInput, files);
    }

    /** M13: {@code GET /api/inbox/threads/{attachment_id}/download}, a message's attachment. */
    org.springframework.http.ResponseEntity<byte[]> downloadAttachment(ChannelAccount account, String attachmentId) {
        return ChannelHttp.call("M13 download attachment", true, () -> client(account).get()
                .uri(b -> withShopBuilder(account, b.path("/api/inbox/threads/{id}/download")).build(attachmentId))
                .header(HttpHeaders.ACCEPT, MediaType.ALL_VALUE)
                .retrieve().toEntity(byte[].class));
    }

    /** OR72: {@code GET /api/orders/documents?order_ids=}, the order's documents. */
    JsonNode orderDocuments(ChannelAccount account, String orderId) {
        return getTree(account, "OR72 list order documents", "/api/orders/documents", Map.of("order_ids", orderId));
    }

    /** DO01: {@code GET /api/documents?entities=ORDER}, the document types of orders, labels in the given locale. */
    JsonNode documentTypes(ChannelAccount account, String locale) {
        Map<String, String> query = new java.util.LinkedHashMap<>();
        query.put("entities", "ORDER");
        if (locale != null) {
            query.put("locale", locale);
        }
        return getTree(account, "DO01 list document types", "/api/documents", query);
    }

    /** OR73: {@code GET /api/orders/documents/download?document_ids=}; one id answers the file itself, not a ZIP. */
    org.springframework.http.ResponseEntity<byte[]> downloadDocument(ChannelAccount account, String documentId) {
        return ChannelHttp.call("OR73 download order document", true, () -> client(account).get()
                .uri(b -> withShop(account, b.path("/api/orders/documents/download").queryParam("document_ids", documentId)))
                .header(HttpHeaders.ACCEPT, MediaType.ALL_VALUE)
                .retrieve().toEntity(byte[].class));
    }

    /**
     * OR74: {@code POST /api/orders/{order_id}/documents}, multipart: the file in {@code files} and its name and type
     * in {@code order_documents}; the answer counts the documents refused ({@code errors_count}).
     */
    JsonNode uploadDocument(ChannelAccount account, String orderId, String fileName, String typeCode, byte[] bytes) {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part("files", named(fileName, bytes));
        parts.part("order_documents", MiraklJson.MAPPER.writeValueAsString(Map.of("order_documents",
                List.of(Map.of("file_name", fileName, "type_code", typeCode)))), MediaType.APPLICATION_JSON);
        String answer = ChannelHttp.call("OR74 upload order document", false, () -> client(account).post()
                .uri(b -> withShopBuilder(account, b.path("/api/orders/{id}/documents")).build(orderId))
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(parts.build())
                .retrieve().body(String.class));
        return parse("OR74 upload order document", answer, Function.identity());
    }

    /** A message's multipart: its JSON part, then each file as a part {@code files} with its name. */
    private JsonNode multipart(ChannelAccount account, String what, String path, String id, String part, Object input,
                               List<EvidenceFile> files) {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part(part, MiraklJson.MAPPER.writeValueAsString(input), MediaType.APPLICATION_JSON);
        files.forEach(f -> parts.part("files", named(f.fileName(), f.bytes())));
        String answer = ChannelHttp.call(what, false, () -> client(account).post()
                .uri(b -> withShopBuilder(account, b.path(path)).build(id))
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(parts.build())
                .retrieve().body(String.class));
        return parse(what, answer, Function.identity());
    }

    /** A file part: bytes with the name the channel shows. */
    private static org.springframework.core.io.Resource named(String fileName, byte[] bytes) {
        return new org.springframework.core.io.ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return fileName;
            }
        };
    }

    private JsonNode getTree(ChannelAccount account, String what, String path, Map<String, String> query) {
        String body = ChannelHttp.call(what, true, () -> client(account).get()
                .uri(b -> {
                    b.path(path);
                    query.forEach(b::queryParam);
                    return withShop(account, b);
                })
                .retrieve().body(String.class));
        return parse(what, body, Function.identity());
    }

    private static URI withShop(ChannelAccount account, UriBuilder builder) {
        return withShopBuilder(account, builder).build();
    }

    private static UriBuilder withShopBuilder(ChannelAccount account, UriBuilder builder) {
        MiraklOptions.of(account).shopId().ifPresent(shop -> builder.queryParam("shop_id", shop));
        return builder;
    }

    private static <T> T parse(String what, String body, Function<JsonNode, T> reader) {
        if (body == null || body.isBlank()) {
            return reader.apply(MiraklJson.MAPPER.createObjectNode());
        }
        try {
            return reader.apply(MiraklJson.MAPPER.readTree(body));
        } catch (JacksonException e) {
            throw new ChannelProtocolException(what + ": the answer is not the JSON Mirakl documents: "
                    + e.getOriginalMessage(), e);
        }
    }

    private RestClient client(ChannelAccount account) {
        return clients.computeIfAbsent(account.id(), id -> http.client(account, b -> b
                .defaultHeader(HttpHeaders.AUTHORIZATION, account.credential("api-key"))
                .defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)));
    }

}
