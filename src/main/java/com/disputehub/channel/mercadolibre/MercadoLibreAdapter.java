package com.disputehub.channel.mercadolibre;

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
 * Mercado Libre's claims (Spanish- and Portuguese-speaking buyers) through the post-purchase claims API: the
 * seller's open claims, searched as respondent by user id and paged by offset, each with its messages and, when
 * the seller may offer one, the partial-refund offers; claims that closed are seen by reading them again.
 */
@Component
class MercadoLibreAdapter implements ChannelAdapter {

    private final MercadoLibreClient client;
    private final MercadoLibreDecisions decisions;

    MercadoLibreAdapter(MercadoLibreClient client, MercadoLibreDecisions decisions) {
        this.client = client;
        this.decisions = decisions;
    }

    @Override
    public String channelType() {
        return "mercadolibre";
    }

    @Override
    public IncidentKind kind() {
        return IncidentKind.MARKETPLACE_DISPUTE;
    }

    @Override
    public String version() {
        return "mercadolibre-claims-1";
    }

    /** Mercado Libre answers 429 too_many_requests above its per-application quota; 5 a second stays well under it. */
    @Override
    public Optional<RateLimit> rateLimit() {
        return Optional.of(RateLimit.perSecond(5));
    }

    @Override
    public List<OptionSpec> options() {
        return MercadoLibreOptions.SPECS;
    }

    /** Cursor: {@code {"offset": n}} within the pass over open claims; empty after the last page. */
    @Override
    public FetchResult fetchChanges(ChannelAccount account, String cursorText) {
        int offset = cursorText == null || cursorText.isBlank() ? 0
                : MercadoLibreClient.JSON.readTree(cursorText).path("offset").asInt(0);
        int limit = MercadoLibreOptions.of(account).pageSize();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("players.role", "respondent");
        query.put("players.user_id", MercadoLibreOptions.of(account).userId());
        query.put("status", "opened");
        query.put("offset", String.valueOf(offset));
        query.put("limit", String.valueOf(limit));
        JsonNode page = client.get(account, "claims search", MercadoLibreClient.CLAIMS + "/search", query);
        List<RawRecord> records = new ArrayList<>();
        for (JsonNode claim : page.path("data")) {
            records.add(record(account, claim));
        }
        long total = page.path("paging").path("total").asLong(0);
        boolean more = !records.isEmpty() && offset + limit < total;
        return new FetchResult(records, more ? "{\"offset\":" + (offset + limit) + "}" : "{}", more);
    }

    @Override
    public List<RawRecord> reread(ChannelAccount account, List<OpenIncidentRef> openIncidents) {
        List<RawRecord> records = new ArrayList<>();
        for (OpenIncidentRef ref : openIncidents) {
            claim(account, ref.externalId()).ifPresent(records::add);
        }
        return records;
    }

    /** One claim read again with its messages and offers; empty when Mercado Libre no longer has it. */
    Optional<RawRecord> claim(ChannelAccount account, String id) {
        try {
            return Optional.of(record(account, client.get(account, "claim " + id, MercadoLibreClient.CLAIMS + "/" + id, Map.of())));
        } catch (ChannelRejectedException e) {
            if (e.httpStatus() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public List<IncidentSnapshot> normalize(ChannelAccount account, RawRecord record) {
        return List.of(MercadoLibreMapper.normalize(account, record));
    }

    @Override
    public Capabilities capabilities(ChannelAccount account) {
        return MercadoLibreDecisions.ALL;
    }

    @Override
    public Capabilities capabilities(ChannelAccount account, DecisionTarget target) {
        return MercadoLibreDecisions.of(target);
    }

    @Override
    public List<String> validate(ChannelAccount account, DecisionTarget target, DecisionCommand command) {
        return decisions.validate(target, command);
    }

    /** Mercado Libre documents no idempotency key; each action is offered once, which {@link #reconcile} reads. */
    @Override
    public PushResult push(ChannelAccount account, DecisionTarget target, DecisionCommand command, String idempotencyKey) {
        return decisions.push(account, target, command);
    }

    @Override
    public Reconciliation reconcile(ChannelAccount account, DecisionTarget target, DecisionCommand command, String idempotencyKey,
                                    Instant sentSince) {
        return decisions.reconcile(account, command, claim(account, target.externalId()));
    }

    /**
     * A read that completes a claim; Mercado Libre refusing it (a 4xx: a claim without messages yet, offers no
     * longer open) leaves the claim as it is rather than failing the page. Transient failures still fail it.
     */
    private Optional<JsonNode> optional(ChannelAccount account, String what, String path) {
        try {
            return Optional.of(client.get(account, what, path, Map.of()));
        } catch (ChannelRejectedException e) {
            return Optional.empty();
        }
    }

    /** The claim with its messages, and the partial-refund offers when the seller may make one. */
    private RawRecord record(ChannelAccount account, JsonNode claim) {
        String id = claim.path("id").asString("");
        ObjectNode record = MercadoLibreClient.JSON.createObjectNode();
        record.set("claim", claim);
        if (!id.isBlank()) {
            String base = MercadoLibreClient.CLAIMS + "/" + id;
            optional(account, "claim " + id + " messages", base + "/messages").ifPresent(m -> record.set("messages", m));
            if (MercadoLibreMapper.sellerActions(claim).contains(MercadoLibreDecisions.PARTIAL)) {
                optional(account, "claim " + id + " offers", base + MercadoLibreUnconfirmed.OFFERS).ifPresent(o -> record.set("offers", o));
            }
        }
        return RawRecord.json("claim " + (id.isBlank() ? "(no id)" : id), MercadoLibreClient.JSON.writeValueAsString(record));
    }
}
