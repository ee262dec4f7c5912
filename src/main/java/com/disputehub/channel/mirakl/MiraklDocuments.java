package com.disputehub.channel.mirakl;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.ChannelRejectedException;
import com.disputehub.channel.DecisionTarget;
import com.disputehub.channel.OrderDocuments.DocumentFile;
import com.disputehub.channel.OrderDocuments.DocumentLimits;
import com.disputehub.channel.OrderDocuments.DocumentType;
import com.disputehub.channel.OrderDocuments.OrderDocument;

import tools.jackson.databind.JsonNode;

/**
 * An order's documents on Mirakl (DOMAIN M3): OR72 lists them (the delivery note the platform makes, the invoices the
 * shop uploads), OR73 downloads one, OR74 uploads one with its type, DO01 names the types; and M13 downloads a
 * message's attachment.
 */
@Component
class MiraklDocuments {

    /** OR74: at most 50 documents an order, of these file types. */
    static final DocumentLimits LIMITS = new DocumentLimits(50, List.of("csv", "doc", "docx", "xls", "xlsx", "ppt", "pptx",
            "pdf", "odt", "ods", "odp", "txt", "rtf", "png", "jpg", "jpeg", "gif", "zpl", "mov", "mp4"));

    private final MiraklClient client;

    MiraklDocuments(MiraklClient client) {
        this.client = client;
    }

    List<DocumentType> types(ChannelAccount account) {
        List<DocumentType> types = new ArrayList<>();
        for (JsonNode type : client.documentTypes(account, account.option("locale").orElse(null)).path("documents")) {
            String code = type.path("code").asString(null);
            if (code != null && !code.isBlank()) {
                types.add(new DocumentType(code, type.path("label").asString(code)));
            }
        }
        return types;
    }

    List<OrderDocument> list(ChannelAccount account, DecisionTarget target) {
        List<OrderDocument> documents = new ArrayList<>();
        for (JsonNode d : client.orderDocuments(account, target.orderId()).path("order_documents")) {
            if (target.orderId().equals(d.path("order_id").asString(target.orderId()))) {
                documents.add(new OrderDocument(d.path("id").asString(), d.path("file_name").asString(null),
                        d.path("type").asString(null), instant(d.path("date_uploaded").asString(null)),
                        d.path("file_size").isNumber() ? d.path("file_size").asLong() : null));
            }
        }
        return documents;
    }

    DocumentFile download(ChannelAccount account, DecisionTarget target, String documentId) {
        OrderDocument known = list(account, target).stream().filter(d -> d.id().equals(documentId)).findFirst()
                .orElseThrow(() -> new ChannelRejectedException(404, "order " + target.orderId() + " has no document " + documentId));
        return file(client.downloadDocument(account, documentId), known.fileName());
    }

    /** A downloaded file: its name as the answer gives it, else as listed. */
    private static DocumentFile file(ResponseEntity<byte[]> answer, String listedName) {
        MediaType type = answer.getHeaders().getContentType();
        String name = answer.getHeaders().getContentDisposition().getFilename();
        return new DocumentFile(name != null ? name : listedName,
                type != null ? type.toString() : MediaType.APPLICATION_OCTET_STREAM_VALUE,
                answer.getBody() == null ? new byte[0] : answer.getBody());
    }

    /** A message's attachment (M13); named by the answer, else by its id (the message lists its name). */
    DocumentFile attachment(ChannelAccount account, String attachmentId) {
        return file(client.downloadAttachment(account, attachmentId), attachmentId);
    }

    void upload(ChannelAccount account, DecisionTarget target, DocumentFile file, String typeCode) {
        JsonNode answer = client.uploadDocument(account, target.orderId(), file.fileName(), typeCode, file.bytes());
        if (answer.path("errors_count").asInt(0) > 0) {
            List<String> errors = new ArrayList<>();
            answer.path("order_documents").forEach(d -> {
                String message = d.path("message").asString(d.path("errors").toString());
                errors.add(message);
            });
            throw new ChannelRejectedException(400, "Mirakl refused the document: " + String.join("; ", errors));
        }
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
