package com.disputehub.channel.ebay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.disputehub.channel.Capabilities;
import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.ChannelAdapter;
import com.disputehub.channel.ChannelRejectedException;
import com.disputehub.channel.DecisionTarget;
import com.disputehub.channel.FetchResult;
import com.disputehub.channel.OptionSpec;
import com.disputehub.channel.PushResult;
import com.disputehub.channel.RateLimit;
import com.disputehub.channel.RawRecord;
import com.disputehub.channel.Reconciliation;
import com.disputehub.channel.command.DecisionCommand;
import com.disputehub.incident.IncidentKind;
import com.disputehub.incident.IncidentSnapshot;
import com.disputehub.incident.OpenIncidentRef;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * eBay's post-order disputes through the Post-Order API v2: item-not-received inquiries, return requests and
 * cases. Each pass lists the three kinds in turn, page by page ({@code offset}/{@code limit}), created within
 * {@code options.lookback-days}; open incidents older than that are read again by their detail, with its history.
 */
@Component
class EbayAdapter implements ChannelAdapter {

    private final EbayClient client;
    private final EbayDecisions decisions;
    private final Clock clock;

    EbayAdapter(EbayClient client, EbayDecisions decisions, Clock clock) {
        this.client = client;
        this.decisions = decisions;
        this.clock = clock;
    }

    @Override
    public String channelType() {
        return "ebay";
    }

    @Override
    public IncidentKind kind() {
        return IncidentKind.MARKETPLACE_DISPUTE;
    }

    @Override
    public String version() {
        return "ebay-post-order-2";
    }

    /** eBay publishes daily call limits per application; 5 a second keeps a seller's account well under them. */
    @Override
    public Optional<RateLimit> rateLimit() {
        return Optional.of(RateLimit.perSecond(5));
    }

    @Override
    public List<OptionSpec> options() {
        return EbayOptions.SPECS;
    }

    @Override
    public List<String> optionProblems(ChannelAccount account) {
        return EbayOptions.problems(account);
    }

    /** Cursor: {@code {"kind": <inquiry|return|case>, "offset": n, "since": <creation date from, fixed for the pass>}}. */
    @Override
    public FetchResult fetchChanges(ChannelAccount account, String cursorText) {
        Map<String, String> cursor = cursorText == null ? Map.of() : parse(cursorText);
        EbayOptions options = EbayOptions.of(account);
        EbayKind kind = cursor.containsKey("kind") ? EbayKind.of(cursor.get("kind")) : EbayKind.INQUIRY;
        int offset = Integer.parseInt(cursor.getOrDefault("offset", "0"));
        String since = cursor.getOrDefault("since",
                clock.instant().minus(Duration.ofDays(options.lookbackDays())).truncatedTo(ChronoUnit.SECONDS).toString());
        int limit = options.pageSize();
        Map<String, String> query = new HashMap<>();
        query.put(kind.createdFrom, since);
        query.put("limit", String.valueOf(limit));
        query.put("offset", String.valueOf(offset));
        JsonNode page = client.get(account, kind.wireName() + " search", kind.path + "/search", query);
        List<RawRecord> records = new ArrayList<>();
        for (JsonNode member : page.path("members")) {
            records.add(record(kind, member));
        }
        JsonNode paging = page.path("paginationOutput");
        // offset counts entries to skip (eBay's PaginationOutput): the next page starts a limit further
        boolean moreOfKind = !records.isEmpty() && (paging.hasNonNull("totalEntries")
                ? offset + limit < paging.get("totalEntries").asLong() : records.size() >= limit);
        Map<String, String> next = new HashMap<>();
        if (moreOfKind) {
            next.put("kind", kind.wireName());
            next.put("offset", String.valueOf(offset + limit));
            next.put("since", since);
        } else if (kind.ordinal() + 1 < EbayKind.values().length) {
            next.put("kind", EbayKind.values()[kind.ordinal() + 1].wireName());
            next.put("offset", "0");
            next.put("since", since);
        }
        // after the last kind the cursor is empty: the next pass starts again, with a new 'since'
        return new FetchResult(records, EbayClient.JSON.writeValueAsString(next), !next.isEmpty());
    }

