package com.disputehub.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.disputehub.incident.ActionOwner;
import com.disputehub.incident.FilterForm;
import com.disputehub.incident.IncidentFilter;
import com.disputehub.incident.IncidentKind;
import com.disputehub.incident.IncidentPage;
import com.disputehub.incident.IncidentSort;
import com.disputehub.incident.IncidentQueries;
import com.disputehub.incident.IncidentSnapshot;
import com.disputehub.incident.IncidentSource;
import com.disputehub.incident.IncidentStatus;
import com.disputehub.incident.IncidentStore;
import com.disputehub.incident.Money;
import com.disputehub.incident.Reason;
import com.disputehub.incident.ReasonCategory;
import com.disputehub.incident.UpsertResult;

/**
 * Benchmarks of the incident store on this run's real PostgreSQL, run by {@code ./mvnw -Pbench test} only:
 * upsert throughput (new, then unchanged: the idempotent path every poll takes), and list-page latency with
 * {@link #INCIDENTS} incidents (first page, deep keyset page, filters, text search, deadline order, tab counts). Results go to the test output and
 * {@code target/benchmarks.txt}; docs/benchmarks.md records a run.
 */
@Tag("benchmark")
@SpringBootTest(properties = {"disputehub.sync.auto-startup=false", "disputehub.dispatch.auto-startup=false",
        "disputehub.webhooks.auto-startup=false"})
class IncidentStoreBenchmark {

    static final int UPSERTS = 5_000;
    /** How many incidents the inbox's queries run against ({@code -Dbench.incidents}, 1,000,000 by default: issue 17). */
    static final int INCIDENTS = Integer.getInteger("bench.incidents", 1_000_000);
    static final int SAMPLES = 50;
    static final IncidentSource SOURCE = new IncidentSource("bench", "bench-account", "bench-1");

    @Autowired
    IncidentStore store;
    @Autowired
    IncidentQueries queries;
    @Autowired
    JdbcClient jdbc;
    final List<String> report = new ArrayList<>();

    @Test
    void incidentStore() throws Exception {
        jdbc.sql("delete from timeline_event where incident_id in (select id from incident where account_id like 'bench-account%')").update();
        jdbc.sql("delete from change_event where incident_id in (select id from incident where account_id like 'bench-account%')").update();
        jdbc.sql("delete from incident where account_id like 'bench-account%'").update();

        long started = System.nanoTime();
        for (int i = 0; i < UPSERTS; i++) {
            assertThat(store.upsert(SOURCE, snapshot(i)).outcome()).isEqualTo(UpsertResult.Outcome.CREATED);
        }
        rate("upsert, new incident (row + timeline + change event)", UPSERTS, System.nanoTime() - started);
        started = System.nanoTime();
        for (int i = 0; i < UPSERTS; i++) {
            assertThat(store.upsert(SOURCE, snapshot(i)).outcome()).isEqualTo(UpsertResult.Outcome.UNCHANGED);
        }
        rate("upsert, unchanged incident (what every poll's overlap costs)", UPSERTS, System.nanoTime() - started);

        seed(INCIDENTS - UPSERTS);
        assertThat(jdbc.sql("select count(*) from incident where account_id like 'bench-account%'").query(Long.class).single())
                .isEqualTo(INCIDENTS);
        jdbc.sql("analyze incident").update();
        jdbc.sql("analyze incident_search").update();
        latency("first page of 50, no filter", () -> queries.search(IncidentFilter.all(), null, 50));
        IncidentPage page = queries.search(IncidentFilter.all(), null, 50);
        for (int i = 0; i < 200; i++) {
            page = queries.search(IncidentFilter.all(), page.next(), 50);
        }
        String deep = page.next();
        latency("page 201 of 50 by keyset (after 10,000 rows)", () -> queries.search(IncidentFilter.all(), deep, 50));
        latency("first page, status = NEEDS_SELLER_ACTION and reason = DAMAGED", () -> queries.search(
                where("status", "NEEDS_SELLER_ACTION", "reason", "DAMAGED"), null, 50));
        latency("first page, account filter", () -> queries.search(
                IncidentFilter.all().withAccount("bench-account-7"), null, 50));
        latency("text search in messages (trigram index)", () -> queries.search(
                where("text", "caja rota 4242"), null, 50));
        latency("text search, a word in many messages (trigram index)", () -> queries.search(
                where("text", "llegó mal"), null, 50));
        latency("first page by deadline", () -> queries.search(IncidentFilter.all(), IncidentSort.DEADLINE, null, 50));
        IncidentPage byDeadline = queries.search(IncidentFilter.all(), IncidentSort.DEADLINE, null, 50);
        for (int i = 0; i < 200; i++) {
            byDeadline = queries.search(IncidentFilter.all(), IncidentSort.DEADLINE, byDeadline.next(), 50);
        }
        String deepDeadline = byDeadline.next();
        latency("page 201 by deadline (keyset)", () -> queries.search(IncidentFilter.all(), IncidentSort.DEADLINE, deepDeadline, 50));
        latency("first page, action-needed tab, SKU prefix, by deadline", () -> queries.search(where("view", "action-needed", "sku", "LAMP-1"), IncidentSort.DEADLINE, null, 50));
        latency("first page, overdue", () -> queries.search(where("deadline", "overdue"),
                IncidentSort.DEADLINE, null, 50));
        latency("tab counts (six tabs), no filter", () -> queries.counts(IncidentFilter.all()));
        latency("tab counts, account filter", () -> queries.counts(IncidentFilter.all().withAccount("bench-account-7")));
        latency("tab counts, text search", () -> queries.counts(where("text", "caja rota 4242")));

        Reports.write("incident store and inbox queries at " + INCIDENTS + " incidents", report);
    }

