package com.disputehub.channel.orderchamp;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.disputehub.channel.Capabilities.DecisionSpec;
import com.disputehub.channel.Capabilities.FieldSpec;
import com.disputehub.channel.Capabilities;
import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.ChannelAdapter;
import com.disputehub.channel.DecisionTarget;
import com.disputehub.channel.FetchResult;
import com.disputehub.channel.OptionSpec;
import com.disputehub.channel.ProblemRate;
import com.disputehub.channel.PushResult;
import com.disputehub.channel.RawRecord;
import com.disputehub.channel.Reconciliation;
import com.disputehub.channel.command.DecisionCommand;
import com.disputehub.channel.command.DecisionType;
import com.disputehub.channel.command.Refund;
import com.disputehub.channel.command.SendMessage;
import com.disputehub.channel.command.SendReplacement;
import com.disputehub.incident.IncidentKind;
import com.disputehub.incident.IncidentSnapshot;
import com.disputehub.incident.IncidentStatus;
import com.disputehub.incident.OpenIncidentRef;

import tools.jackson.databind.JsonNode;

/** Problems retailers report on Orderchamp orders (DOMAIN O1..O5), through its GraphQL API. */
@Component
class OrderchampAdapter implements ChannelAdapter {

    static final int PAGE_SIZE = 50;

    private final OrderchampClient client;
    private final Clock clock;

    OrderchampAdapter(OrderchampClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    @Override
    public String channelType() {
        return "orderchamp";
    }

    @Override
    public List<OptionSpec> options() {
        return OrderchampOptions.SPECS;
    }

    @Override
    public IncidentKind kind() {
        return IncidentKind.RETAILER_ISSUE;
    }

    @Override
    public String version() {
        return "orderchamp-1";
    }

    /** Cursor: {@code {"since": <updatedAtMin of this pass>, "after": <Relay cursor>, "high": <latest updatedAt>}}. */
    @Override
    public FetchResult fetchChanges(ChannelAccount account, String cursorText) {
        Map<String, String> c = cursorText == null ? new HashMap<>() : new HashMap<>(parse(cursorText));
        Map<String, Object> variables = new HashMap<>();
        variables.put("first", PAGE_SIZE);
        variables.put("after", c.get("after"));
        variables.put("updatedAtMin", c.get("since"));
        JsonNode connection = client.execute(account, "reported problems", OrderchampSchema.PROBLEMS_PAGE, variables, true)
                .path("orderProblems");
        List<RawRecord> records = new ArrayList<>();
        String high = c.get("high");
        for (JsonNode edge : connection.path("edges")) {
            JsonNode node = edge.path("node");
            records.add(RawRecord.json("problem " + node.path("id").asString("(no id)"), OrderchampClient.JSON.writeValueAsString(node)));
            String updated = node.path("updatedAt").asString("");
            if (!updated.isEmpty() && (high == null ? parses(updated) : later(updated, high))) {
                high = updated;
            }
        }
        boolean more = connection.path("pageInfo").path("hasNextPage").asBoolean(false);
        Map<String, String> next = new HashMap<>();
        if (more) {
            next.put("since", c.get("since"));
            next.put("after", connection.path("pageInfo").path("endCursor").asString(null));
            next.put("high", high);
        } else {
            next.put("since", high != null ? high : c.get("since"));
        }
        next.values().removeIf(v -> v == null);
        return new FetchResult(records, OrderchampClient.JSON.writeValueAsString(next), more);
    }

    @Override
    public List<RawRecord> reread(ChannelAccount account, List<OpenIncidentRef> openIncidents) {
        List<String> ids = openIncidents.stream().map(OpenIncidentRef::externalId).toList();
        List<RawRecord> records = new ArrayList<>();
        client.execute(account, "problems by id", OrderchampSchema.PROBLEMS_BY_ID, Map.of("ids", ids), true).path("nodes")
                .forEach(node -> {
                    if (node.hasNonNull("id")) {
                        records.add(RawRecord.json("problem " + node.get("id").asString(), OrderchampClient.JSON.writeValueAsString(node)));
                    }
                });
        return records;
    }

    /** O6: problems / orders over the last 30 days; above 5% (options.problem-rate-threshold) harms the ranking. */
    @Override
    public Optional<ProblemRate> problemRate(ChannelAccount account) {
        Instant now = clock.instant();
        Instant since = now.minus(Duration.ofDays(30));
        JsonNode data = client.execute(account, "problem rate", OrderchampSchema.PROBLEM_RATE, Map.of("since", since.toString()), true);
        BigDecimal threshold = OrderchampOptions.of(account).problemRateThreshold();
        return Optional.of(ProblemRate.of(data.path("orderProblems").path("totalCount").asLong(0),
                data.path("orders").path("totalCount").asLong(0), threshold, since, now));
    }

    @Override
    public List<IncidentSnapshot> normalize(ChannelAccount account, RawRecord record) {
        return List.of(OrderchampMapper.normalize(account, record));
    }

    /** O3: the brand chooses a solution while the problem is submitted to it; it may write while the retailer decides. */
    @Override
    public Capabilities capabilities(ChannelAccount account) {
        Set<IncidentStatus> choosing = Set.of(IncidentStatus.NEEDS_SELLER_ACTION);
        return new Capabilities(List.of(
                new DecisionSpec(DecisionType.SEND_REPLACEMENT, "Send a replacement; the return label is at your cost", choosing,
                        List.of(FieldSpec.optional("returnInstructions", "How the retailer returns the goods"))),
                new DecisionSpec(DecisionType.REFUND, "Orderchamp processes the refund for you; no amounts to give", choosing,
                        List.of()),
                new DecisionSpec(DecisionType.SEND_MESSAGE, "Contact the retailer in the chat (e.g. propose a discount)",
                        Set.of(IncidentStatus.NEEDS_SELLER_ACTION, IncidentStatus.WAITING_FOR_BUYER), List.of(
                        new FieldSpec("to", true, "The retailer", List.of(new Capabilities.Option("BUYER", "Retailer"))),
                        FieldSpec.required("body", "The message")))));
    }

    @Override
    public List<String> validate(ChannelAccount account, DecisionTarget target, DecisionCommand command) {
        String reason = OrderchampClient.JSON.readTree(target.rawPayload()).path("reason").asString("");
        List<String> problems = new ArrayList<>();
        if (!OrderchampMapper.brandHandles(reason)) {
            problems.add("this problem (" + reason + ") is handled by Orderchamp support; the brand cannot choose a solution");
        }
        if (command instanceof Refund refund && (refund.amount() != null || refund.shippingAmount() != null)) {
            problems.add("Orderchamp refunds the reported items itself: give no amounts");
        }
        if (command instanceof Refund refund && refund.message() != null && !refund.message().isBlank()) {
            problems.add("an Orderchamp refund carries no 'message'; write to the retailer with SEND_MESSAGE");
        }
        if (command instanceof SendMessage message && message.to() != null && message.to() != SendMessage.Recipients.BUYER) {
            problems.add("on Orderchamp the chat is with the retailer only: 'to' must be BUYER");
        }
        return problems;
    }

    /** Orderchamp documents no idempotency key; a lost answer is settled by {@link #reconcile}. */
    @Override
    public PushResult push(ChannelAccount account, DecisionTarget target, DecisionCommand command, String idempotencyKey) {
        String id = target.externalId();
        if (command instanceof SendReplacement replacement) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("id", id);
            variables.put("returnInstructions", replacement.returnInstructions());
            client.mutate(account, "send replacement", OrderchampSchema.SEND_REPLACEMENT, "orderProblemSendReplacement", variables);
            return new PushResult(IncidentStatus.WAITING_FOR_BUYER, null, "Replacement sent; the retailer marks the problem resolved");
        }
        if (command instanceof Refund) {
            client.mutate(account, "refund", OrderchampSchema.REFUND, "orderProblemRefund", Map.of("id", id));
            return new PushResult(IncidentStatus.WAITING_FOR_BUYER, null, "Refund requested; Orderchamp pays it out");
        }
        SendMessage message = (SendMessage) command;
        JsonNode payload = client.mutate(account, "contact retailer", OrderchampSchema.MESSAGE, "orderProblemMessageCreate",
                Map.of("id", id, "body", message.body()));
        return new PushResult(null, payload.path("message").path("id").asString(null), "Message sent to the retailer");
    }

