package com.disputehub.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.disputehub.incident.ActionOwner;
import com.disputehub.incident.IncidentKind;
import com.disputehub.incident.IncidentMessage;
import com.disputehub.incident.IncidentSnapshot;
import com.disputehub.incident.IncidentSource;
import com.disputehub.incident.IncidentStatus;
import com.disputehub.incident.IncidentStore;
import com.disputehub.incident.Money;
import com.disputehub.incident.PartyRole;
import com.disputehub.incident.Reason;
import com.disputehub.incident.SearchIndex;
import com.disputehub.incident.ReasonCategory;
import com.disputehub.incident.UpsertResult;

/**
 * Issue 17, goal 1: a sync's storage of pages of incidents ({@link IncidentStore#upsertAll}, what {@code AccountSync}
 * calls) beside a floor measured in the same run: the same rows written by PostgreSQL alone, each page copied into a
 * staging table and moved with one {@code INSERT ... SELECT ... ON CONFLICT} on a unique key, the unchanged ones
 * recognized by hash in SQL. New incidents first, then the same pages again unchanged. {@code -Dbench.ingest}
 * incidents (20,000) in pages of {@code -Dbench.page} (1,000), after as many of their own, new then unchanged, on both
 * paths to warm them up.
 */
@Tag("benchmark")
@SpringBootTest(properties = {"disputehub.sync.auto-startup=false", "disputehub.dispatch.auto-startup=false",
        "disputehub.webhooks.auto-startup=false"})
class IngestionBenchmark {

    static final int INCIDENTS = Integer.getInteger("bench.ingest", 20_000);
    static final int PAGE = Integer.getInteger("bench.page", 1_000);
    static final IncidentSource SOURCE = new IncidentSource("bench", "bench-ingest", "bench-1");

    @Autowired
    IncidentStore store;
    @Autowired
    SearchIndex search;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JdbcTemplate template;
    @Autowired
    TransactionTemplate tx;

    @Test
    void ingestion() throws Exception {
        jdbc.sql("""
                create table if not exists floor_incident (id uuid primary key, account_id text not null,
                  external_id text not null, status text not null, product_title text, messages jsonb not null,
                  raw_payload jsonb not null, raw_hash text not null, updated_at timestamptz not null,
                  unique (account_id, external_id))
                """).update();
        jdbc.sql("truncate floor_incident").update();
        List<List<IncidentSnapshot>> pages = pages(0);

        // warm-up of both paths on incidents of their own, new then unchanged, until the JIT has compiled them: the
        // compiler's threads otherwise take as much CPU as the work measured, on the two cores PostgreSQL uses too
        List<List<IncidentSnapshot>> warm = pages(INCIDENTS);
        for (int pass = 0; pass < 2; pass++) {
            warm.forEach(this::floorPage);
            warm.forEach(page -> store.upsertAll(SOURCE, page));
        }
        jdbc.sql("truncate floor_incident").update();
        awaitIndexed();
        String jitWarm = CpuTime.awaitJitIdle(Duration.ofSeconds(30));
        long floorNew = timed(() -> pages.forEach(this::floorPage));
        long floorUnchanged = timed(() -> pages.forEach(this::floorPage));
        CpuTime before = CpuTime.now();
        long ours = timed(() -> pages.forEach(page -> assertThat(store.upsertAll(SOURCE, page))
                .allMatch(r -> r.outcome() == UpsertResult.Outcome.CREATED)));
        String cpuStored = CpuTime.now().perItemSince(before, INCIDENTS);
        String jitStored = CpuTime.now().jitSince(before);
        long indexed = timed(this::awaitIndexed);
        String cpuIndexed = CpuTime.now().perItemSince(before, INCIDENTS);
        long oursUnchanged = timed(() -> pages.forEach(page -> assertThat(store.upsertAll(SOURCE, page))
                .allMatch(r -> r.outcome() == UpsertResult.Outcome.UNCHANGED)));
        assertThat(jdbc.sql("select count(*) from floor_incident").query(Long.class).single()).isEqualTo(INCIDENTS);

        List<String> report = new ArrayList<>();
        report.add(String.format("ingestion of %d incidents in pages of %d", INCIDENTS, PAGE));
        report.add(line("new incidents", ours, floorNew));
        report.add(String.format("  CPU per new incident while stored: %s; with the free text index caught up: %s", cpuStored,
                cpuIndexed));
        report.add(String.format("  after the warm-up, until idle for a second: %s; while the new ones were stored: %s", jitWarm,
                jitStored));
        report.add(String.format("  free text index caught up %.1f s after the last page (the search reads queued"
                + " incidents from their rows until then)", indexed / 1e9));
        report.add(line("unchanged incidents (a poll's overlap)", oursUnchanged, floorUnchanged));
        Reports.write("ingestion", report);
    }

    /** Pages of {@link #INCIDENTS} incidents, numbered from {@code first}. */
    private static List<List<IncidentSnapshot>> pages(int first) {
        List<List<IncidentSnapshot>> pages = new ArrayList<>();
        for (int from = 0; from < INCIDENTS; from += PAGE) {
            List<IncidentSnapshot> page = new ArrayList<>();
            for (int i = from; i < Math.min(INCIDENTS, from + PAGE); i++) {
                page.add(snapshot(first + i));
            }
            pages.add(page);
        }
        return pages;
    }

