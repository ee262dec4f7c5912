package com.disputehub.event.amqp;

import java.util.List;
import java.util.Locale;

import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.support.AmqpHeaders;
import org.springframework.integration.amqp.outbound.AmqpOutboundEndpoint;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.messaging.Message;
import org.springframework.transaction.support.TransactionTemplate;

import com.disputehub.event.Event;
import com.disputehub.event.EventLog;

import tools.jackson.databind.ObjectMapper;

/**
 * Publishes the event stream to the topic exchange in commit order, one event at a time, each waited for until the
 * broker confirms it; the cursor moves only past confirmed events, so an unconfirmed publish (a dropped connection,
 * a nack) is sent again on the next poll, never lost. Consumers de-duplicate by the message id, the event's id.
 * The cursor row is locked while a batch is published, so that instances take turns.
 */
class AmqpEventPublisher {

    static final String CURSOR = "amqp";
    /** The header the endpoint takes the routing key from; not sent to the broker. */
    static final String ROUTING_KEY = "disputehub_routingKey";

    private final AmqpOutboundEndpoint endpoint;
    private final EventLog events;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ObjectMapper json;
    private final int batchSize;

    AmqpEventPublisher(AmqpOutboundEndpoint endpoint, EventLog events, JdbcClient jdbc, TransactionTemplate tx,
                       ObjectMapper json, int batchSize) {
        this.endpoint = endpoint;
        this.events = events;
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
        this.batchSize = batchSize;
    }

    /** The routing key {@code <event type>.<channel>.<account>}; "none" where the event has no channel or account. */
    static String routingKey(Event event) {
        return event.type() + "." + segment(event.channel()) + "." + segment(event.account());
    }

    private static String segment(String value) {
        return value == null || value.isBlank() ? "none" : value.toLowerCase(Locale.ROOT).replace('.', '_');
    }

    /** Publishes what is new; answers how many events the broker confirmed. */
    int publishNew() {
        events.sequence();
        jdbc.sql("insert into event_cursor (name, seq) values (?, (select coalesce(max(seq), 0) from event)) on conflict do nothing")
                .param(CURSOR).update();
        RuntimeException[] failure = new RuntimeException[1];
        Integer published = tx.execute(status -> {
            Long cursor = jdbc.sql("select seq from event_cursor where name = ? for update skip locked").param(CURSOR)
                    .query(Long.class).optional().orElse(null);
            if (cursor == null) {
                return 0;
            }
            int confirmed = 0;
            for (Event event : events.after(cursor, List.of(), null, batchSize)) {
                try {
                    endpoint.handleMessage(message(event));
                } catch (RuntimeException e) {
                    failure[0] = e;
                    break;
                }
                confirmed++;
                cursor = event.sequence();
            }
            jdbc.sql("update event_cursor set seq = ? where name = ?").params(cursor, CURSOR).update();
            return confirmed;
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        return published == null ? 0 : published;
    }

    private Message<byte[]> message(Event event) {
        return MessageBuilder.withPayload(json.writeValueAsBytes(event))
                .setHeader(AmqpHeaders.MESSAGE_ID, event.id().toString())
                .setHeader(AmqpHeaders.CONTENT_TYPE, "application/json")
                .setHeader(AmqpHeaders.TYPE, event.type())
                .setHeader(AmqpHeaders.DELIVERY_MODE, MessageDeliveryMode.PERSISTENT)
                .setHeader(ROUTING_KEY, routingKey(event))
                .setHeader("disputehub-sequence", event.sequence())
                .build();
    }
}
