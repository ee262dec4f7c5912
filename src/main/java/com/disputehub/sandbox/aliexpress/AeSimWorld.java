package com.disputehub.sandbox.aliexpress;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The simulated AliExpress store: disputes from Brazilian, Portuguese and American buyers, seeded and dated from
 * the start of the day, and a {@link #tick()} in which buyers answer counter-offers and new disputes open.
 */
class AeSimWorld {

    static final DateTimeFormatter GMT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private static final String[][] REASONS = {
            {"115", "Mercadoria danificada", "Damaged goods"},
            {"101", "Pedido não recebido", "Item not received"},
            {"120", "Produto diferente do anunciado", "Product not as described"},
            {"130", "Produto com defeito", "Defective product"},
            {"140", "Faltando itens no pacote", "Missing items"}};
    private static final String[][] PRODUCTS = {
            {"1005003600816013", "Luminária de mesa LED", "66.65"}, {"1005004100200300", "Fone de ouvido Bluetooth", "19.90"},
            {"1005005200300400", "Capa de telemóvel", "7.50"}, {"1005006300400500", "Relógio inteligente", "45.00"},
            {"1005007400500600", "Mochila impermeável", "29.99"}};
    private static final String[][] BUYERS = {{"br1001abc", "BRL", "5.2"}, {"pt2002def", "EUR", "0.92"}, {"us3003ghi", "USD", "1"}};

    final Map<Long, Dispute> disputes = new LinkedHashMap<>();
    final Clock clock;
    private final Random random;
    private long nextId = 8_000_000_001L;

    AeSimWorld(Clock clock, long seed, int initialDisputes) {
        this.clock = clock;
        this.random = new Random(seed);
        LocalDateTime dayStart = LocalDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.DAYS), ZoneOffset.UTC);
        for (int i = 0; i < initialDisputes; i++) {
            open(dayStart.minusMinutes(30L + random.nextInt(60 * 24 * 6)));
        }
    }

    synchronized List<Dispute> all() {
        return disputes.values().stream().sorted(Comparator.comparing((Dispute d) -> d.created)).toList();
    }

    synchronized Optional<Dispute> find(long id) {
        return Optional.ofNullable(disputes.get(id));
    }

    LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
    }

    /** Buyers answer counter-offers (accept or escalate), the platform settles arbitrations, new disputes open. */
    synchronized void tick() {
        LocalDateTime now = now();
        for (Dispute d : disputes.values()) {
            Solution counter = d.pendingSeller();
            if ("processing".equals(d.status) && counter != null) {
                if (random.nextBoolean()) {
                    counter.status = "reached";
                    d.step(now, "buyer_accept", "buyer", null);
                    d.status = "finish";
                } else {
                    counter.status = "buyer_refused";
                    d.step(now, "buyer_initiate_arbitration", "buyer", "Não concordo com a proposta");
                }
                d.modified = now;
                return;
            }
        }
        open(now);
    }

    private void open(LocalDateTime at) {
        String[] reason = REASONS[random.nextInt(REASONS.length)];
        String[] product = PRODUCTS[random.nextInt(PRODUCTS.length)];
        String[] buyer = BUYERS[random.nextInt(BUYERS.length)];
        Dispute d = new Dispute();
        d.id = nextId++;
        d.orderId = 8_194_715_000_000_000L + d.id;
        d.buyer = buyer[0];
        d.reasonId = reason[0];
        d.reasonLabel = "BRL".equals(buyer[1]) || "EUR".equals(buyer[1]) ? reason[1] : reason[2];
        d.reasonEnglish = reason[2];
        d.productId = product[0];
        d.productName = product[1];
        d.productPrice = product[2];
        d.created = at;
        d.modified = at;
        Solution request = new Solution();
        request.id = d.id * 10 + 1;
        request.owner = "buyer";
        request.status = "wait_seller_accept";
        request.refundMoney = new java.math.BigDecimal(product[2]).multiply(new java.math.BigDecimal(buyer[2]))
                .setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
        request.currency = buyer[1];
        request.content = reason[1];
        request.created = at.plusSeconds(5);
        d.buyerSolutions.add(request);
        d.step(at, "initiate", "buyer", reason[1]);
        if (random.nextInt(3) == 0) {
            d.process.get(0).attachments.add("https://ae01.alicdn.com/kf/sandbox-" + d.id + ".jpg");
        }
        disputes.put(d.id, d);
    }

    /** One dispute and its negotiation. */
    static final class Dispute {
        long id;
        long orderId;
        String buyer;
        String status = "processing";
        String reasonId;
        String reasonLabel;
        String reasonEnglish;
        String productId;
        String productName;
        String productPrice;
        LocalDateTime created;
        LocalDateTime modified;
        final List<Solution> buyerSolutions = new ArrayList<>();
        final List<Solution> sellerSolutions = new ArrayList<>();
        final List<Step> process = new ArrayList<>();
        final List<String> uploadedImages = new ArrayList<>();

        Solution pendingBuyer() {
            return buyerSolutions.stream().filter(s -> "wait_seller_accept".equals(s.status)).findFirst().orElse(null);
        }

        Solution pendingSeller() {
            return sellerSolutions.stream().filter(s -> "wait_buyer_accept".equals(s.status)).findFirst().orElse(null);
        }

        void step(LocalDateTime at, String action, String member, String content) {
            Step step = new Step();
            step.created = at;
            step.action = action;
            step.member = member;
            step.content = content;
            process.add(step);
        }
    }

    /** A proposed solution: who proposed it, how much, and where it stands. */
    static final class Solution {
        long id;
        String owner;
        String type = "refund";
        String status;
        String refundMoney;
        String currency;
        String content;
        LocalDateTime created;
        LocalDateTime sellerAcceptTime;
    }

    /** One step of the negotiation history. */
    static final class Step {
        LocalDateTime created;
        String action;
        String member;
        String content;
        final List<String> attachments = new ArrayList<>();
    }
}
