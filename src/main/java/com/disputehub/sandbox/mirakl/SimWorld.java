package com.disputehub.sandbox.mirakl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The simulated Spanish marketplace: a few dozen orders with incidents, created from a fixed seed and dated
 * from the start of the current day, so that a restart the same day shows the same marketplace; and a
 * {@link #tick()} that makes it change as a real one does. Its state lives in memory: decisions applied to it
 * are forgotten on restart.
 */
class SimWorld {

    private static final BigDecimal VAT = new BigDecimal("0.21");
    /** RE01's "Artículo recibido dañado". */
    private static final String DAMAGED = "2";

    private final Clock clock;
    private final Random random;
    private final Map<String, SimModel.Order> orders = new LinkedHashMap<>();
    /** The order of each line: a decision names a line, and thousands of orders are not scanned for it. */
    private final Map<String, SimModel.Order> orderOfLine = new java.util.HashMap<>();
    private final Map<String, SimModel.Thread> threads = new LinkedHashMap<>();
    /** The messages' files by attachment id (M13). */
    private final Map<String, byte[]> attachments = new LinkedHashMap<>();
    private int nextOrder = 1;
    private int nextThread = 1;
    private int nextMessage = 1;
    private final Duration buyerAnswerDelay;
    /** Threads whose buyer will answer the shop's last message, and when. */
    private final Map<String, Instant> answersDue = new LinkedHashMap<>();
    BigDecimal payableBalance;

    SimWorld(Clock clock, long seed, int initialOrders, BigDecimal payableBalance, Duration buyerAnswerDelay) {
        this.clock = clock;
        this.random = new Random(seed);
        this.payableBalance = payableBalance;
        this.buyerAnswerDelay = buyerAnswerDelay;
        Instant now = clock.instant().truncatedTo(ChronoUnit.DAYS);
        for (int i = 0; i < initialOrders; i++) {
            Instant openedAt = now.minus(Duration.ofMinutes(30L + random.nextInt(60 * 24 * 9)));
            openIncidentOrder(openedAt, i % 7 == 0 ? 2 : 1);
        }
        // Some conversations are further along: the shop answered, or the operator stepped in.
        List<SimModel.Thread> all = new ArrayList<>(threads.values());
        for (int i = 0; i < all.size(); i += 4) {
            SimModel.Thread t = all.get(i);
            addMessage(t, participant("SHOP_USER", "Tienda Demo"), List.of(participant("CUSTOMER", null)),
                    "Hola, sentimos las molestias. Estamos revisando el caso con el transportista y le respondemos hoy mismo.",
                    t.dateCreated.plus(Duration.ofHours(3)));
        }
        for (int i = 2; i < all.size(); i += 9) {
            SimModel.Thread t = all.get(i);
            addMessage(t, participant("OPERATOR_USER", "Operador"), List.of(participant("SHOP", null)),
                    SimCatalog.OPERATOR_MESSAGES.get(0), t.dateCreated.plus(Duration.ofHours(20)));
        }
    }

    /** The shop wrote to the customer: as buyers often do, this one answers within seconds (DOMAIN M1). */
    synchronized void buyerWillAnswer(SimModel.Thread thread, Instant written) {
        if (!buyerAnswerDelay.isZero() && !buyerAnswerDelay.isNegative()) {
            answersDue.put(thread.id, written.plus(buyerAnswerDelay));
        }
    }

    /** The answers whose time has come, written as the marketplace is read. */
    private void deliverDueAnswers() {
        Instant now = clock.instant();
        answersDue.entrySet().removeIf(due -> {
            if (due.getValue().isAfter(now)) {
                return false;
            }
            SimModel.Thread thread = threads.get(due.getKey());
            if (thread != null) {
                addMessage(thread, customerOf(thread), List.of(participant("SHOP", null)),
                        SimCatalog.CUSTOMER_FOLLOW_UPS.get(random.nextInt(SimCatalog.CUSTOMER_FOLLOW_UPS.size())), due.getValue());
            }
            return true;
        });
    }

    synchronized List<SimModel.Order> orders() {
        deliverDueAnswers();
        return orders.values().stream().sorted(Comparator.comparing((SimModel.Order o) -> o.createdDate)
                .thenComparing(o -> o.orderId)).toList();
    }

    synchronized List<SimModel.Thread> threads() {
        deliverDueAnswers();
        return threads.values().stream().sorted(Comparator.comparing((SimModel.Thread t) -> t.dateUpdated)
                .thenComparing(t -> t.id)).toList();
    }

    synchronized Optional<SimModel.Order> order(String id) {
        deliverDueAnswers();
        return Optional.ofNullable(orders.get(id));
    }

    /** The order holding the line of this id. */
    synchronized Optional<SimModel.Order> orderOfLine(String lineId) {
        return Optional.ofNullable(orderOfLine.get(lineId));
    }

    synchronized Optional<byte[]> attachment(String id) {
        return Optional.ofNullable(attachments.get(id));
    }

    synchronized Optional<SimModel.Thread> thread(String id) {
        deliverDueAnswers();
        return Optional.ofNullable(threads.get(id));
    }

    /** One step of marketplace life: a new incident, a customer writing, or the operator closing a resolved one. */
    synchronized void tick() {
        Instant now = clock.instant();
        for (SimModel.Order order : orders.values()) {
            for (SimModel.Line line : order.orderLines) {
                if (line.resolvedByShopAt != null && "INCIDENT_OPEN".equals(line.orderLineState)) {
                    closeByOperator(order, line, now);
                    return;
                }
            }
        }
        int roll = random.nextInt(10);
        if (roll < 4) {
            openIncidentOrder(now, 1);
        } else if (roll < 8) {
            threads.values().stream()
                    .filter(t -> !t.messages.isEmpty() && t.messages.get(t.messages.size() - 1).from().type().startsWith("SHOP"))
                    .findFirst()
                    .ifPresent(t -> addMessage(t, customerOf(t), List.of(participant("SHOP", null)),
                            SimCatalog.CUSTOMER_FOLLOW_UPS.get(random.nextInt(SimCatalog.CUSTOMER_FOLLOW_UPS.size())), now));
        } else {
            threads.values().stream().skip(random.nextInt(Math.max(1, threads.size()))).findFirst()
                    .ifPresent(t -> addMessage(t, participant("OPERATOR_USER", "Operador"), List.of(participant("SHOP", null)),
                            SimCatalog.OPERATOR_MESSAGES.get(1), now));
        }
    }

    SimModel.Message addMessage(SimModel.Thread thread, SimModel.Participant from, List<SimModel.Participant> to,
                                String body, Instant at) {
        return addMessage(thread, from, to, body, at, List.of());
    }

    /** A message with files, each kept for M13 under an id of its own. */
    SimModel.Message addMessage(SimModel.Thread thread, SimModel.Participant from, List<SimModel.Participant> to,
                                String body, Instant at, Map<String, byte[]> files) {
        List<SimModel.Attachment> listed = new ArrayList<>();
        files.forEach((name, bytes) -> {
            String id = "att-" + nextMessage + "-" + listed.size();
            attachments.put(id, bytes);
            listed.add(new SimModel.Attachment(id, name, bytes.length));
        });
        return addMessage(thread, from, to, body, at, listed);
    }

    private SimModel.Message addMessage(SimModel.Thread thread, SimModel.Participant from, List<SimModel.Participant> to,
                                        String body, Instant at, List<SimModel.Attachment> attachments) {
        SimModel.Message message = new SimModel.Message("msg-" + (nextMessage++), body, at, from, to, attachments);
        thread.messages.add(message);
        thread.dateUpdated = at;
        return message;
    }

    SimModel.Thread newThread(SimModel.Order order, String subject, Instant at) {
        SimModel.Thread thread = new SimModel.Thread();
        thread.id = "thr-" + (nextThread++);
        thread.topic = new SimModel.Topic("FREE_TEXT", subject);
        thread.entities.add(new SimModel.Entity(order.orderId, "MMP_ORDER", order.commercialId));
        thread.dateCreated = at;
        thread.dateUpdated = at;
        threads.put(thread.id, thread);
        return thread;
    }

    static SimModel.Participant participant(String type, String name) {
        return new SimModel.Participant(type, null, name);
    }

    private void closeByOperator(SimModel.Order order, SimModel.Line line, Instant now) {
        line.orderLineState = "RECEIVED";
        line.orderLineStateReasonCode = "12";
        line.orderLineStateReasonLabel = "El cliente ha recibido su pedido";
        line.resolvedByShopAt = null;
        line.lastUpdatedDate = now;
        order.lastUpdatedDate = now;
    }

    private void openIncidentOrder(Instant openedAt, int lines) {
        String[] name = SimCatalog.CUSTOMERS.get(random.nextInt(SimCatalog.CUSTOMERS.size()));
        SimModel.Order order = new SimModel.Order();
        order.orderId = String.format("ES-%06d-A", 204000 + nextOrder);
        order.commercialId = String.format("ES-%06d", 204000 + nextOrder);
        nextOrder++;
        order.createdDate = openedAt.minus(Duration.ofDays(3 + random.nextInt(6)));
        order.customer = new SimModel.Customer("cus-" + Math.abs(name[1].hashCode() % 10000), name[0], name[1], "es_ES");
        for (int i = 0; i < lines; i++) {
            SimCatalog.Product p = SimCatalog.PRODUCTS.get(random.nextInt(SimCatalog.PRODUCTS.size()));
            SimModel.Line line = new SimModel.Line();
            line.orderLineId = order.orderId + "-" + (i + 1);
            line.orderLineIndex = i + 1;
            line.offerSku = p.sku();
            line.productSku = "P-" + p.sku();
            line.productTitle = p.title();
            line.quantity = 1 + (random.nextInt(5) == 0 ? 1 : 0);
            line.price = new BigDecimal(p.price()).multiply(BigDecimal.valueOf(line.quantity));
            line.shippingPrice = new BigDecimal(p.shipping());
            line.taxes.add(new SimModel.Tax("IVA", vat(line.price)));
            line.shippingTaxes.add(new SimModel.Tax("IVA", vat(line.shippingPrice)));
            line.createdDate = order.createdDate;
            line.productMedias.add(new SimModel.Media("https://images.example.com/" + p.sku().toLowerCase() + ".jpg", "SMALL"));
            SimModel.Reason reason = SimCatalog.REASONS.get(random.nextInt(6));
            line.orderLineState = "INCIDENT_OPEN";
            line.orderLineStateReasonCode = reason.code();
            line.orderLineStateReasonLabel = reason.label();
            line.lastUpdatedDate = openedAt;
            order.orderLines.add(line);
        }
        order.lastUpdatedDate = openedAt;
        orders.put(order.orderId, order);
        order.orderLines.forEach(l -> orderOfLine.put(l.orderLineId, order));
        SimModel.Line first = order.orderLines.get(0);
        SimModel.Thread thread = newThread(order, "Incidencia: " + first.orderLineStateReasonLabel, openedAt);
        // a buyer who received it damaged sends a photo (M5: messages carry attachments)
        List<SimModel.Attachment> photo = List.of();
        if (DAMAGED.equals(first.orderLineStateReasonCode)) {
            String id = "att-" + order.orderId;
            attachments.put(id, SimDocuments.PHOTO);
            photo = List.of(new SimModel.Attachment(id, "foto-" + order.orderId + ".png", SimDocuments.PHOTO.length));
        }
        addMessage(thread, new SimModel.Participant("CUSTOMER_USER", order.customer.customerId(),
                        order.customer.firstname() + " " + order.customer.lastname()),
                List.of(participant("SHOP", null), participant("OPERATOR", null)),
                SimCatalog.openingMessage(first.orderLineStateReasonCode, first.productTitle), openedAt, photo);
    }

    private SimModel.Participant customerOf(SimModel.Thread thread) {
        return thread.messages.stream().map(SimModel.Message::from).filter(p -> p.type().startsWith("CUSTOMER"))
                .findFirst().orElse(participant("CUSTOMER_USER", "Cliente"));
    }

    private static BigDecimal vat(BigDecimal gross) {
        return gross.multiply(VAT).divide(BigDecimal.ONE.add(VAT), 2, RoundingMode.HALF_UP);
    }
}
