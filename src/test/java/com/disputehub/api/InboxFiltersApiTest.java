package com.disputehub.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.disputehub.support.Api;
import com.disputehub.support.IntegrationTest;
import com.disputehub.support.MiraklOrders;
import com.disputehub.support.MiraklOrders.Message;
import com.disputehub.support.MiraklOrders.Order;

import tools.jackson.databind.JsonNode;

/** The inbox's filters, deadline order and tab counts through the REST API, on incidents synced from the Mirakl fake. */
class InboxFiltersApiTest extends IntegrationTest {

    static final Instant NOW = Instant.now();
    Api api;

    @BeforeEach
    void syncOrders() {
        api = new Api(port);
        List<Order> orders = List.of(
                Order.damagedLamp(1, NOW.minus(Duration.ofDays(20))).withPrice("12.00"),
                Order.damagedLamp(2, NOW.minus(Duration.ofDays(10))).withPrice("60.00"),
                Order.damagedLamp(3, NOW.minus(Duration.ofHours(1))).withPrice("34.90"),
                Order.damagedLamp(4, NOW.minus(Duration.ofMinutes(30))).withSku("TAZ-CER-6").withPrice("22.00"),
                Order.damagedLamp(5, NOW.minus(Duration.ofDays(15))).withReason("1", "Artículo no recibido"));
        MiraklOrders.serve(MIRAKL, orders, List.of(
                Message.fromBuyer("LMP-002", "La pantalla llegó con una grieta enorme", "Cliente Número 2", NOW.minus(Duration.ofDays(10))),
                Message.shopToOperator("LMP-005", "Adjuntamos el seguimiento", NOW.minus(Duration.ofDays(14)))));
        sync.poll(accounts.find(ACCOUNT).orElseThrow());
    }

    List<String> refs(String query) {
        List<String> refs = new ArrayList<>();
        api.get("/api/incidents?account=" + ACCOUNT + "&" + query).body().get("items")
                .forEach(i -> refs.add(i.get("externalId").asString()));
        return refs;
    }

    @Test
    @DisplayName("M2, A2: filters by SKU prefix, amount range, overdue deadline and words of the buyer's messages")
    void filters() {
        assertThat(refs("sku=LAMP-")).containsExactlyInAnyOrder("LMP-001-A-1", "LMP-002-A-1", "LMP-003-A-1", "LMP-005-A-1");
        assertThat(refs("amountMin=20&amountMax=40")).containsExactlyInAnyOrder("LMP-003-A-1", "LMP-004-A-1", "LMP-005-A-1");
        assertThat(refs("amountMin=50,00")).containsExactly("LMP-002-A-1");
        assertThat(refs("deadline=overdue")).containsExactlyInAnyOrder("LMP-001-A-1", "LMP-002-A-1");
        assertThat(refs("text=GRIETA")).containsExactly("LMP-002-A-1");
        assertThat(refs("text=grieta&reason=not-delivered")).isEmpty();
        assertThat(api.get("/api/incidents?amountMin=lots").body().get("detail").asString()).contains("'amountMin'");
        assertThat(api.get("/api/incidents?amountMin=50&amountMax=10").status()).isEqualTo(400);
        assertThat(api.get("/api/incidents?deadline=tomorrow").body().get("detail").asString()).contains("overdue, due-today");
    }

    @Test
    @DisplayName("A2: sorted by deadline, nearest first and none last, page after page by keyset")
    void deadlineOrder() {
        List<String> refs = new ArrayList<>();
        List<String> deadlines = new ArrayList<>();
        String after = null;
        do {
            JsonNode page = api.get("/api/incidents?account=" + ACCOUNT + "&sort=deadline&limit=2"
                    + (after == null ? "" : "&after=" + after)).body();
            page.get("items").forEach(i -> {
                refs.add(i.get("externalId").asString());
                deadlines.add(i.get("respondBy").isNull() ? null : i.get("respondBy").asString());
            });
            after = page.get("next").isNull() ? null : page.get("next").asString();
        } while (after != null);
        assertThat(refs).doesNotHaveDuplicates().hasSize(5).endsWith("LMP-005-A-1");
        assertThat(deadlines.get(4)).as("waiting for the platform: no deadline, so last").isNull();
        assertThat(deadlines.subList(0, 4).stream().map(Instant::parse).toList()).isSorted();
        assertThat(refs.get(0)).isEqualTo("LMP-001-A-1");
        String recentToken = api.get("/api/incidents?account=" + ACCOUNT + "&limit=1").body().get("next").asString();
        assertThat(api.get("/api/incidents?sort=deadline&after=" + recentToken).body().get("detail").asString())
                .contains("start again without 'after'");
    }

    @Test
    @DisplayName("C1, X3: each tab's count under the same filters; All is their sum")
    void tabCounts() {
        JsonNode counts = api.get("/api/incidents/counts?account=" + ACCOUNT).body();
        assertThat(counts.get("all").asLong()).isEqualTo(5);
        assertThat(counts.at("/byView/ACTION_NEEDED").asLong()).isEqualTo(4);
        assertThat(counts.at("/byView/WAITING").asLong()).isEqualTo(1);
        JsonNode lamps = api.get("/api/incidents/counts?account=" + ACCOUNT + "&sku=LAMP-&view=closed").body();
        assertThat(lamps.get("all").asLong()).as("the view does not narrow the counts").isEqualTo(4);
    }
}
