package com.disputehub.channel.allegro;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * Allegro's post-purchase issues (Polish buyers) through {@code /sale/issues}, the successor of the removed
 * {@code /sale/disputes}: the open disputes and claims paged by offset (newest first), each with its chat; issues
 * that left the open statuses are read again by id. Refunds go through {@code POST /payments/refunds}.
 */
@Component
class AllegroAdapter implements ChannelAdapter {

    static final List<String> OPEN_STATUSES = List.of("DISPUTE_ONGOING", "DISPUTE_UNRESOLVED", "CLAIM_SUBMITTED");

    private final AllegroClient client;
    private final AllegroDecisions decisions;

    AllegroAdapter(AllegroClient client, AllegroDecisions decisions) {
        this.client = client;
        this.decisions = decisions;
    }

    @Override
    public String channelType() {
        return "allegro";
    }

    @Override
    public IncidentKind kind() {
        return IncidentKind.MARKETPLACE_DISPUTE;
    }

    @Override
    public String version() {
        return "allegro-issues-1";
    }

    /** Allegro limits calls per client id (9,000 a minute); 10 a second per account stays well inside. */
    @Override
    public Optional<RateLimit> rateLimit() {
        return Optional.of(RateLimit.perSecond(10));
    }

    @Override
    public List<OptionSpec> options() {
        return AllegroOptions.SPECS;
    }

    /** Cursor: {@code {"offset": n}} within the pass over open issues; empty after the last page. */
    @Override
    public FetchResult fetchChanges(ChannelAccount account, String cursorText) {
        int offset = cursorText == null || cursorText.isBlank() ? 0 : AllegroClient.JSON.readTree(cursorText).path("offset").asInt(0);
        int limit = AllegroOptions.of(account).pageSize();
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("status", OPEN_STATUSES);
        query.put("offset", String.valueOf(offset));
        query.put("limit", String.valueOf(limit));
        JsonNode page = client.get(account, "issues", "/sale/issues", query, AllegroClient.BETA);
        List<RawRecord> records = new ArrayList<>();
        for (JsonNode issue : page.path("issues")) {
            records.add(record(account, issue));
        }
        boolean more = AllegroUnconfirmed.morePages(records.size(), limit);
        return new FetchResult(records, more ? "{\"offset\":" + (offset + limit) + "}" : "{}", more);
    }

    @Override
    public List<RawRecord> reread(ChannelAccount account, List<OpenIncidentRef> openIncidents) {
        List<RawRecord> records = new ArrayList<>();
        for (OpenIncidentRef ref : openIncidents) {
            issue(account, ref.externalId()).ifPresent(issue -> records.add(record(account, issue)));
        }
        return records;
    }

    private Optional<JsonNode> issue(ChannelAccount account, String id) {
        try {
            return Optional.of(client.get(account, "issue " + id, "/sale/issues/" + id, Map.of(), AllegroClient.BETA));
        } catch (ChannelRejectedException e) {
            if (e.httpStatus() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public List<IncidentSnapshot> normalize(ChannelAccount account, RawRecord record) {
        return List.of(AllegroMapper.normalize(account, record));
    }

    @Override
    public Capabilities capabilities(ChannelAccount account) {
        return AllegroDecisions.ALL;
    }

    @Override
    public Capabilities capabilities(ChannelAccount account, DecisionTarget target) {
        return AllegroDecisions.of(target);
    }

    @Override
    public List<String> validate(ChannelAccount account, DecisionTarget target, DecisionCommand command) {
        return decisions.validate(target, command);
    }

    /** The decision's id goes to Allegro as a refund's commandId: a repeated refund is taken once. */
    @Override
    public PushResult push(ChannelAccount account, DecisionTarget target, DecisionCommand command, String idempotencyKey) {
        return decisions.push(account, target, command, idempotencyKey);
    }

    @Override
    public Reconciliation reconcile(ChannelAccount account, DecisionTarget target, DecisionCommand command, String idempotencyKey,
                                    Instant sentSince) {
        return decisions.reconcile(account, target, command, sentSince, issue(account, target.externalId()));
    }

    /** The issue with its chat (the latest 100 messages). */
    private RawRecord record(ChannelAccount account, JsonNode issue) {
        String id = issue.path("id").asString("");
        ObjectNode record = AllegroClient.JSON.createObjectNode();
        record.set("issue", issue);
        if (!id.isBlank()) {
            try {
                record.set("chat", client.get(account, "issue " + id + " chat", "/sale/issues/" + id + "/chat", Map.of("limit", "100"),
                        AllegroClient.BETA).path("chat"));
            } catch (ChannelRejectedException e) {
                // a chat Allegro refuses (403, 404) leaves the issue without its messages rather than failing the page
            }
        }
        return RawRecord.json("issue " + (id.isBlank() ? "(no id)" : id), AllegroClient.JSON.writeValueAsString(record));
    }
}
