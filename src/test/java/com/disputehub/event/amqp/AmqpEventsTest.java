package com.disputehub.event.amqp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AnonymousQueue;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;

import com.disputehub.event.EventLog;
import com.disputehub.support.SandboxTest;

/**
 * Events to RabbitMQ as an ERP consumes them (DOMAIN X7): a queue bound to the durable topic exchange receives every
 * event of a scripted scenario exactly once after de-duplication by message id, while the connector's broker
 * connection is dropped again and again.
 */
class AmqpEventsTest extends SandboxTest {

    static final String DEMO = "demo-mirakl-es";

    @BeforeAll
    static void broker() throws Exception {
        Process start = new ProcessBuilder("bash", ".ci/start-rabbitmq").inheritIO().start();
        assertThat(start.waitFor()).as(".ci/start-rabbitmq: RabbitMQ on 127.0.0.1:5672").isZero();
    }

    @Autowired
    EventLog log;
    @Autowired
    CachingConnectionFactory connector;

    @Test
    @DisplayName("X7: a bound queue gets every event of a sync and a refund once after de-duplication, across dropped connections")
    void everyEventOnceAcrossDroppedConnections() throws Exception {
        CachingConnectionFactory erpConnection = new CachingConnectionFactory("127.0.0.1", 5672);
        erpConnection.setUsername("guest");
        erpConnection.setPassword("guest");
        try {
            RabbitAdmin admin = new RabbitAdmin(erpConnection);
            Queue queue = new AnonymousQueue();
            admin.declareQueue(queue);
            TopicExchange exchange = new TopicExchange("disputehub.events", true, false);
            admin.declareExchange(exchange);
            admin.declareBinding(BindingBuilder.bind(queue).to(exchange).with("#"));
            long start = log.last();

            AtomicBoolean dropping = new AtomicBoolean(true);
            Thread dropper = new Thread(() -> {
                while (dropping.get()) {
                    connector.resetConnection();
                    sleep(150);
                }
            });
            dropper.start();
            poll(DEMO);
            String id = api.get("/api/incidents?account=" + DEMO + "&status=NEEDS_SELLER_ACTION&amountMax=40").body().at("/items/0/id").asString();
            decisions.decide(id, "{\"type\":\"REFUND\",\"mode\":\"TOTAL\",\"reasonCode\":\"20\"}");
            poll(DEMO);
            dropping.set(false);
            dropper.join();

            List<String> expected = new ArrayList<>();
            api.get("/api/events?limit=1000&after=" + start).body().get("events").forEach(e -> expected.add(e.get("id").asString()));
            assertThat(expected).isNotEmpty();
            RabbitTemplate erp = new RabbitTemplate(erpConnection);
            Map<String, Message> received = new HashMap<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (Message m = erp.receive(queue.getName()); m != null; m = erp.receive(queue.getName())) {
                    received.putIfAbsent(m.getMessageProperties().getMessageId(), m);
                }
                return received.keySet().containsAll(expected);
            });

            assertThat(received.keySet()).containsAll(expected);
            Message sent = received.values().stream().filter(m -> "decision.sent".equals(m.getMessageProperties().getType()))
                    .findFirst().orElseThrow();
            assertThat(sent.getMessageProperties().getReceivedRoutingKey()).isEqualTo("decision.sent.mirakl." + DEMO);
            assertThat(sent.getMessageProperties().getReceivedDeliveryMode())
                    .isEqualTo(org.springframework.amqp.core.MessageDeliveryMode.PERSISTENT);
            assertThat(new String(sent.getBody(), java.nio.charset.StandardCharsets.UTF_8)).contains("\"incidentId\":\"" + id + "\"");
            assertThat(admin.getQueueProperties("disputehub.events")).as("the exchange, not a queue, is what the connector owns").isNull();
        } finally {
            erpConnection.destroy();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
