package com.disputehub.sandbox.orderchamp;

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
 * The simulated Orderchamp brand account: Dutch retailers' reported problems on wholesale orders, seeded and
 * dated from the start of the day; a {@link #tick()} in which retailers resolve, support settles its own
 * problems, and new problems arrive.
 */
class OcSimWorld {

    private static final String[][] REASONS = {
            {"DAMAGED_ITEMS", "Ik heb beschadigde artikelen ontvangen"}, {"DEFECTIVE_ITEMS", "Ik heb artikelen met gebreken ontvangen"},
            {"MISSING_ITEMS", "Ik mis artikelen"}, {"WRONG_ITEMS", "Verkeerde goederen zijn geleverd"},
            {"WRONG_INVOICE", "De factuur is onjuist"}};
    private static final String[][] PRODUCTS = {{"VAAS-GL-20", "Glazen vaas 20 cm", "12.50"}, {"KAARS-SOJA-L", "Sojakaars groot", "8.00"},
            {"MOK-KER-6", "Keramieken mok, set van 6", "21.00"}, {"PLAID-WOL", "Wollen plaid", "34.95"}};
    private static final String[] RETAILERS = {"Winkeltje Amsterdam", "Cadeauwinkel Utrecht", "Conceptstore Rotterdam", "Boetiek Gent"};

    final Map<String, Problem> problems = new LinkedHashMap<>();
    final int ordersLast30Days;
    private final Clock clock;
    private final Random random;
    private int next = 1;

    OcSimWorld(Clock clock, long seed, int initialProblems, int ordersLast30Days) {
        this.clock = clock;
        this.random = new Random(seed);
        this.ordersLast30Days = ordersLast30Days;
        Instant dayStart = clock.instant().truncatedTo(ChronoUnit.DAYS);
        for (int i = 0; i < initialProblems; i++) {
            report(dayStart.minus(Duration.ofMinutes(30L + random.nextInt(60 * 24 * 8))), i % 3 == 0 && i > 0 ? "OC-" + (8999 + i) : null);
        }
    }

    synchronized List<Problem> byUpdate() {
        return problems.values().stream().sorted(Comparator.comparing((Problem p) -> p.updatedAt).thenComparing(p -> p.id)).toList();
    }

    synchronized Optional<Problem> find(String id) {
        return Optional.ofNullable(problems.get(id));
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    synchronized void tick() {
        Instant now = now();
        for (Problem p : problems.values()) {
            if ("IN_PROGRESS".equals(p.status) || ("SUBMITTED".equals(p.status) && "WRONG_INVOICE".equals(p.reason))) {
                p.status = "RESOLVED";
                p.updatedAt = now;
                return;
            }
        }
        report(now, null);
    }

    private void report(Instant at, String sameOrderAs) {
        String[] reason = REASONS[random.nextInt(REASONS.length)];
        String[] product = PRODUCTS[random.nextInt(PRODUCTS.length)];
        Problem p = new Problem();
        p.id = "gid://orderchamp/OrderProblem/" + (700 + next);
        p.orderNumber = sameOrderAs != null ? "OC-" + (9000 + next - 1) : "OC-" + (9000 + next);
        next++;
        p.reason = reason[0];
        p.reasonText = reason[1];
        p.sku = product[0];
        p.title = product[1];
        p.quantity = 2 + random.nextInt(10);
        p.total = new java.math.BigDecimal(product[2]).multiply(java.math.BigDecimal.valueOf(p.quantity)).toPlainString();
        p.retailer = RETAILERS[random.nextInt(RETAILERS.length)];
        p.createdAt = at;
        p.updatedAt = at;
        if (random.nextBoolean()) {
            p.photos.add("https://cdn.orderchamp.com/sandbox/problems/" + next + ".jpg");
        }
        p.messages.add(new Message("msg-" + next, "Helaas: " + reason[1].toLowerCase() + " (" + product[1] + ").", at, "RETAILER"));
        problems.put(p.id, p);
    }

    /** A reported problem and its chat. */
    static final class Problem {
        String id;
        String status = "SUBMITTED";
        String reason;
        String reasonText;
        String orderNumber;
        String retailer;
        String sku;
        String title;
        int quantity;
        String total;
        String payoutStatus = "ON_HOLD";
        Instant createdAt;
        Instant updatedAt;
        String solution;
        final List<String> photos = new ArrayList<>();
        final List<Message> messages = new ArrayList<>();
    }

    record Message(String id, String body, Instant createdAt, String sender) {
    }
}
