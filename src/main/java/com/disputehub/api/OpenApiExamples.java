package com.disputehub.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.media.Schema;

/** Examples of the bodies an ERP sends and of what the API answers, for the contract (DOMAIN X7). */
final class OpenApiExamples {

    private OpenApiExamples() {
    }

    @SuppressWarnings("rawtypes")
    static void add(Map<String, Schema> schemas) {
        example(schemas, "SendMessage", map("type", "SEND_MESSAGE", "to", "BUYER",
                "body", "Hola Lucía, le enviamos una lámpara nueva hoy mismo."));
        example(schemas, "Refund", map("type", "REFUND", "mode", "DETAILED", "reasonCode", "20", "amount", "12.50",
                "taxes", List.of(map("code", "VAT", "amount", "2.63")), "message", "Partial refund for the dent"));
        example(schemas, "MarkResolved", map("type", "MARK_RESOLVED", "reasonCode", "10"));
        example(schemas, "Agree", map("type", "AGREE"));
        example(schemas, "Refuse", map("type", "REFUSE", "sellerEmail", "shop@example.com", "cause", "NOT_AS_DESCRIBED",
                "reason", "The tracking shows delivery on 12 Nov; photos attached.",
                "evidence", List.of(map("fileName", "delivery.jpg", "contentBase64", "/9j/4AAQSkZJRg..."))));
        example(schemas, "MarkDeliveryFixed", map("type", "MARK_DELIVERY_FIXED", "note", "Carrier delivered on 3 Dec"));
        example(schemas, "SendReplacement", map("type", "SEND_REPLACEMENT", "returnInstructions",
                "Keep the damaged vase; no return needed."));
        example(schemas, "RecordContactAttempt", map("type", "CONTACT_ATTEMPT", "note", "Called at 10:00, no answer"));
        example(schemas, "ProvideSolution", map("type", "PROVIDE_SOLUTION", "text", "Deliver on Tuesday afternoon, call 600123123 first"));
        example(schemas, "AskExpedite", map("type", "ASK_EXPEDITE", "message", "The buyer waits; please ship today."));
        example(schemas, "RequestReissue", map("type", "REQUEST_REISSUE", "message", "Lost in transit; please send it again."));
        example(schemas, "SubmitEvidence", map("type", "SUBMIT_EVIDENCE", "message", "Box opened on arrival",
                "evidence", List.of(map("fileName", "box.jpg", "contentBase64", "/9j/4AAQSkZJRg..."))));
        example(schemas, "RequestInterception", map("type", "REQUEST_INTERCEPTION", "message", "Cancelled by the buyer; stop it."));
        example(schemas, "MarkPackageSent", map("type", "MARK_PACKAGE_SENT", "note", "Sent to the supplier's support"));
        example(schemas, "ProvideTracking", map("type", "PROVIDE_TRACKING", "carrier", "USPS", "trackingNumber", "9400111899223100012345",
                "shippedOn", "2026-11-20"));
        example(schemas, "Escalate", map("type", "ESCALATE", "reasonCode", "BUYER_RETURNED_WRONG_ITEM",
                "comments", "The item sent back is not the one we shipped"));
        example(schemas, "NoteRequest", map("body", "Regular customer; be generous.", "onBehalfOf", "laura"));
        example(schemas, "GroupRequest", map("name", "Damaged lamps", "rule", map("reason", "DAMAGED", "sku", "LAMP-")));
        example(schemas, "BulkRequest", map("selection", map("filter", map("view", "action-needed", "reason", "DAMAGED")),
                "decision", map("type", "SEND_MESSAGE", "to", "BUYER", "body", "Hello {buyerName}, a new one is on its way."),
                "translations", map("es", map("body", "Hola {buyerName}, le enviamos otro.")), "dryRun", true));
        example(schemas, "WebhookRequest", map("url", "https://erp.example.com/disputehub", "description", "SAP",
                "eventTypes", List.of("incident.*", "decision.*"), "accounts", List.of("my-mirakl-shop"), "timeoutSeconds", 10));
        example(schemas, "Replay", map("from", "2026-12-01T00:00:00Z", "to", "2026-12-01T12:00:00Z"));
        example(schemas, "Event", map("id", "6c1a1f8e-0a57-4d6b-9d0e-3b7a2c5e9f10", "sequence", 4711, "type", "decision.sent",
                "timestamp", "2026-12-01T09:30:12.345Z", "channel", "mirakl", "account", "my-mirakl-shop",
                "incidentId", "0f8e2a3c-5b1d-4c9e-8a7f-1e2d3c4b5a69",
                "data", map("decision", map("id", "9d3f5e1a-2b4c-4d6e-8f01-23456789abcd", "type", "REFUND", "state", "SENT",
                        "links", map("self", "/api/decisions/9d3f5e1a-2b4c-4d6e-8f01-23456789abcd")),
                        "incident", map("id", "0f8e2a3c-5b1d-4c9e-8a7f-1e2d3c4b5a69", "status", "DECISION_SENT",
                                "externalRefs", map("erpCase", "C-2041"),
                                "links", map("self", "/api/incidents/0f8e2a3c-5b1d-4c9e-8a7f-1e2d3c4b5a69")))));
        answers(schemas);
    }

