package com.disputehub.channel.aliexpress;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.disputehub.channel.Capabilities.FieldSpec;
import com.disputehub.channel.Capabilities;
import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.ChannelAdapter;
import com.disputehub.channel.ChannelRejectedException;
import com.disputehub.channel.DecisionTarget;
import com.disputehub.channel.FetchResult;
import com.disputehub.channel.OptionSpec;
import com.disputehub.channel.PushResult;
import com.disputehub.channel.RawRecord;
import com.disputehub.channel.Reconciliation;
import com.disputehub.channel.command.DecisionCommand;
import com.disputehub.channel.command.DecisionType;
import com.disputehub.channel.command.Refuse;
import com.disputehub.channel.shared.aliexpress.AliExpressClient;
import com.disputehub.channel.shared.aliexpress.AliExpressJson;
import com.disputehub.incident.IncidentKind;
import com.disputehub.incident.IncidentSnapshot;
import com.disputehub.incident.IncidentStatus;
import com.disputehub.incident.OpenIncidentRef;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * AliExpress buyer disputes through the open platform's issue APIs (DOMAIN A1, A2). There is no "updated
 * since" filter: every poll scans the open disputes page by page and reads the detail of those whose
 * {@code gmt_modified} changed.
 */
@Component
class AliExpressAdapter implements ChannelAdapter {

    static final String LIST = "aliexpress.issue.issuelist.get";
    static final String DETAIL = "aliexpress.issue.detail.get";
    static final int PAGE_SIZE = 50;

    private static final Set<IncidentStatus> OPEN = Set.of(IncidentStatus.NEEDS_SELLER_ACTION, IncidentStatus.WAITING_FOR_BUYER,
            IncidentStatus.WAITING_FOR_PLATFORM, IncidentStatus.DECISION_SENT);

    private final AliExpressClient client;
    private final AliExpressDecisions decisions;

    AliExpressAdapter(AliExpressClient client, AliExpressDecisions decisions) {
        this.client = client;
        this.decisions = decisions;
    }

    @Override
    public String channelType() {
        return "aliexpress";
    }

    @Override
    public List<OptionSpec> options() {
        return AliExpressOptions.SPECS;
    }

    @Override
    public IncidentKind kind() {
        return IncidentKind.MARKETPLACE_DISPUTE;
    }

    @Override
    public String version() {
        return "aliexpress-1";
    }

    @Override
    public FetchResult fetchChanges(ChannelAccount account, String cursorText) {
        AliExpressCursor c = AliExpressCursor.parse(cursorText);
        JsonNode page = list(account, Map.of("current_page", c.page(), "page_size", PAGE_SIZE, "issue_status", "processing"));
        List<JsonNode> issues = issues(page);
        List<RawRecord> records = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        for (JsonNode issue : issues) {
            String id = issue.path("issue_id").asString("");
            String modified = issue.path("gmt_modified").asString("");
            c.listed().add(id);
            if (!id.isEmpty() && modified.equals(c.seen().get(id))) {
                unchanged.add(id);
                continue;
            }
            Read read = read(account, issue);
            records.add(read.record());
            if (read.complete()) {
                c.seen().put(id, modified); // a refused detail is asked again at the next scan
            }
        }
        long total = page.path("total_item").asLong(-1);
        boolean more = !issues.isEmpty() && (total >= 0 ? (long) c.page() * PAGE_SIZE < total : issues.size() == PAGE_SIZE);
        AliExpressCursor next = more ? new AliExpressCursor(c.page() + 1, c.seen(), c.listed()) : c.nextScan();
        return new FetchResult(records, next.text(), more, unchanged);
    }

    /** Open disputes that left the "processing" list: read again by their order, whatever their status now. */
    @Override
    public List<RawRecord> reread(ChannelAccount account, List<OpenIncidentRef> openIncidents) {
        List<RawRecord> records = new ArrayList<>();
        for (OpenIncidentRef ref : openIncidents) {
            for (JsonNode issue : issues(list(account, Map.of("current_page", 1, "page_size", PAGE_SIZE, "order_no", ref.orderId())))) {
                if (ref.externalId().equals(issue.path("issue_id").asString(""))) {
                    records.add(read(account, issue).record());
                }
            }
        }
        return records;
    }