    /** A solution shows as the problem leaving SUBMITTED; a message as the brand's message in the chat. */
    @Override
    public Reconciliation reconcile(ChannelAccount account, DecisionTarget target, DecisionCommand command, String idempotencyKey, Instant sentSince) {
        List<RawRecord> now = reread(account, List.of(new OpenIncidentRef(target.externalId(), target.orderId())));
        if (now.isEmpty()) {
            return Reconciliation.unknown();
        }
        JsonNode problem = OrderchampClient.JSON.readTree(now.get(0).body());
        if (command instanceof SendMessage message) {
            for (JsonNode m : problem.path("messages")) {
                if ("BRAND".equals(m.path("sender").asString("")) && message.body().equals(m.path("body").asString(""))
                        && !sentBefore(m.path("createdAt").asString(""), sentSince)) {
                    return Reconciliation.applied(new PushResult(null, m.path("id").asString(null), "Message found on Orderchamp"));
                }
            }
            return Reconciliation.notApplied();
        }
        return OrderchampSchema.SUBMITTED.equals(problem.path("status").asString("")) ? Reconciliation.notApplied()
                : Reconciliation.applied(new PushResult(IncidentStatus.WAITING_FOR_BUYER, null, "Solution found on Orderchamp"));
    }

    /** A message older than the attempt (minus a minute of clock skew) is an earlier one with the same words. */
    private static boolean sentBefore(String createdAt, Instant sentSince) {
        try {
            return !createdAt.isBlank() && OffsetDateTime.parse(createdAt).toInstant().isBefore(sentSince.minusSeconds(60));
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    private static Map<String, String> parse(String text) {
        Map<String, String> map = new HashMap<>();
        OrderchampClient.JSON.readTree(text).properties().forEach(e -> map.put(e.getKey(), e.getValue().asString()));
        return map;
    }

    private static boolean parses(String time) {
        return later(time, Instant.EPOCH.toString());
    }

    /** Whether {@code a} is after {@code b}; a time that does not parse never moves the cursor (its record is quarantined). */
    private static boolean later(String a, String b) {
        try {
            return Instant.parse(a).isAfter(Instant.parse(b));
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }
}