    /** Examples of what the API answers, for the schemas ERPs read most. */
    @SuppressWarnings("rawtypes")
    private static void answers(Map<String, Schema> schemas) {
        Object incident = map("id", "0f8e2a3c-5b1d-4c9e-8a7f-1e2d3c4b5a69", "channel", "mirakl", "accountId", "my-mirakl-shop",
                "kind", "MARKETPLACE_DISPUTE", "externalId", "ORD-100-A-1", "orderId", "ORD-100-A", "skus", List.of("LAMP-01"),
                "productTitle", "Lámpara de mesa", "buyerName", "Lucía G.",
                "reason", map("category", "DAMAGED", "rawCode", "7", "rawLabel", "Artículo recibido dañado"),
                "status", "NEEDS_SELLER_ACTION", "rawStatus", "INCIDENT_OPEN", "actionOwner", "SELLER",
                "requestedRefund", map("amount", 34.90, "currency", "EUR"), "productValue", map("amount", 34.90, "currency", "EUR"),
                "respondBy", "2026-12-02T09:30:00Z", "openedAt", "2026-11-30T17:02:00Z", "messageCount", 2, "flags", List.of(),
                "view", "ACTION_NEEDED", "tone", "red", "updatedAt", "2026-12-01T09:30:12Z");
        example(schemas, "IncidentSummary", incident);
        example(schemas, "Page", map("items", List.of(incident), "next", "eyJzb3J0IjoicmVjZW50In0"));
        example(schemas, "TabCounts", map("all", 41, "byView", map("ACTION_NEEDED", 12, "FIRST_ABSENCE", 2,
                "DECISION_SENT", 9, "WAITING", 11, "CLOSED", 7)));
        example(schemas, "DecisionView", map("id", "9d3f5e1a-2b4c-4d6e-8f01-23456789abcd", "incidentId", "0f8e2a3c-5b1d-4c9e-8a7f-1e2d3c4b5a69",
                "accountId", "my-mirakl-shop", "channel", "mirakl", "decision", map("type", "REFUND", "mode", "TOTAL", "reasonCode", "20"),
                "state", "REQUESTED", "idempotencyKey", "erp-refund-881", "keyScope", "client:key:erp", "requestedBy", "key:erp",
                "onBehalfOf", "laura", "attempts", 0, "createdAt", "2026-12-01T09:29:58Z", "updatedAt", "2026-12-01T09:29:58Z"));
        example(schemas, "GroupView", map("id", "5b0c6a8e-1d2f-4e3a-9b7c-6d5e4f3a2b1c", "name", "Damaged lamps", "type", "RULE",
                "rule", map("reason", "DAMAGED", "sku", "LAMP-"), "size", 14));
        example(schemas, "EventPage", map("events", List.of(map("id", "6c1a1f8e-0a57-4d6b-9d0e-3b7a2c5e9f10", "sequence", 4711,
                "type", "incident.created", "timestamp", "2026-12-01T09:30:12.345Z", "channel", "mirakl", "account", "my-mirakl-shop",
                "incidentId", "0f8e2a3c-5b1d-4c9e-8a7f-1e2d3c4b5a69", "data", map("incident", incident))), "next", 4711, "more", false));
        Object endpoint = map("id", "2b421b2b-c5d9-4cbf-9b62-e9fdfb905f08", "url", "https://erp.example.com/disputehub",
                "description", "SAP", "eventTypes", List.of("incident.*", "decision.*"), "accounts", List.of(), "enabled", true,
                "timeoutSeconds", 10, "createdBy", "key:erp", "createdAt", "2026-12-01T08:00:00Z", "updatedAt", "2026-12-01T08:00:00Z");
        example(schemas, "WebhookEndpoint", endpoint);
        example(schemas, "Created", map("endpoint", endpoint, "secret", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
        example(schemas, "Rotated", map("secret", "whsec_n0tRe4lbUtL00ksL1keOneAbcdefgh12", "previousSecretValidUntil", "2026-12-02T08:00:00Z"));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void example(Map<String, Schema> schemas, String name, Object example) {
        Schema schema = schemas.get(name);
        if (schema != null) {
            schema.setExample(example);
        }
    }

    /** A map in the order written (Map.of has none), for examples that read well. */
    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
