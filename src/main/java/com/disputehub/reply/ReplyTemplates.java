package com.disputehub.reply;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.disputehub.channel.command.DecisionCommand;
import com.disputehub.channel.command.DecisionType;
import com.disputehub.channel.runtime.ChannelAdapters;
import com.disputehub.database.Sql;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** Stores saved replies; a name is unique whatever its case, decided by the database. */
@Repository
public class ReplyTemplates {

    private static final TypeReference<Map<String, Map<String, String>>> TEXTS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final ChannelAdapters adapters;
    private final Clock clock;

    ReplyTemplates(JdbcClient jdbc, ObjectMapper json, ChannelAdapters adapters, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.adapters = adapters;
        this.clock = clock;
    }

    /** Every template, by name; for one decision type and channel (the channel's own and those for any) when given. */
    public List<ReplyTemplate> list(DecisionType type, String channel) {
        StringBuilder sql = new StringBuilder("select * from reply_template where true");
        List<Object> params = new ArrayList<>();
        if (type != null) {
            sql.append(" and decision_type = ?");
            params.add(type.name());
        }
        if (channel != null) {
            sql.append(" and (channel is null or channel = ?)");
            params.add(channel);
        }
        return jdbc.sql(sql.append(" order by lower(name)").toString()).params(params).query(this::row).list();
    }

    public Optional<ReplyTemplate> find(UUID id) {
        return jdbc.sql("select * from reply_template where id = ?").param(id).query(this::row).optional();
    }

    public ReplyTemplate create(ReplyTemplateRequest request, String actor) {
        ReplyTemplateRequest.Checked t = check(request);
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("""
                    insert into reply_template (id, name, channel, decision_type, texts, created_by, created_at, updated_by, updated_at)
                    values (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)
                    """).params(id, t.name(), t.channel(), t.type().name(), json.writeValueAsString(t.texts()), actor,
                    Sql.ts(clock.instant()), actor, Sql.ts(clock.instant())).update();
        } catch (DuplicateKeyException e) {
            throw taken(t.name());
        }
        return find(id).orElseThrow();
    }

    /** Replaces a template's name, channel, type and texts; empty when there is none with this id. */
    public Optional<ReplyTemplate> update(UUID id, ReplyTemplateRequest request, String actor) {
        ReplyTemplateRequest.Checked t = check(request);
        try {
            int updated = jdbc.sql("""
                    update reply_template set name = ?, channel = ?, decision_type = ?, texts = ?::jsonb, updated_by = ?, updated_at = ?
                    where id = ?
                    """).params(t.name(), t.channel(), t.type().name(), json.writeValueAsString(t.texts()), actor,
                    Sql.ts(clock.instant()), id).update();
            return updated == 0 ? Optional.empty() : find(id);
        } catch (DuplicateKeyException e) {
            throw taken(t.name());
        }
    }

    public boolean delete(UUID id) {
        return jdbc.sql("delete from reply_template where id = ?").param(id).update() > 0;
    }

    /** Creates the template unless one has its name already (the demo's, at each start). */
    public void createIfAbsent(ReplyTemplateRequest request, String actor) {
        ReplyTemplateRequest.Checked t = check(request);
        jdbc.sql("""
                insert into reply_template (id, name, channel, decision_type, texts, created_by, created_at, updated_by, updated_at)
                values (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?) on conflict do nothing
                """).params(UUID.randomUUID(), t.name(), t.channel(), t.type().name(), json.writeValueAsString(t.texts()), actor,
                Sql.ts(clock.instant()), actor, Sql.ts(clock.instant())).update();
    }

    /** The free-text fields of a decision type (a message's body and subject...), the only ones a template fills. */
    public Set<String> textFields(DecisionType type) {
        return json.treeToValue(json.createObjectNode().put("type", type.name()), DecisionCommand.class).textFields();
    }

    private ReplyTemplateRequest.Checked check(ReplyTemplateRequest request) {
        if (request == null) {
            throw new IllegalArgumentException("a template needs a name, a type and its texts");
        }
        return request.check(adapters.channelTypes(), this::textFields);
    }

    private static IllegalStateException taken(String name) {
        return new IllegalStateException("a template named '" + name + "' exists already");
    }

    private ReplyTemplate row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Map<String, Map<String, String>> texts = new LinkedHashMap<>(json.readValue(rs.getString("texts"), TEXTS));
        return new ReplyTemplate(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("channel"),
                DecisionType.valueOf(rs.getString("decision_type")), texts, rs.getString("updated_by"),
                rs.getTimestamp("updated_at").toInstant());
    }
}
