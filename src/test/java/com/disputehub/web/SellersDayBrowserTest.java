package com.disputehub.web;

import static com.disputehub.support.MiraklFake.authorized;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import com.disputehub.support.Api;
import com.disputehub.support.BrowserTest;
import com.disputehub.support.MiraklFake;
import com.disputehub.support.MiraklOrders;
import com.disputehub.support.MiraklOrders.Order;
import com.disputehub.support.ReportData;

/**
 * A seller's morning in a real browser (DOMAIN X9): triage with the keyboard only, incidents taken and found under
 * "Mine", and an answer written from a saved reply. Screenshots land in target/browser-screenshots.
 */
class SellersDayBrowserTest extends BrowserTest {

    static final Instant NOW = Instant.now();
    @BeforeAll
    static void startBrowser() {
        startBrowser("en-GB,en");
    }

    @BeforeEach
    void syncLamps() {
        jdbc.sql("delete from reply_template").update();
        MiraklOrders.serve(MIRAKL, IntStream.rangeClosed(1, 6)
                .mapToObj(n -> Order.damagedLamp(n, NOW.minus(Duration.ofHours(n)))).toList(), List.of());
        sync.poll(accounts.find(ACCOUNT).orElseThrow());
        MIRAKL.stubFor(authorized(post(urlPathMatching("/api/orders/.*/threads")))
                .willReturn(MiraklFake.json("{\"thread_id\":\"thr-new\",\"message_id\":\"m-new\"}").withStatus(201)));
    }

    /** Keys pressed as a person types them, on whatever has the focus. */
    void press(String keys) {
        new Actions(page).sendKeys(keys).perform();
    }

