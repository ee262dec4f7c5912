package com.disputehub.channel.orderchamp;

import java.util.Map;
import java.util.Set;

import com.disputehub.incident.ReasonCategory;

/**
 * Everything this adapter assumes about Orderchamp's reported problems, in one place. Orderchamp's public
 * GraphQL API documents orders but no problem object (see docs/adapters/orderchamp.md), so the queries,
 * mutations and enums below are modelled on the seed's back office (DOMAIN O1..O4). Correct them here.
 */
final class OrderchampSchema {

    private OrderchampSchema() {
    }

    static final String PROBLEM_FIELDS = """
            id status reason reasonText createdAt updatedAt
            photos { url }
            order { id number payoutStatus total { amount currencyCode } retailer { name } }
            items { sku title quantity price { amount currencyCode } }
            messages { id body createdAt sender }
            """;

    /** Problems changed since a time, oldest change first, Relay-paged. */
    static final String PROBLEMS_PAGE = """
            query ReportedProblems($first: Int!, $after: String, $updatedAtMin: DateTime) {
              orderProblems(first: $first, after: $after, updatedAtMin: $updatedAtMin, sortKey: UPDATED_AT) {
                pageInfo { hasNextPage endCursor }
                edges { node { %s } }
              }
            }""".formatted(PROBLEM_FIELDS);

    static final String PROBLEMS_BY_ID = """
            query ProblemsById($ids: [ID!]!) {
              nodes(ids: $ids) { ... on OrderProblem { %s } }
            }""".formatted(PROBLEM_FIELDS);

    static final String SEND_REPLACEMENT = """
            mutation SendReplacement($id: ID!, $returnInstructions: String) {
              orderProblemSendReplacement(id: $id, returnInstructions: $returnInstructions) {
                problem { id status } userErrors { field message }
              }
            }""";

    static final String REFUND = """
            mutation Refund($id: ID!) {
              orderProblemRefund(id: $id) { problem { id status } userErrors { field message } }
            }""";

    static final String MESSAGE = """
            mutation ContactRetailer($id: ID!, $body: String!) {
              orderProblemMessageCreate(id: $id, body: $body) { message { id } userErrors { field message } }
            }""";

    /** O6: orders and reported problems since a time, counted by Orderchamp. */
    static final String PROBLEM_RATE = """
            query ProblemRate($since: DateTime!) {
              orders(createdAtMin: $since) { totalCount }
              orderProblems(createdAtMin: $since) { totalCount }
            }""";

    /** O1: the four reasons the brand handles, and their categories; any other reason is Orderchamp support's. */
    static final Map<String, ReasonCategory> BRAND_REASONS = Map.of(
            "DAMAGED_ITEMS", ReasonCategory.DAMAGED,
            "DEFECTIVE_ITEMS", ReasonCategory.DEFECTIVE,
            "MISSING_ITEMS", ReasonCategory.MISSING_ITEMS,
            "WRONG_ITEMS", ReasonCategory.WRONG_ITEM);

    static final Map<String, ReasonCategory> PLATFORM_REASONS = Map.of(
            "WRONG_INVOICE", ReasonCategory.INVOICE_PROBLEM,
            "LATE_DELIVERY", ReasonCategory.LATE_SHIPMENT);

    /** O4: Ingediend, Orderchamp beoordeelt, In behandeling, Opgelost, Afgewezen. */
    static final String SUBMITTED = "SUBMITTED";
    static final String REVIEWING = "ORDERCHAMP_REVIEWING";
    static final String IN_PROGRESS = "IN_PROGRESS";
    static final String RESOLVED = "RESOLVED";
    static final String REJECTED = "REJECTED";
    static final Set<String> OPEN = Set.of(SUBMITTED, REVIEWING, IN_PROGRESS);

    /** O5: an order with an open problem is not paid out. */
    static final String PAID_OUT = "PAID_OUT";
}