    @Override
    public List<IncidentSnapshot> normalize(ChannelAccount account, RawRecord record) {
        return List.of(AliExpressMapper.normalize(account, record));
    }

    /** DOMAIN A4, A5: agree or refuse while the buyer's request waits; delivery fixed at any open step. */
    @Override
    public Capabilities capabilities(ChannelAccount account) {
        return new Capabilities(List.of(
                new Capabilities.DecisionSpec(DecisionType.AGREE, "Agree with the buyer's (or platform's) solution",
                        Set.of(IncidentStatus.NEEDS_SELLER_ACTION), List.of(
                        FieldSpec.optional("solutionId", "The solution to accept; by default the one waiting for you"),
                        FieldSpec.optional("returnAddressId", "Your return address id, required when the solution includes a return"))),
                new Capabilities.DecisionSpec(DecisionType.REFUSE, "Refuse with a written reason and evidence images",
                        Set.of(IncidentStatus.NEEDS_SELLER_ACTION), List.of(
                        FieldSpec.required("sellerEmail", "The e-mail of your AliExpress account"),
                        new FieldSpec("cause", true, "Always Others", List.of(new Capabilities.Option(Refuse.OTHERS, "Others"))),
                        FieldSpec.required("reason", "Why you refuse (sent as the solution's text)"),
                        FieldSpec.required("evidence", "JPEG or PNG images [{fileName, contentBase64}]"),
                        FieldSpec.optional("counterOfferAmount", "A partial refund you offer instead; 0 by default"))),
                new Capabilities.DecisionSpec(DecisionType.MARK_DELIVERY_FIXED,
                        "The customer got the right product or the refund; resolves it here, sends nothing", OPEN,
                        List.of(FieldSpec.optional("note", "What fixed it")))));
    }

    @Override
    public List<String> validate(ChannelAccount account, DecisionTarget target, DecisionCommand command) {
        return decisions.validate(account, target, command);
    }

    /** AliExpress documents no idempotency key; a lost answer is settled by {@link #reconcile}. */
    @Override
    public PushResult push(ChannelAccount account, DecisionTarget target, DecisionCommand command, String idempotencyKey) {
        return decisions.push(account, target, command);
    }

    @Override
    public Reconciliation reconcile(ChannelAccount account, DecisionTarget target, DecisionCommand command, String idempotencyKey,
                                    Instant sentSince) {
        return decisions.reconcile(account, target, command, idempotencyKey, sentSince);
    }

    private JsonNode list(ChannelAccount account, Map<String, Object> query) {
        return client.call(account, LIST, Map.of("query_dto", AliExpressJson.MAPPER.writeValueAsString(query)), true);
    }

    /** A raw record, and whether its detail could be read. */
    private record Read(RawRecord record, boolean complete) {
    }

    /** The list entry with its detail; a detail AliExpress refuses becomes a record that quarantine keeps. */
    private Read read(ChannelAccount account, JsonNode issue) {
        ObjectNode record = AliExpressJson.MAPPER.createObjectNode();
        record.set("issue", issue);
        boolean complete = true;
        try {
            JsonNode detail = client.call(account, DETAIL, Map.of("issue_id", issue.path("issue_id").asString(""),
                    "buyer_login_id", issue.path("buyer_login_id").asString("")), true);
            record.set("detail", detail.path("result_object"));
        } catch (ChannelRejectedException e) {
            record.put("detail_error", e.getMessage());
            complete = false;
        }
        return new Read(RawRecord.json("dispute " + issue.path("issue_id").asString("(no issue_id)"),
                AliExpressJson.MAPPER.writeValueAsString(record)), complete);
    }

    /** The page's disputes, oldest first (DOMAIN A1: chronological order). */
    private static List<JsonNode> issues(JsonNode page) {
        List<JsonNode> issues = new ArrayList<>();
        page.path("data_list").path("issue_api_issue_dto").forEach(issues::add);
        issues.sort(Comparator.comparing(i -> i.path("gmt_create").asString("")));
        return issues;
    }
}