    /** Keys that lead to another page, waiting until it is there. */
    void pressAndLoad(String keys) {
        WebElement before = find("html");
        press(keys);
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            try {
                before.isEnabled();
                return false;
            } catch (StaleElementReferenceException gone) {
                return true;
            }
        });
    }

    String focusedRow() {
        List<WebElement> focused = all("tr.incident-row.focused");
        return focused.isEmpty() ? null : focused.get(0).getDomAttribute("data-external-id");
    }

    @Test
    @DisplayName("X9: triage without the mouse: j/k move, o opens, back keeps the position, x ticks, a assigns, g m shows Mine, ? helps")
    void keyboardTriageAndMine() {
        open("/inbox?lang=en&account=" + ACCOUNT);
        List<String> order = all("tr.incident-row").stream().map(r -> r.getDomAttribute("data-external-id")).toList();
        assertThat(order).hasSize(6);
        press("jjjk");
        assertThat(focusedRow()).isEqualTo(order.get(1));
        browser.screenshot("x9-01-keyboard-focus");

        pressAndLoad("o");
        assertThat(page.getCurrentUrl()).contains("/inbox/incidents/");
        assertThat(find("h1").getText()).contains("Damaged");
        page.navigate().back();
        await().atMost(Duration.ofSeconds(5)).until(() -> order.get(1).equals(focusedRow()));

        press("x");
        assertThat(find("tr.incident-row.focused input[name=ids]").isSelected()).isTrue();
        press("a");
        assertThat(page.switchTo().activeElement().getDomAttribute("id")).isEqualTo("selection-assignee");
        assertThat(new Select(find("#selection-assignee")).getFirstSelectedOption().getDomAttribute("value")).isEqualTo("admin");
        browser.load(find("#assign-selected"));
        assertThat(find("#notice").getText()).isEqualTo("1 incident(s) given to admin");

        pressAndLoad("gm");
        assertThat(find("#view-mine").getDomAttribute("class")).contains("active");
        assertThat(all("tr.incident-row").stream().map(r -> r.getDomAttribute("data-external-id")).toList())
                .containsExactly(order.get(1));
        assertThat(find("tr.incident-row td.owner").getText()).contains("admin");
        browser.screenshot("x9-02-mine");

        pressAndLoad("gu");
        assertThat(all("tr.incident-row")).hasSize(5);
        press("?");
        assertThat(find("#keys-help").isDisplayed()).isTrue();
        assertThat(find("#keys-help").getText()).contains("next incident", "previous page");
        browser.screenshot("x9-03-keys-help");
        press(org.openqa.selenium.Keys.ESCAPE.toString());
        assertThat(find("#keys-help").isDisplayed()).isFalse();
    }

    @Test
    @DisplayName("X9: a reply written from a saved reply: r opens the message form, the template fills it in the buyer's language, it reaches the channel")
    void replyFromTemplate() {
        Api api = new Api(port);
        assertThat(api.post("/api/templates", """
                {"name": "Damaged - photos", "type": "SEND_MESSAGE", "texts": {
                  "en": {"body": "Hello {buyerName}, please send photos."},
                  "es": {"body": "Hola {buyerName}, ¿nos envía fotos de {productTitle}?"}}}
                """).status()).isEqualTo(201);
        open("/inbox?lang=en&account=" + ACCOUNT + "&text=LMP-004");
        press("j");
        pressAndLoad("r");
        assertThat(page.getCurrentUrl()).endsWith("#decide");
        press("r");
        assertThat(find("#decide-SEND_MESSAGE").getDomAttribute("open")).isNotNull();
        assertThat(page.switchTo().activeElement().getDomAttribute("id")).isEqualTo("template-SEND_MESSAGE");
        new Select(find("#template-SEND_MESSAGE")).selectByVisibleText("Damaged - photos");
        assertThat(find("#decide-SEND_MESSAGE textarea[name='f.body']").getDomProperty("value"))
                .as("in the buyer's language (the account's es_ES), with its values")
                .isEqualTo("Hola Cliente Número 4, ¿nos envía fotos de Lámpara de mesa 4?");
        new Select(find("#decide-SEND_MESSAGE select[name='f.to']")).selectByValue("BUYER");
        browser.screenshot("x9-04-template-reply");
        startDispatcher();
        browser.load(find("#submit-SEND_MESSAGE"));
        assertThat(find("#notice").getText()).contains("Decision accepted");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> MIRAKL.verify(1,
                postRequestedFor(urlPathMatching("/api/orders/LMP-004-A/threads")).withRequestBody(containing("Lámpara de mesa 4"))));
    }

    /** The value a chart's bar carries, by its label. */
    double bar(String chart, String label) {
        for (WebElement bar : all("#" + chart + " g.bar")) {
            if (label.equals(bar.getDomAttribute("data-label"))) {
                return Double.parseDouble(bar.getDomAttribute("data-value"));
            }
        }
        throw new AssertionError("no bar " + label + " in " + chart);
    }

    @Test
    @DisplayName("X9: the dashboard draws its charts with the numbers of a known data set, in Spanish, and links the same figures as CSV")
    void dashboard() {
        ReportData data = new ReportData(jdbc, NOW);
        data.wipe();
        data.seed();
        open("/inbox/dashboard?lang=es&by=sku");
        assertThat(find("h1").getText()).isEqualTo("Panel");
        assertThat(bar("chart-open", ReportData.CHANNEL)).isEqualTo(6);
        assertThat(bar("chart-overdue", ReportData.CHANNEL)).isEqualTo(1);
        assertThat(find("#disputes-table tr[data-key='REP-LAMP'] td:nth-child(2)").getText()).isEqualTo("4");
        List<Double> disputeBars = all("#chart-disputes g.bar").stream().map(b -> Double.parseDouble(b.getDomAttribute("data-value"))).toList();
        assertThat(disputeBars).as("the chart draws the twelve largest, largest first").hasSizeBetween(1, 12)
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(bar("chart-time-" + ReportData.CHANNEL, "Primera respuesta, mediana")).isEqualTo(20);
        assertThat(find("#chart-time-" + ReportData.CHANNEL + " g.level").getDomAttribute("data-value")).isEqualTo("48.0");
        double paid = all("#chart-refunds-CHF g.bar").stream().mapToDouble(b -> Double.parseDouble(b.getDomAttribute("data-value"))).sum();
        assertThat(paid).isEqualTo(42.5);
        assertThat(find("#disputes-section h2").getText()).isEqualTo("Disputas por SKU");
        assertThat(find("#times-table").getText()).contains("75.0 %");
        assertThat(find("#disputes-section a").getDomAttribute("href")).startsWith("/api/reports/dispute-rate?format=csv&by=sku");
        browser.screenshot("x9-05-dashboard");

        new Select(find("#dashboard-by")).selectByValue("supplier");
        browser.load(find("#dashboard-apply"));
        assertThat(find("#disputes-table tr[data-key='" + ReportData.SUPPLIER + "'] td:nth-child(2)").getText()).isEqualTo("1");
        assertThat(find("#disputes-table").getText()).contains(ReportData.SUPPLIER);
    }

    @Test
    @DisplayName("X9: a change from the channel appears without a reload: a new incident in the list with \"1 new incident\", a buyer's message on the open incident, a note being typed kept")
    void livePages() {
        open("/inbox?lang=en&account=" + ACCOUNT);
        assertThat(all("tr.incident-row")).hasSize(6);
        page.executeScript("window.notReloaded = 42;");
        List<Order> seven = IntStream.rangeClosed(1, 7).mapToObj(n -> Order.damagedLamp(n, NOW.minus(Duration.ofHours(n)))).toList();
        MiraklOrders.serve(MIRAKL, seven, List.of());
        sync.poll(accounts.find(ACCOUNT).orElseThrow());
        await().atMost(Duration.ofSeconds(15)).until(() -> Long.valueOf(7).equals(script("document.querySelectorAll('tr.incident-row').length")));
        assertThat(find("#live-news").getText()).isEqualTo("1 new incident since you opened the page");
        assertThat(page.executeScript("return window.notReloaded")).as("the page was not reloaded").isEqualTo(42L);
        assertThat(find("#tab-all").getText()).isEqualTo("All 7");
        browser.screenshot("x9-06-live-inbox");

        browser.load(find("tr.incident-row[data-external-id='LMP-003-A-1'] a.open"));
        page.executeScript("window.notReloaded = 43;");
        find("#notes textarea[name=body]").sendKeys("Half-written note");
        MiraklOrders.serve(MIRAKL, seven, List.of(MiraklOrders.Message.fromBuyer("LMP-003", "¿Hay novedades de mi lámpara?",
                "Cliente Número 3", NOW.minus(Duration.ofMinutes(1)))));
        sync.poll(accounts.find(ACCOUNT).orElseThrow());
        await().atMost(Duration.ofSeconds(15)).until(() -> String.valueOf(script("document.getElementById('messages').textContent"))
                .contains("¿Hay novedades de mi lámpara?"));
        assertThat(page.executeScript("return window.notReloaded")).isEqualTo(43L);
        assertThat(find("#notes textarea[name=body]").getDomProperty("value")).isEqualTo("Half-written note");
    }
}
