package com.disputehub.sandbox.ebay;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The Post-Order v2 shapes of the simulated disputes: search members, details, pages and errors. */
final class EbSimJson {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private EbSimJson() {
    }

    static ObjectNode page(List<ObjectNode> members, int offset, int limit, int total) {
        ObjectNode page = JSON.createObjectNode();
        ArrayNode array = page.putArray("members");
        members.forEach(array::add);
        ObjectNode paging = page.putObject("paginationOutput");
        paging.put("limit", limit).put("offset", offset).put("totalEntries", total).put("totalPages", (total + limit - 1) / limit);
        return page;
    }

    /** A search member: InquirySummaryType, ReturnSummaryType or CaseSummaryType. */
    static ObjectNode summary(EbSimWorld.Dispute d) {
        ObjectNode m = JSON.createObjectNode();
        switch (d.kind) {
            case EbSimWorld.INQUIRY -> {
                m.put("inquiryId", d.id).put("inquiryStatusEnum", d.status).put("status", d.status).put("buyer", d.buyer)
                        .put("itemId", d.itemId).put("transactionId", d.transactionId);
                amount(m.putObject("claimAmount"), d);
                date(m, "creationDate", d.created);
                date(m, "lastModifiedDate", d.modified);
                if (d.waitsForSeller()) {
                    date(m, "respondByDate", d.respondBy);
                    date(m, "sellerMakeItRightByDate", d.respondBy);
                }
            }
            case EbSimWorld.RETURN -> {
                m.put("returnId", d.id).put("buyerLoginName", d.buyer).put("sellerLoginName", "demo_store_us")
                        .put("currentType", "MONEY_BACK").put("state", d.status).put("status", d.status);
                ObjectNode creation = m.putObject("creationInfo");
                creation.putObject("item").put("itemId", d.itemId).put("transactionId", d.transactionId).put("returnQuantity", 1)
                        .put("itemTitle", d.title);
                creation.put("type", "MONEY_BACK").put("reason", d.reason).put("reasonType",
                        d.reason.equals("NO_LONGER_NEED_ITEM") ? "REMORSE" : "SNAD");
                creation.putObject("comments").put("content", d.history.get(0).description());
                date(creation, "creationDate", d.created);
                amount(m.putObject("sellerTotalRefund").putObject("estimatedRefundAmount"), d);
                if (d.waitsForSeller()) {
                    ObjectNode due = m.putObject("sellerResponseDue").put("activityDue", "SELLER_APPROVE_REQUEST");
                    date(due, "respondByDate", d.respondBy);
                }
            }
            default -> {
                m.put("caseId", d.id).put("caseStatusEnum", d.status).put("itemId", d.itemId).put("transactionId", d.transactionId);
                amount(m.putObject("claimAmount"), d);
                date(m, "creationDate", d.created);
                date(m, "lastModifiedDate", d.modified);
                if (d.waitsForSeller()) {
                    date(m, "respondByDate", d.respondBy);
                }
                m.putObject("user").put("role", "SELLER").put("userId", "demo_store_us");
                m.putObject("otherParty").put("role", "BUYER").put("userId", d.buyer);
            }
        }
        return m;
    }

    /**
     * The detail: inquiries and cases as their summary with the history; a return as {@code {summary}} when asked
     * with fieldgroups=SUMMARY, else as {@code {detail}} (eBay's FULL, the default).
     */
    static ObjectNode detail(EbSimWorld.Dispute d, boolean summaryOnly) {
        ObjectNode summary = summary(d);
        ArrayNode history = JSON.createArrayNode();
        for (EbSimWorld.Step step : d.history) {
            ObjectNode h = history.addObject();
            if (EbSimWorld.RETURN.equals(d.kind)) {
                h.put("activity", step.action()).put("author", step.actor()).put("notes", step.description());
                date(h, "creationDate", step.at());
            } else {
                h.put("action", step.action()).put("actor", step.actor()).put("description", step.description());
                date(h, "date", step.at());
            }
        }
        switch (d.kind) {
            case EbSimWorld.INQUIRY -> {
                summary.putObject("inquiryHistoryDetails").set("history", history);
                summary.putObject("itemDetails").put("itemTitle", d.title);
                return summary;
            }
            case EbSimWorld.RETURN -> {
                ObjectNode answer = JSON.createObjectNode();
                if (summaryOnly) {
                    answer.set("summary", summary);
                } else {
                    answer.putObject("detail").set("responseHistory", history);
                }
                return answer;
            }
            default -> {
                summary.putObject("caseHistoryDetails").set("history", history);
                return summary;
            }
        }
    }

    static ObjectNode error(int id, String message) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode error = root.putObject("errorMessage").putArray("error").addObject();
        error.put("errorId", id).put("domain", "API_POST_ORDER").put("severity", "ERROR").put("category", "REQUEST").put("message", message);
        error.putArray("parameter");
        return root;
    }

    private static void amount(ObjectNode node, EbSimWorld.Dispute d) {
        node.put("value", d.amount).put("currency", "USD");
    }

    private static void date(ObjectNode parent, String field, Instant at) {
        parent.putObject(field).put("value", at.toString());
    }
}
