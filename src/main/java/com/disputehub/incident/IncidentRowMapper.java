package com.disputehub.incident;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** Reads an {@link Incident} from a row of the incident table. */
final class IncidentRowMapper implements RowMapper<Incident> {

    /**
     * What a list reads: every column this mapper reads but the raw payload, which only an incident's own page shows
     * (a page of 50 never carries 50 payloads; {@link Incident#rawPayload()} is null in a list).
     */
    static final String LIST_COLUMNS = """
            id, channel_type, account_id, kind, external_id, order_id, order_line_ids, skus, product_title, product_image_url,
            buyer_name, reason, raw_reason_code, raw_reason_label, status, channel_status, raw_status, action_owner,
            requested_refund_amount, requested_refund_currency, product_value_amount, product_value_currency, respond_by,
            opened_at, channel_updated_at, messages, evidence, flags, channel_details, adapter_version, created_at,
            updated_at, null::text as raw_payload""";

    private static final TypeReference<List<IncidentMessage>> MESSAGES = new TypeReference<>() { };
    private static final TypeReference<List<Evidence>> EVIDENCE = new TypeReference<>() { };

    private final ObjectMapper json;

    IncidentRowMapper(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public Incident mapRow(ResultSet rs, int rowNum) throws SQLException {
        return new Incident(
                rs.getObject("id", UUID.class),
                rs.getString("channel_type"),
                rs.getString("account_id"),
                IncidentKind.valueOf(rs.getString("kind")),
                rs.getString("external_id"),
                rs.getString("order_id"),
                strings(rs.getArray("order_line_ids")),
                strings(rs.getArray("skus")),
                rs.getString("product_title"),
                rs.getString("product_image_url"),
                rs.getString("buyer_name"),
                new Reason(ReasonCategory.valueOf(rs.getString("reason")), rs.getString("raw_reason_code"),
                        rs.getString("raw_reason_label")),
                IncidentStatus.valueOf(rs.getString("status")),
                IncidentStatus.valueOf(rs.getString("channel_status")),
                rs.getString("raw_status"),
                ActionOwner.valueOf(rs.getString("action_owner")),
                money(rs, "requested_refund"),
                money(rs, "product_value"),
                instant(rs, "respond_by"),
                instant(rs, "opened_at"),
                instant(rs, "channel_updated_at"),
                json.readValue(rs.getString("messages"), MESSAGES),
                json.readValue(rs.getString("evidence"), EVIDENCE),
                strings(rs.getArray("flags")),
                json.readValue(rs.getString("channel_details"), ChannelDetails.class),
                rs.getString("raw_payload"),
                rs.getString("adapter_version"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Money money(ResultSet rs, String prefix) throws SQLException {
        BigDecimal amount = rs.getBigDecimal(prefix + "_amount");
        return amount == null ? null : new Money(amount, rs.getString(prefix + "_currency"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
