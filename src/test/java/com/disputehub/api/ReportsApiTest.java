package com.disputehub.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.disputehub.support.Api;
import com.disputehub.support.IntegrationTest;
import com.disputehub.support.MiraklOrders;
import com.disputehub.support.MiraklOrders.Order;
import com.disputehub.support.ReportData;

import tools.jackson.databind.JsonNode;

/** The reports (DOMAIN X9) against a data set whose figures are known, and against counts the API gives apart. */
class ReportsApiTest extends IntegrationTest {

    static final Instant NOW = Instant.now();
    Api api;
    ReportData data;

    @BeforeEach
    void seed() {
        api = new Api(port);
        data = new ReportData(jdbc, NOW);
        data.wipe();
        data.seed();
    }

    JsonNode row(String report, String key, String value) {
        for (JsonNode row : api.get("/api/reports/" + report).body().get("rows")) {
            if (row.get(key).asString().equals(value)) {
                return row;
            }
        }
        throw new AssertionError("no row " + key + "=" + value + " in " + report);
    }

    @Test
    @DisplayName("X9: open incidents per channel by tab, due today and overdue, as the list's own counts give them")
    void open() {
        JsonNode row = row("open", "channel", ReportData.CHANNEL);
        assertThat(row.get("action_needed").asLong()).isEqualTo(4);
        assertThat(row.get("waiting").asLong()).isEqualTo(1);
        assertThat(row.get("decision_sent").asLong()).isEqualTo(1);
        assertThat(row.get("overdue").asLong()).isEqualTo(1);
        assertThat(row.get("open").asLong()).isEqualTo(6);
        Instant endOfToday = LocalDate.now(ZoneId.of("Europe/Madrid")).plusDays(1).atStartOfDay(ZoneId.of("Europe/Madrid")).toInstant();
        assertThat(row.get("due_today").asLong()).as("due within 5 hours: today unless today ends sooner")
                .isEqualTo(NOW.plus(Duration.ofHours(5)).isBefore(endOfToday) ? 1 : 0);

        MiraklOrders.serve(MIRAKL, IntStream.rangeClosed(1, 4).mapToObj(n -> Order.damagedLamp(n, NOW.minus(Duration.ofDays(n * 3L))))
                .toList(), List.of());
        sync.poll(accounts.find(ACCOUNT).orElseThrow());
        JsonNode mirakl = row("open", "channel", "mirakl");
        JsonNode counts = api.get("/api/incidents/counts?channel=mirakl").body();
        assertThat(mirakl.get("action_needed").asLong()).isEqualTo(counts.at("/byView/ACTION_NEEDED").asLong());
        assertThat(mirakl.get("waiting").asLong()).isEqualTo(counts.at("/byView/WAITING").asLong());
        assertThat(mirakl.get("overdue").asLong()).isEqualTo(api.get("/api/incidents/counts?channel=mirakl&deadline=overdue").body()
                .get("all").asLong()).isPositive();
    }

    @Test
    @DisplayName("X9: first response and resolution, median and 90th percentile in hours, and the share answered within the service level")
    void responseTimes() {
        JsonNode row = row("response-times", "channel", ReportData.CHANNEL);
        assertThat(row.get("opened").asLong()).as("the one opened 40 days ago is before the period").isEqualTo(7);
        assertThat(row.get("answered").asLong()).isEqualTo(4);
        assertThat(row.get("first_response_median_hours").decimalValue()).isEqualByComparingTo("20.0");
        assertThat(row.get("first_response_p90_hours").decimalValue()).isEqualByComparingTo("44.0");
        assertThat(row.get("service_level_hours").decimalValue()).isEqualByComparingTo("48.0");
        assertThat(row.get("answered_within_service_level_pct").decimalValue()).isEqualByComparingTo("75.0");
        assertThat(row.get("resolved").asLong()).isEqualTo(2);
        assertThat(row.get("resolution_median_hours").decimalValue()).isEqualByComparingTo("30.0");
        assertThat(row.get("resolution_p90_hours").decimalValue()).isEqualByComparingTo("38.0");
    }

    @Test
    @DisplayName("X9: disputes by SKU and by supplier with the previous period; refunds paid per week in money; the same as CSV")
    void disputesAndRefunds() {
        JsonNode lamp = row("dispute-rate?by=sku", "sku", "REP-LAMP");
        assertThat(lamp.get("disputes").asLong()).isEqualTo(4);
        assertThat(lamp.get("previous_period").asLong()).isZero();
        JsonNode bulbs = row("dispute-rate?by=supplier", "supplier", ReportData.SUPPLIER);
        assertThat(bulbs.get("disputes").asLong()).isEqualTo(1);
        assertThat(bulbs.get("previous_period").asLong()).isEqualTo(1);
        assertThat(bulbs.get("change").asLong()).isZero();
        long total = 0;
        for (JsonNode r : api.get("/api/reports/dispute-rate?by=sku").body().get("rows")) {
            total += r.get("disputes").asLong();
        }
        assertThat(lamp.get("share_pct").decimalValue()).isEqualByComparingTo(
                BigDecimal.valueOf(400.0 / total).setScale(1, java.math.RoundingMode.HALF_UP));

        BigDecimal paid = BigDecimal.ZERO;
        long refunds = 0;
        for (JsonNode r : api.get("/api/reports/refunds").body().get("rows")) {
            if (r.get("currency").asString().equals("CHF")) {
                paid = paid.add(r.get("paid").decimalValue());
                refunds += r.get("refunds").asLong();
            }
        }
        assertThat(refunds).isEqualTo(2);
        assertThat(paid).isEqualByComparingTo("42.50");

        String text = api.page("/api/reports/dispute-rate?by=sku", "Accept", "text/csv");
        assertThat(api.page("/api/reports/dispute-rate?by=sku&format=csv")).isEqualTo(text);
        assertThat(text.lines().findFirst().orElseThrow()).isEqualTo("sku,disputes,share_pct,previous_period,change");
        assertThat(text).contains("REP-LAMP,4,");
        assertThat(api.get("/api/reports/dispute-rate?by=colour").body().get("detail").asString()).contains("[sku, supplier, reason, channel]");
        assertThat(api.get("/api/reports/refunds?from=2026-13-01").status()).isEqualTo(400);
        assertThat(api.get("/api/reports/refunds?from=2025-01-01&to=2026-06-01").body().get("detail").asString()).contains("366 days");
    }

    @Test
    @DisplayName("X9: any inbox filter as CSV: a header, one line per incident, text that a spreadsheet would run quoted")
    void exportCsv() {
        MiraklOrders.serve(MIRAKL, List.of(Order.damagedLamp(1, NOW.minus(Duration.ofHours(3))).withBuyer("=cmd|' /C calc'!A0", "Evil"),
                Order.damagedLamp(2, NOW.minus(Duration.ofHours(2)))), List.of());
        sync.poll(accounts.find(ACCOUNT).orElseThrow());
        String csv = api.page("/api/incidents/export?account=" + ACCOUNT + "&sort=deadline");
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).startsWith("id,channel,account,kind,incident,order,skus,product,buyer,reason");
        assertThat(lines).hasSize(3);
        assertThat(csv).contains("LMP-001-A-1", "LMP-002-A-1").contains(",'=cmd|' /C calc'!A0 Evil,")
                .doesNotContain(",=cmd");
        assertThat(api.get("/api/incidents/export?amountMin=lots").status()).isEqualTo(400);
    }
}