    /** Until the background indexer has indexed every queued incident (it looks every second). */
    private void awaitIndexed() {
        while (search.pending() > 0) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private String line(String what, long nanos, long floorNanos) {
        double rate = INCIDENTS / (nanos / 1e9);
        double floor = INCIDENTS / (floorNanos / 1e9);
        return String.format("%-40s %8.0f per second; floor %8.0f per second; %5.1f%% of the floor", what, rate, floor,
                100 * rate / floor);
    }

    /** PostgreSQL alone: the page copied into a staging table, then one upsert that skips rows whose hash is the same. */
    private void floorPage(List<IncidentSnapshot> page) {
        StringBuilder csv = new StringBuilder();
        for (IncidentSnapshot s : page) {
            String messages = messagesJson(s);
            csv.append(UUID.randomUUID()).append(',').append(SOURCE.accountId()).append(',').append(s.externalId())
                    .append(',').append(s.status()).append(',').append(quote(s.productTitle())).append(',')
                    .append(quote(messages)).append(',').append(quote(s.rawPayload())).append(',')
                    .append(com.disputehub.database.Hashes.sha256Hex(s.rawPayload())).append(',')
                    .append(Instant.now()).append('\n');
        }
        tx.executeWithoutResult(status -> template.execute((ConnectionCallback<Object>) con -> {
            try (var statement = con.createStatement()) {
                statement.execute("create temp table if not exists floor_stage (like floor_incident) on commit delete rows");
            }
            try {
                con.unwrap(PGConnection.class).getCopyAPI().copyIn("copy floor_stage from stdin (format csv)",
                        new StringReader(csv.toString()));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            try (var statement = con.createStatement()) {
                statement.execute("""
                        insert into floor_incident select * from floor_stage
                        on conflict (account_id, external_id) do update set status = excluded.status,
                          product_title = excluded.product_title, messages = excluded.messages,
                          raw_payload = excluded.raw_payload, raw_hash = excluded.raw_hash, updated_at = excluded.updated_at
                        where floor_incident.raw_hash is distinct from excluded.raw_hash
                        """);
            }
            return null;
        }));
    }

    private static String messagesJson(IncidentSnapshot s) {
        StringBuilder json = new StringBuilder("[");
        for (IncidentMessage m : s.messages()) {
            json.append(json.length() > 1 ? "," : "").append("{\"externalId\":\"").append(m.externalId())
                    .append("\",\"author\":\"").append(m.author()).append("\",\"body\":\"").append(m.body()).append("\"}");
        }
        return json.append(']').toString();
    }

    private static String quote(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    private static long timed(Runnable work) {
        long started = System.nanoTime();
        work.run();
        return System.nanoTime() - started;
    }

    /** An incident as a marketplace sends it: two messages and a payload of about 1.5 KB. */
    static IncidentSnapshot snapshot(int i) {
        Instant opened = Instant.parse("2026-11-20T10:00:00Z").plus(Duration.ofMinutes(i));
        String raw = "{\"order_id\":\"order-" + i + "\",\"order_state\":\"SHIPPED\",\"price\":34.90,\"currency_iso_code\":\"EUR\","
                + "\"customer\":{\"customer_id\":\"c-" + i + "\",\"firstname\":\"María\",\"lastname\":\"García López\",\"locale\":\"es_ES\"},"
                + "\"order_lines\":[{\"order_line_id\":\"line-" + i + "\",\"offer_sku\":\"SKU-" + (i % 100) + "\",\"product_title\":\"Lámpara de pie LED regulable "
                + i + "\",\"quantity\":1,\"price\":34.90,\"has_incident\":true,\"incident_reason_code\":\"2\","
                + "\"incident_reason_label\":\"Artículo recibido dañado\",\"order_line_state\":\"INCIDENT_OPEN\","
                + "\"product_medias\":[{\"media_url\":\"https://cdn.example.com/p/" + i + ".jpg\",\"type\":\"SMALL\"}]}],"
                + "\"shipping_tracking\":\"1Z999AA1" + i + "\",\"shipping_company\":\"SEUR\",\"created_date\":\"" + opened + "\","
                + "\"last_updated_date\":\"" + opened + "\",\"padding\":\"" + "x".repeat(700) + "\"}";
        return IncidentSnapshot.builder(IncidentKind.MARKETPLACE_DISPUTE, "ingest-" + i)
                .order("order-" + i, List.of("line-" + i))
                .skus(List.of("SKU-" + (i % 100)))
                .product("Lámpara de pie LED regulable " + i, "https://cdn.example.com/p/" + i + ".jpg")
                .buyerName("María García López")
                .reason(new Reason(ReasonCategory.DAMAGED, "2", "Artículo recibido dañado"))
                .status(IncidentStatus.NEEDS_SELLER_ACTION, "INCIDENT_OPEN", ActionOwner.SELLER)
                .productValue(Money.of("34.90", "EUR"))
                .openedAt(opened)
                .respondBy(opened.plus(Duration.ofDays(2)))
                .messages(List.of(
                        new IncidentMessage("m-" + i + "-1", "t-" + i, "Incidencia", PartyRole.BUYER, "María",
                                List.of(PartyRole.SELLER), "Hola, la lámpara llegó con la base rota, adjunto fotos.", opened),
                        new IncidentMessage("m-" + i + "-2", "t-" + i, "Incidencia", PartyRole.SELLER, "Tienda",
                                List.of(PartyRole.BUYER), "Lo sentimos, ¿puede enviarnos otra foto de la caja?", opened.plusSeconds(3600))))
                .rawPayload(raw)
                .build();
    }
}