    /** Each open incident's detail: GET inquiry/{id}, return/{id} (its summary) and casemanagement/{id}. */
    @Override
    public List<RawRecord> reread(ChannelAccount account, List<OpenIncidentRef> openIncidents) {
        List<RawRecord> records = new ArrayList<>();
        for (OpenIncidentRef ref : openIncidents) {
            detail(account, ref.externalId()).ifPresent(records::add);
        }
        return records;
    }

    /** One incident's record read again by its detail; empty when eBay no longer has it (404). */
    Optional<RawRecord> detail(ChannelAccount account, String externalId) {
        EbayKind kind = EbayKind.ofExternalId(externalId);
        String id = EbayKind.idOf(externalId);
        JsonNode detail;
        try {
            // a return's state is in its summary (fieldgroups=SUMMARY); its history in the detail (the default, FULL)
            detail = client.get(account, kind.wireName() + " " + id, kind.path + "/" + id,
                    kind == EbayKind.RETURN ? Map.of("fieldgroups", "SUMMARY") : Map.of());
        } catch (ChannelRejectedException e) {
            if (e.httpStatus() == 404) {
                return Optional.empty();
            }
            throw e;
        }
        if (kind == EbayKind.RETURN) {
            ObjectNode merged = detail.path("summary").isObject() ? ((ObjectNode) detail.get("summary")).deepCopy()
                    : EbayClient.JSON.createObjectNode();
            if (!merged.has("returnId")) {
                merged.put("returnId", id);
            }
            merged.set("responseHistory", returnHistory(account, id));
            return Optional.of(record(kind, merged));
        }
        return Optional.of(record(kind, detail));
    }

    /** A return's history ({@code detail.responseHistory} of the full detail); empty when eBay does not give it. */
    private JsonNode returnHistory(ChannelAccount account, String id) {
        try {
            return client.get(account, "return " + id + " detail", EbayKind.RETURN.path + "/" + id, Map.of())
                    .path("detail").path("responseHistory");
        } catch (ChannelRejectedException e) {
            return EbayClient.JSON.createArrayNode();
        }
    }

    @Override
    public List<IncidentSnapshot> normalize(ChannelAccount account, RawRecord record) {
        return List.of(EbayMapper.normalize(account, record));
    }

    @Override
    public Capabilities capabilities(ChannelAccount account) {
        return EbayDecisions.ALL;
    }

    @Override
    public Capabilities capabilities(ChannelAccount account, DecisionTarget target) {
        return EbayDecisions.of(EbayKind.ofExternalId(target.externalId()));
    }

    @Override
    public List<String> validate(ChannelAccount account, DecisionTarget target, DecisionCommand command) {
        return decisions.validate(account, target, command);
    }

    /** eBay documents no idempotency key; a lost answer is settled by {@link #reconcile}. */
    @Override
    public PushResult push(ChannelAccount account, DecisionTarget target, DecisionCommand command, String idempotencyKey) {
        return decisions.push(account, target, command);
    }

    @Override
    public Reconciliation reconcile(ChannelAccount account, DecisionTarget target, DecisionCommand command, String idempotencyKey,
                                    Instant sentSince) {
        return decisions.reconcile(account, target, command, detail(account, target.externalId()));
    }

    private static RawRecord record(EbayKind kind, JsonNode data) {
        ObjectNode record = EbayClient.JSON.createObjectNode();
        record.put("kind", kind.wireName());
        record.set("data", data);
        return RawRecord.json(kind.wireName() + " " + data.path(kind.idField).asString("(no id)"), EbayClient.JSON.writeValueAsString(record));
    }

    private static Map<String, String> parse(String text) {
        Map<String, String> map = new HashMap<>();
        EbayClient.JSON.readTree(text).properties().forEach(e -> map.put(e.getKey(), e.getValue().asString()));
        return map;
    }
}
