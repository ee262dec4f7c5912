package com.disputehub.sandbox.ebay;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The simulated eBay seller: item-not-received inquiries, return requests and cases of a US store, seeded and
 * dated back from now; a {@link #tick()} in which a buyer opens one more, or an answered one moves on (eBay
 * closes a refunded inquiry, a buyer accepts an offer).
 */
class EbSimWorld {

    static final String INQUIRY = "inquiry";
    static final String RETURN = "return";
    static final String CASE = "case";

    private static final String[][] ITEMS = {{"110552349876", "Ceramic coffee mug, 12 oz", "14.99"},
            {"110552350112", "Bluetooth speaker, waterproof", "39.90"}, {"110552351044", "Leather card wallet", "24.50"},
            {"110552352287", "LED desk lamp with USB port", "32.00"}, {"110552353390", "Stainless steel water bottle", "19.95"}};
    private static final String[] RETURN_REASONS = {"ARRIVED_DAMAGED", "DEFECTIVE_ITEM", "NOT_AS_DESCRIBED", "MISSING_PARTS",
            "WRONG_SIZE", "NO_LONGER_NEED_ITEM"};
    private static final String[] BUYERS = {"sunny_days_77", "mike.h.collects", "tinkerbell-2019", "gadgetguy_tx", "oldbooks_nyc"};

    final Map<String, Dispute> disputes = new LinkedHashMap<>();
    private final Clock clock;
    private final Random random;
    private long nextId = 5_087_000_001L;

    EbSimWorld(Clock clock, long seed, int initial) {
        this.clock = clock;
        this.random = new Random(seed);
        for (int i = 0; i < initial; i++) {
            open(new String[] {INQUIRY, RETURN, RETURN, CASE}[i % 4], now().minus(Duration.ofHours(2L + random.nextInt(24 * 6))));
        }
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    synchronized List<Dispute> of(String kind, Instant createdFrom) {
        return disputes.values().stream().filter(d -> d.kind.equals(kind) && !d.created.isBefore(createdFrom)).toList();
    }

    synchronized Optional<Dispute> find(String kind, String id) {
        return Optional.ofNullable(disputes.get(id)).filter(d -> d.kind.equals(kind));
    }

    synchronized void tick() {
        Instant now = now();
        for (Dispute d : disputes.values()) {
            if (d.answered && !"CLOSED".equals(d.status)) {
                d.status = "CLOSED";
                d.history.add(new Step("CLOSED", "SYSTEM", "eBay closed the request after the seller's answer", now));
                d.modified = now;
                return;
            }
        }
        open(new String[] {INQUIRY, RETURN, CASE}[random.nextInt(3)], now);
    }

    /** The seller acted: the dispute records it and waits for eBay or the buyer. */
    synchronized void act(Dispute d, String action, String words, String newStatus) {
        Instant now = now();
        d.history.add(new Step(action, "SELLER", words, now));
        d.modified = now;
        if (newStatus != null) {
            d.status = newStatus;
            d.answered = true;
        }
    }

    private void open(String kind, Instant at) {
        String[] item = ITEMS[random.nextInt(ITEMS.length)];
        Dispute d = new Dispute();
        d.kind = kind;
        d.id = String.valueOf(nextId++);
        d.itemId = item[0];
        d.title = item[1];
        d.transactionId = String.valueOf(27_900_014_000L + random.nextInt(99_999));
        d.amount = new BigDecimal(item[2]);
        d.buyer = BUYERS[random.nextInt(BUYERS.length)];
        d.created = at;
        d.modified = at;
        switch (kind) {
            case INQUIRY -> {
                d.status = "WAITING_SELLER_RESPONSE";
                d.reason = "ITEM_NOT_RECEIVED";
                d.respondBy = at.plus(Duration.ofDays(3));
                d.history.add(new Step("OPEN", "BUYER", "I have not received my item yet", at));
            }
            case RETURN -> {
                d.status = "RETURN_REQUESTED";
                d.reason = RETURN_REASONS[random.nextInt(RETURN_REASONS.length)];
                d.respondBy = at.plus(Duration.ofDays(3));
                d.history.add(new Step("BUYER_CREATE_RETURN", "BUYER", "Return requested: " + d.reason.toLowerCase().replace('_', ' '), at));
            }
            default -> {
                d.status = "OPEN";
                d.reason = "ITEM_NOT_RECEIVED";
                d.respondBy = at.plus(Duration.ofDays(2));
                d.history.add(new Step("ESCALATE", "BUYER", "The buyer asked eBay to step in", at));
            }
        }
        disputes.put(d.id, d);
    }

    /** One inquiry, return or case. */
    static final class Dispute {
        String kind;
        String id;
        String status;
        String reason;
        String itemId;
        String title;
        String transactionId;
        BigDecimal amount;
        String buyer;
        Instant created;
        Instant modified;
        Instant respondBy;
        boolean answered;
        final List<Step> history = new ArrayList<>();

        boolean waitsForSeller() {
            return !answered && !"CLOSED".equals(status);
        }
    }

    record Step(String action, String actor, String description, Instant at) {
    }
}