    /** A filter as the API's query parameters write it: {@code where("status", "NEEDS_SELLER_ACTION")}. */
    private static IncidentFilter where(String... keysAndValues) {
        java.util.Map<String, String> p = new java.util.HashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            p.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return new FilterForm(p.get("channel"), p.get("account"), p.get("kind"), p.get("status"), p.get("reason"),
                p.get("view"), p.get("order"), p.get("text"), p.get("sku"), p.get("amountMin"), p.get("amountMax"),
                p.get("deadline"), p.get("ref"), p.get("assignee"), p.get("snoozed"), p.get("pinned")).toFilter();
    }

    private void seed(int count) {
        jdbc.sql("""
                insert into incident (id, channel_type, account_id, kind, external_id, order_id, reason, status, channel_status,
                  action_owner, raw_status, product_title, buyer_name, product_value_amount, product_value_currency,
                  skus, respond_by,
                  messages, message_count, raw_payload, adapter_version, created_at, updated_at)
                select gen_random_uuid(), 'bench', 'bench-account-' || (n % 10), 'MARKETPLACE_DISPUTE', 'seed-' || n, 'order-' || n,
                  (array['DAMAGED','NOT_DELIVERED','DEFECTIVE','WRONG_ITEM','OTHER'])[1 + n % 5],
                  (array['NEEDS_SELLER_ACTION','WAITING_FOR_BUYER','CLOSED','RESOLVED'])[1 + n % 4],
                  'NEEDS_SELLER_ACTION', 'SELLER', 'INCIDENT_OPEN', 'Producto ' || n, 'Cliente ' || n, 19.90, 'EUR',
                  array['LAMP-' || (n % 100)], now() + ((n % 5000) - 1000 || ' minutes')::interval,
                  jsonb_build_array(jsonb_build_object('externalId', 'm' || n, 'author', 'BUYER',
                    'body', 'Hola, la caja rota ' || n || ' llegó mal')), 1, '{}'::jsonb, 'bench-1',
                  now() - (n || ' seconds')::interval, now() - (n || ' seconds')::interval
                from generate_series(1, ?) as n
                """).param(count).update();
        // as the search indexer leaves them (V31): their text in the free text index, none waiting
        jdbc.sql("insert into incident_search (incident_id, search_text) select id, search_text from incident "
                + "where external_id like 'seed-%' on conflict do nothing").update();
        jdbc.sql("select gin_clean_pending_list('incident_search_trgm_idx'::regclass)").query(Long.class).single();
    }

    private void rate(String what, int count, long nanos) {
        report.add(String.format("%-62s %8.0f per second (%d in %d ms)", what, count / (nanos / 1e9), count, nanos / 1_000_000));
    }

    private void latency(String what, Supplier<?> query) {
        for (int i = 0; i < 5; i++) {
            query.get();
        }
        long[] samples = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            long start = System.nanoTime();
            query.get();
            samples[i] = System.nanoTime() - start;
        }
        Arrays.sort(samples);
        report.add(String.format("%-62s p50 %6.2f ms   p95 %6.2f ms", what, samples[SAMPLES / 2] / 1e6, samples[SAMPLES * 95 / 100] / 1e6));
    }

    private static IncidentSnapshot snapshot(int i) {
        return IncidentSnapshot.builder(IncidentKind.MARKETPLACE_DISPUTE, "bench-" + i)
                .order("order-" + i, List.of("line-" + i))
                .skus(List.of("SKU-" + (i % 100)))
                .product("Lámpara " + i, null)
                .reason(new Reason(ReasonCategory.DAMAGED, "2", "Artículo recibido dañado"))
                .status(IncidentStatus.NEEDS_SELLER_ACTION, "INCIDENT_OPEN", ActionOwner.SELLER)
                .productValue(Money.of("34.90", "EUR"))
                .openedAt(Instant.parse("2026-11-20T10:00:00Z").plus(Duration.ofMinutes(i)))
                .rawPayload("{\"order_id\":\"order-" + i + "\",\"price\":34.90}")
                .build();
    }
}
